package com.sessiondesk.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the classes the first window needs (JavaFX's scene graph, controls and CSS, FXML,
 * ControlsFX, the client's views: {@code /startup-classes.txt}, in the order a start needs them)
 * on a side thread while the JavaFX toolkit starts, so that the FX thread finds them loaded: a
 * quarter of its time to the first table was class loading (read, define, verify). Classes are
 * loaded, not initialized: their static code still runs on first use, on the thread that uses them.
 * {@code bench/startup-classes.sh} regenerates the list; a name that no longer exists is skipped
 * (StartupClassesTest fails on one, so the list does not rot).
 */
final class StartupClasses {

    static final String LIST = "/startup-classes.txt";

    private StartupClasses() {
    }

    /** Starts loading on a daemon thread; returns at once. */
    static void preloadInBackground() {
        Thread thread = new Thread(StartupClasses::preload, "sessiondesk-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the listed classes that could not be loaded (none when the list is current) */
    static List<String> preload() {
        ClassLoader loader = StartupClasses.class.getClassLoader();
        List<String> missing = new ArrayList<>();
        try (InputStream in = StartupClasses.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return missing;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    missing.add(name); // renamed or gone since the list was made: only this one is not preloaded
                }
            }
        } catch (IOException e) {
            // no list: the FX thread loads everything itself, as it would without this class
        }
        return missing;
    }
}

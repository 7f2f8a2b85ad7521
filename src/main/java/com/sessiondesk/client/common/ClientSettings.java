package com.sessiondesk.client.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * What the client remembers between runs: the last server URL and username, which table
 * columns the admin hid, the theme, the language and the text size. Never a password or token: there is
 * deliberately no way to put one here.
 */
public final class ClientSettings {

    public static final String FILE_NAME = "client.properties";
    private static final String SERVER_URL = "serverUrl";
    private static final String USERNAME = "username";
    private static final String HIDDEN_COLUMNS = ".hiddenColumns";
    /** "light" or "dark" (client/common/Theme). */
    public static final String THEME = "theme";
    /** A language tag such as "es", or absent for the system's language (client/common/Messages). */
    public static final String LANGUAGE = "language";
    /** "100", "125" or "150" (client/common/TextSize). */
    public static final String TEXT_SIZE = "textSize";

    private final Path file;

    public ClientSettings(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public record Remembered(String serverUrl, String username) {
        public static final Remembered NONE = new Remembered(null, null);
    }

    public Remembered load() {
        Properties properties = read();
        return new Remembered(blankToNull(properties.getProperty(SERVER_URL)), blankToNull(properties.getProperty(USERNAME)));
    }

    /** Everything remembered; an unreadable file counts as empty (start as on a first run rather than fail). */
    private Properties read() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return properties;
    }

    /** @param serverUrl null forgets the server (the next start uses the built-in demo service) */
    public synchronized void save(String serverUrl, String username) throws IOException {
        Properties properties = read();
        properties.remove(SERVER_URL);
        properties.remove(USERNAME);
        if (serverUrl != null) {
            properties.setProperty(SERVER_URL, serverUrl);
        }
        if (username != null) {
            properties.setProperty(USERNAME, username);
        }
        write(properties);
    }

    /** One remembered preference ({@link #THEME}, {@link #LANGUAGE}), or null. */
    public String preference(String key) {
        return blankToNull(read().getProperty(key));
    }

    /** Remembers one preference (null forgets it), keeping everything else in the file. */
    public synchronized void savePreference(String key, String value) throws IOException {
        Properties properties = read();
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
        write(properties);
    }

    /**
     * The ids of the columns the admin hid in a table; null when they never chose (the table's
     * defaults then apply).
     */
    public Set<String> hiddenColumns(String table) {
        String value = read().getProperty(table + HIDDEN_COLUMNS);
        if (value == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    public synchronized void saveHiddenColumns(String table, Set<String> columnIds) throws IOException {
        Properties properties = read();
        properties.setProperty(table + HIDDEN_COLUMNS, String.join(",", columnIds));
        write(properties);
    }

    private void write(Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "SessionDesk client: last server, username, hidden columns (never a password)");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

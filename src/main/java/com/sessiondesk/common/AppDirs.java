package com.sessiondesk.common;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where SessionDesk keeps its files: the directory named by the system property {@code
 * sessiondesk.home} (tests point it at a temporary folder), else by the environment variable
 * {@code SESSIONDESK_HOME} (the system service: {@code /var/lib/sessiondesk}), else the user's data
 * directory of the platform.
 */
public final class AppDirs {

    public static final String HOME_PROPERTY = "sessiondesk.home";
    public static final String HOME_VARIABLE = "SESSIONDESK_HOME";

    private AppDirs() {
    }

    public static Path dataDir() {
        return dataDir(System.getProperty(HOME_PROPERTY), System.getenv(HOME_VARIABLE));
    }

    static Path dataDir(String property, String variable) {
        for (String override : new String[] {property, variable}) {
            if (override != null && !override.isBlank()) {
                return Path.of(override);
            }
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("SessionDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/SessionDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("sessiondesk");
    }

    /**
     * The JDBC URL of the desktop client's built-in demo: its own SQLite file, never the one
     * {@code serve} uses, so the demo's published password never lands in real data.
     */
    public static String demoJdbcUrl() {
        return "jdbc:sqlite:" + dataDir().resolve("demo.db");
    }

    /** The JDBC URL of the default database: SQLite in the data directory. */
    public static String defaultJdbcUrl() {
        return "jdbc:sqlite:" + dataDir().resolve("sessiondesk.db");
    }
}

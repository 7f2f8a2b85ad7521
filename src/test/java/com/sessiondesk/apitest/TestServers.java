package com.sessiondesk.apitest;

import com.sessiondesk.AppDirs;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts real session servers for the API tests: each on a free port of 127.0.0.1 and its own
 * database, with a known password for the super user {@code admin}.
 */
public final class TestServers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Admin-Test-Password-1";

    private static final Path HOME = createHome();

    private TestServers() {
    }

    /** Keeps every test away from the real data directory (helper-common.md). */
    private static Path createHome() {
        try {
            Path home = Files.createTempDirectory("sessiondesk-apitest-home");
            System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL of a fresh SQLite file in a new temporary folder. */
    public static String newSqliteUrl() {
        try {
            Path dir = Files.createTempDirectory(HOME, "db");
            return "jdbc:sqlite:" + dir.resolve("sessiondesk.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerConfig config(String jdbcUrl, boolean demo) {
        return ServerConfig.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withJdbcUrl(jdbcUrl)
                .withDemo(demo)
                .withInitialAdminPassword(ADMIN_PASSWORD);
    }

    public static SessionServer start(String jdbcUrl, boolean demo) {
        return SessionServer.start(config(jdbcUrl, demo));
    }

    public static SessionServer startSqlite() {
        return start(newSqliteUrl(), false);
    }

    public static SessionServer startWithAdminTimeouts(String jdbcUrl, Duration idle, Duration absolute) {
        return SessionServer.start(config(jdbcUrl, false).withAdminTimeouts(idle, absolute));
    }
}

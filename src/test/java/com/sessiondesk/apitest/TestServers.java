package com.sessiondesk.apitest;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts real session servers for the tests: each on a free port of 127.0.0.1 and its own
 * database, with a known password for the super user {@code admin}. A test class gets its server
 * through the one JUnit 5 extension {@link Running}, which starts it before the class's tests and
 * closes it after them:
 * <pre>
 * &#64;RegisterExtension
 * static final TestServers.Running&lt;SessionServer&gt; SERVER = TestServers.sqlite();
 * </pre>
 */
public final class TestServers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Admin-Test-Password-1";

    private static final Path HOME = createHome();

    private TestServers() {
    }

    /** Keeps every test away from the real data directory. */
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

    /** A server on a fresh SQLite database for the test class (see {@link Running}). */
    public static Running<SessionServer> sqlite() {
        String[] jdbcUrl = new String[1];
        return new Running<>(() -> {
            jdbcUrl[0] = newSqliteUrl();
            return start(jdbcUrl[0], false);
        }, () -> jdbcUrl[0]);
    }

    /** Any server-like thing the test class needs running (the GUI tests' LiveServer, for one). */
    public static <T extends AutoCloseable> Running<T> running(Callable<T> start) {
        return new Running<>(start, () -> null);
    }

    /**
     * The JUnit 5 extension that runs one server for a test class: started before the class's
     * {@code @BeforeAll} methods, closed after its {@code @AfterAll} methods.
     */
    public static final class Running<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
        private final Callable<T> start;
        private final Supplier<String> jdbcUrl;
        private T server;

        private Running(Callable<T> start, Supplier<String> jdbcUrl) {
            this.start = start;
            this.jdbcUrl = jdbcUrl;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            server = start.call();
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        public T get() {
            if (server == null) {
                throw new IllegalStateException("the server runs only while the test class runs");
            }
            return server;
        }

        /** The database of a {@link #sqlite()} server. */
        public String jdbcUrl() {
            return jdbcUrl.get();
        }
    }
}

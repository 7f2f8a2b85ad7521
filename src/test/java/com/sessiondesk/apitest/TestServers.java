package com.sessiondesk.apitest;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts real session servers for the tests: each on a free port of 127.0.0.1 and its own
 * database (a SQLite file in a new temporary folder, or an embedded PostgreSQL), with a known
 * password for the super user {@code admin}. A test class gets its server through the one JUnit 5
 * extension {@link Running}:
 * <pre>
 * // one server for the class: started before its tests, closed after them
 * &#64;RegisterExtension
 * static final TestServers.Running&lt;SessionServer&gt; SERVER = TestServers.sqlite();
 *
 * // settings of its own: PostgreSQL, a clock the test moves, a faster heartbeat flush, the demo
 * static final TestServers.Running&lt;SessionServer&gt; SERVER = TestServers.postgres()
 *         .with(config -&gt; config.withClock(clock).withHeartbeatFlushInterval(Duration.ofMillis(50))).demo();
 *
 * // a fresh server for each test (a non-static field): started at its first get(), closed after the test
 * &#64;RegisterExtension
 * final TestServers.Running&lt;SessionServer&gt; server = TestServers.sqlite();
 * </pre>
 * The GUI tests run their {@code LiveServer} (or a fake) through the same extension ({@link Running#as},
 * {@link #running}).
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
        return "jdbc:sqlite:" + newFolder().resolve("sessiondesk.db");
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory(HOME, "db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings of every test server: 127.0.0.1, a free port, the known admin password. */
    public static ServerConfig config(String jdbcUrl, boolean demo) {
        return ServerConfig.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withJdbcUrl(jdbcUrl)
                .withDemo(demo)
                .withInitialAdminPassword(ADMIN_PASSWORD);
    }

    /** A server on a database of the caller's (a test of its own folder; the benchmarks): closed by the caller. */
    public static SessionServer start(String jdbcUrl, boolean demo) {
        return SessionServer.start(config(jdbcUrl, demo));
    }

    /** A server on a fresh SQLite file (see {@link Running}). */
    public static Running<SessionServer> sqlite() {
        return new Running<>(Kind.SQLITE, config -> config, SessionServer::start);
    }

    /** A server on a fresh embedded PostgreSQL, started with it and stopped after it (see {@link Running}). */
    public static Running<SessionServer> postgres() {
        return new Running<>(Kind.POSTGRES, config -> config, SessionServer::start);
    }

    /** Any other server-like thing a test runs the same way (a fake HTTP server, for one); it has no database. */
    public static <T extends AutoCloseable> Running<T> running(Callable<T> start) {
        return new Running<>(Kind.NONE, config -> config, config -> {
            try {
                return start.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test's server", e);
            }
        });
    }

    private enum Kind { NONE, SQLITE, POSTGRES }

    /**
     * The JUnit 5 extension that runs a test's server and its database. In a static field it serves
     * the whole class: started before the class's {@code @BeforeAll} methods, closed after its
     * {@code @AfterAll} methods. In an instance field it serves one test: started at the test's first
     * {@link #get()}, closed after the test. Either way the database goes with it (the SQLite folder
     * is deleted, the embedded PostgreSQL stopped).
     */
    public static final class Running<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback,
            AfterEachCallback {
        private final Kind kind;
        private final UnaryOperator<ServerConfig> settings;
        private final Function<ServerConfig, T> starter;
        private boolean forTheClass;
        private EmbeddedPostgres postgres;
        private Path folder;
        private String jdbcUrl;
        private T server;
        private final List<T> others = new ArrayList<>();

        private Running(Kind kind, UnaryOperator<ServerConfig> settings, Function<ServerConfig, T> starter) {
            this.kind = kind;
            this.settings = settings;
            this.starter = starter;
        }

        /** The same server with changed settings (applied after the test defaults and earlier changes). */
        public Running<T> with(UnaryOperator<ServerConfig> change) {
            return new Running<>(kind, config -> change.apply(settings.apply(config)), starter);
        }

        /** The same server, seeded with the demo agency. */
        public Running<T> demo() {
            return with(config -> config.withDemo(true));
        }

        /** Something else started from this server's settings and database (the GUI tests' LiveServer). */
        public <U extends AutoCloseable> Running<U> as(Function<ServerConfig, U> start) {
            return new Running<>(kind, settings, start);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            forTheClass = true;
            get();
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            if (!forTheClass) {
                stop();
            }
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            stop();
        }

        /** The running server (started now if this test has not started it yet). */
        public synchronized T get() {
            if (server == null) {
                server = starter.apply(kind == Kind.NONE ? null : config());
            }
            return server;
        }

        /** The settings the server starts with. */
        public synchronized ServerConfig config() {
            return settings.apply(TestServers.config(jdbcUrl(), false));
        }

        /** The server's database (created now if it does not exist yet); null for a server without one. */
        public synchronized String jdbcUrl() {
            if (jdbcUrl == null && kind != Kind.NONE) {
                jdbcUrl = kind == Kind.POSTGRES ? startPostgres() : "jdbc:sqlite:" + sqliteFolder().resolve("sessiondesk.db");
            }
            return jdbcUrl;
        }

        private Path sqliteFolder() {
            folder = newFolder();
            return folder;
        }

        private String startPostgres() {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        /** Closes the server and starts a new one on the same database with the same settings. */
        public T restart() throws Exception {
            return restart(config -> config);
        }

        /** Closes the server and starts a new one on the same database, its settings changed (e.g. with the demo). */
        public synchronized T restart(UnaryOperator<ServerConfig> change) throws Exception {
            if (server != null) {
                server.close();
                server = null;
            }
            server = starter.apply(kind == Kind.NONE ? null : change.apply(config()));
            return server;
        }

        /** One more instance on the same database with the same settings; closed with the first. */
        public synchronized T another() {
            T other = starter.apply(kind == Kind.NONE ? null : config());
            others.add(other);
            return other;
        }

        /**
         * Closes the server and its database now (a test that watches a whole life ends it itself);
         * the extension then has nothing left to close.
         */
        public synchronized void stop() throws Exception {
            try (Stopping stopping = new Stopping()) {
                for (T other : others) {
                    stopping.close(other);
                }
                stopping.close(server);
                stopping.close(postgres);
            } finally {
                others.clear();
                server = null;
                postgres = null;
                jdbcUrl = null;
                deleteQuietly(folder);
                folder = null;
            }
        }
    }

    /** Closes several things, each even when an earlier one failed; the first failure is thrown at the end. */
    private static final class Stopping implements AutoCloseable {
        private Exception failure;

        void close(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }

        @Override
        public void close() throws Exception {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}

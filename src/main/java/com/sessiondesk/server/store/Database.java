package com.sessiondesk.server.store;

import com.sessiondesk.common.AppDirs;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The connection pool and the two ways to use it: {@link #read} in auto-commit and {@link #write}
 * in one transaction. On SQLite writers are serialized here (and begin IMMEDIATE), so concurrent
 * admin actions wait for each other instead of failing with SQLITE_BUSY.
 */
public final class Database implements AutoCloseable {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final String jdbcUrl;
    private final Properties properties;
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    private Database(Dialect dialect, HikariDataSource pool, String jdbcUrl, Properties properties) {
        this.dialect = dialect;
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
    }

    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("sessiondesk");
        config.setMinimumIdle(1);
        Properties properties = new Properties();
        if (dialect == Dialect.SQLITE) {
            createPrivateFiles(jdbcUrl);
            SqliteNativeLibrary.prepare();
            config.setDriverClassName("org.sqlite.JDBC");
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.setBusyTimeout(15_000);
            sqlite.enforceForeignKeys(true);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // Memory-mapped reads: every commit invalidates the other connections' page caches,
            // and with heartbeats flushed each second, re-reading pages through mmap is far cheaper.
            sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(256L * 1024 * 1024));
            properties = sqlite.toProperties();
            config.setDataSourceProperties(properties);
            config.setMaximumPoolSize(4);
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaximumPoolSize(6);
        }
        return new Database(dialect, new HikariDataSource(config), jdbcUrl, properties);
    }

    /**
     * Creates the database file's folder 0700 and the file itself 0600 (POSIX), before SQLite opens
     * it: SQLite gives its -wal and -shm files the database file's mode. An existing file or folder is
     * tightened too, except folders that this service did not create and that are not its data
     * directory (a database in /tmp must not make /tmp private).
     */
    static void createPrivateFiles(String jdbcUrl) {
        Path path = sqliteFile(jdbcUrl);
        if (path == null) {
            return;
        }
        Path parent = path.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                if (posix) {
                    Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
                    Files.setPosixFilePermissions(parent, PRIVATE_DIR);
                } else {
                    Files.createDirectories(parent);
                }
            } else if (posix && parent != null && parent.equals(AppDirs.dataDir().toAbsolutePath())) {
                Files.setPosixFilePermissions(parent, PRIVATE_DIR);
            }
            if (!posix) {
                return;
            }
            if (!Files.exists(path)) {
                try {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile by another process: tightened below
                }
            }
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Path each = Path.of(path + suffix);
                if (Files.exists(each)) {
                    Files.setPosixFilePermissions(each, PRIVATE_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database file " + path, e);
        }
    }

    /** The SQLite database file of a {@code jdbc:sqlite:} URL (absolute); null for memory or another database. */
    public static Path sqliteFile(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.SQLITE) {
            return null;
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return null;
        }
        return Path.of(file).toAbsolutePath();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool itself, for Flyway ({@link Migrations}). */
    javax.sql.DataSource dataSource() {
        return pool;
    }

    /** A connection outside the pool, set up like the pool's (for {@link PreparedLookup}). */
    Connection newConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Runs read-only work in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Runs read-only work in one consistent snapshot (several queries that must agree, such as a list
     * and the feed position it was read at): REPEATABLE READ on PostgreSQL, a deferred read
     * transaction on SQLite (which, unlike {@link #write}, takes no write lock).
     */
    public <T> T snapshot(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            if (dialect == Dialect.SQLITE) {
                try (Statement st = connection.createStatement()) {
                    st.execute("BEGIN DEFERRED");
                }
                try {
                    return work.run(connection);
                } finally {
                    try (Statement st = connection.createStatement()) {
                        st.execute("COMMIT");
                    }
                }
            }
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) {
        boolean serialize = dialect == Dialect.SQLITE;
        if (serialize) {
            sqliteWriter.lock();
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            if (serialize) {
                sqliteWriter.unlock();
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

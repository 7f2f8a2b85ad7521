package com.sessiondesk.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Backup and restore of a SQLite database file. A backup is SQLite's {@code VACUUM INTO}: one read
 * transaction, so in WAL mode the running service goes on writing (heartbeats included) while the
 * copy is made, and the copy is one consistent moment of the database. A restore replaces the file
 * while no service holds it ({@link DatabaseLock}), keeping the replaced one beside it. Every file
 * written is 0600, like the database.
 */
public final class SqliteBackup {

    /** The suffix of the database that a restore replaced, kept beside it. */
    public static final String REPLACED_SUFFIX = ".before-restore";

    private SqliteBackup() {
    }

    /** Copies the database into {@code target}, which must not exist; its size in bytes. */
    public static long backup(Path database, Path target) {
        requireDatabase(database);
        Path file = target.toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " already exists; name a new file");
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException("the folder " + file.getParent() + " does not exist");
        }
        Path partial = Path.of(file + ".partial");
        try {
            Files.deleteIfExists(partial);
            createPrivate(partial); // VACUUM INTO writes into an empty file, keeping its mode
            try (Connection connection = open(database, false);
                    PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(file);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("the backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the backup {@code source} in place of the database, refusing while a service runs on it;
     * the database it replaces is kept as {@code DATABASE.before-restore}. Returns that path, or
     * null when there was no database yet.
     */
    public static Path restore(Path database, Path source) {
        Path backup = source.toAbsolutePath();
        checkBackup(backup);
        if (database.getParent() != null && !Files.isDirectory(database.getParent())) {
            throw new IllegalArgumentException("the database's folder " + database.getParent() + " does not exist");
        }
        try (DatabaseLock restoring = DatabaseLock.forRestore(database)) {
            Path incoming = Path.of(database + ".restoring");
            Files.deleteIfExists(incoming);
            createPrivate(incoming);
            try (InputStream in = Files.newInputStream(backup); OutputStream out = Files.newOutputStream(incoming)) {
                in.transferTo(out);
            }
            Path replaced = null;
            if (Files.exists(database)) {
                checkpoint(database); // the replaced file holds all its data, with no -wal beside it
                replaced = Path.of(database + REPLACED_SUFFIX);
                Files.move(database, replaced, StandardCopyOption.REPLACE_EXISTING);
            }
            // A -wal left by the old database must never be replayed onto the restored one.
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(database + suffix));
            }
            Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
            return replaced;
        } catch (IOException e) {
            throw new UncheckedIOException("the restore failed: " + e.getMessage(), e);
        }
    }

    /** The backup opens, passes SQLite's quick check and holds SessionDesk's tables. */
    private static void checkBackup(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("no backup file at " + backup);
        }
        try (Connection connection = open(backup, true); Statement st = connection.createStatement()) {
            try (ResultSet check = st.executeQuery("PRAGMA quick_check")) {
                String result = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new IllegalArgumentException(backup + " is damaged: " + result);
                }
            }
            try (ResultSet tables = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                    + "AND name IN ('users', 'sessions', 'audit_events')")) {
                if (!tables.next() || tables.getInt(1) != 3) {
                    throw new IllegalArgumentException(backup + " is not a SessionDesk database");
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(backup + " is not a SQLite database: " + e.getMessage(), e);
        }
    }

    private static void checkpoint(Path database) {
        try (Connection connection = open(database, false); Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the current database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void requireDatabase(Path database) {
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("no database at " + database);
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SqliteNativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(15_000);
        config.setReadOnly(readOnly);
        Properties properties = config.toProperties();
        return DriverManager.getConnection("jdbc:sqlite:" + file, properties);
    }

    private static void createPrivate(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind; the next backup replaces it
        }
    }
}

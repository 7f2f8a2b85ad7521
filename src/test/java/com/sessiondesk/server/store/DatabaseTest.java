package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.common.AppDirs;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite database file's permissions, the connection set-up, and what a write transaction keeps. */
class DatabaseTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Object pragma(Database db, String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("PRAGMA " + name); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        });
    }

    private static int count(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM t"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void insert(java.sql.Connection c, int value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
            ps.setInt(1, value);
            ps.executeUpdate();
        }
    }

    private static Database withTable(Path file) {
        Database db = Database.open("jdbc:sqlite:" + file);
        db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t (v INTEGER)"));
        return db;
    }

    @Test
    void theFileOfASqliteUrlIsAbsoluteWithoutItsOptions() {
        assertThat(Database.sqliteFile("jdbc:sqlite:data/s.db?journal_mode=wal"))
                .isEqualTo(Path.of("data/s.db").toAbsolutePath());
        assertThat(Database.sqliteFile("jdbc:sqlite:file:/tmp/x.db")).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(Database.sqliteFile("jdbc:sqlite:?mode=memory")).isNull();
        assertThat(Database.sqliteFile("jdbc:sqlite::memory:")).isNull();
        assertThat(Database.sqliteFile("jdbc:sqlite:")).isNull();
        assertThat(Database.sqliteFile("jdbc:postgresql://localhost/x")).isNull();
    }

    @Test
    void aNewDatabaseGetsAPrivateFolderAndFile() throws Exception {
        Path file = dir.resolve("new/deeper/s.db");

        Database.createPrivateFiles("jdbc:sqlite:" + file);

        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void anExistingFileAndItsCompanionsAreTightenedButNotAForeignFolder() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("s.db");
        Files.createFile(file);
        Path wal = dir.resolve("s.db-wal");
        Files.createFile(wal);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-rw-rw-"));

        Database.createPrivateFiles("jdbc:sqlite:" + file);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(wal)).isEqualTo("rw-------");
        assertThat(Files.exists(dir.resolve("s.db-shm"))).isFalse();
        assertThat(mode(dir)).as("a folder the service did not create").isEqualTo("rwxr-xr-x");
    }

    @Test
    void theServicesOwnDataFolderIsMadePrivate() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String before = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, home.toAbsolutePath().toString());
        try {
            Database.createPrivateFiles("jdbc:sqlite:" + home.resolve("sessiondesk.db"));
        } finally {
            if (before == null) {
                System.clearProperty(AppDirs.HOME_PROPERTY);
            } else {
                System.setProperty(AppDirs.HOME_PROPERTY, before);
            }
        }

        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("sessiondesk.db"))).isEqualTo("rw-------");
    }

    @Test
    void openingASqliteDatabaseMakesItPrivateAndSetsItUp() throws Exception {
        Path file = dir.resolve("db/s.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(mode(file.getParent())).isEqualTo("rwx------");
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(((Number) pragma(db, "synchronous")).intValue()).as("NORMAL").isEqualTo(1);
            assertThat(((Number) pragma(db, "busy_timeout")).intValue()).isEqualTo(15_000);
            assertThat(((Number) pragma(db, "foreign_keys")).intValue()).isEqualTo(1);
            assertThat(((Number) pragma(db, "mmap_size")).longValue()).isEqualTo(256L * 1024 * 1024);
            assertThat(mode(file)).isEqualTo("rw-------");
            HikariDataSource pool = (HikariDataSource) db.dataSource();
            assertThat(pool.getPoolName()).isEqualTo("sessiondesk");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getDriverClassName()).isEqualTo("org.sqlite.JDBC");
        }
    }

    @Test
    void aConnectionOutsideThePoolIsSetUpLikeThePools() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"));
                java.sql.Connection c = db.newConnection();
                PreparedStatement ps = c.prepareStatement("PRAGMA foreign_keys");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aWriteIsCommittedWhenItReturns() {
        try (Database db = withTable(dir.resolve("s.db"))) {
            assertThat(db.<String>write(c -> {
                insert(c, 1);
                return "done";
            })).isEqualTo("done");

            assertThat(count(db)).isEqualTo(1);
        }
    }

    @Test
    void aWriteThatThrowsIsRolledBackAndTheNextOneStillCommits() {
        try (Database db = withTable(dir.resolve("s.db"))) {
            IllegalStateException failure = new IllegalStateException("refused");
            assertThatThrownBy(() -> db.write(c -> {
                insert(c, 1);
                throw failure;
            })).isSameAs(failure);
            assertThatThrownBy(() -> db.write(c -> {
                insert(c, 2);
                throw new SQLException("bad");
            })).isInstanceOf(StoreException.class).hasRootCauseMessage("bad");

            assertThat(count(db)).isZero();
            db.write(c -> {
                insert(c, 3);
                return null;
            });
            assertThat(count(db)).isEqualTo(1);
        }
    }

    @Test
    void anotherThreadCanWriteOnceAWriteHasEndedEvenByFailing() throws Exception {
        try (Database db = withTable(dir.resolve("s.db"))) {
            db.write(c -> {
                insert(c, 1);
                return null;
            });
            assertThatThrownBy(() -> db.write(c -> {
                throw new IllegalStateException("refused");
            })).isInstanceOf(IllegalStateException.class);

            CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> db.write(c -> {
                insert(c, 2);
                return null;
            }));

            other.get(10, TimeUnit.SECONDS);
            assertThat(count(db)).isEqualTo(2);
        }
    }

    @Test
    void aSnapshotReadsOneStateAndLeavesNoTransactionOpen() {
        try (Database db = withTable(dir.resolve("s.db"))) {
            db.write(c -> {
                insert(c, 1);
                return null;
            });

            assertThat(db.<Boolean>snapshot(c -> c.getAutoCommit())).isTrue();
            db.write(c -> {
                insert(c, 2);
                return null;
            });
            assertThat(count(db)).isEqualTo(2);
        }
    }
}

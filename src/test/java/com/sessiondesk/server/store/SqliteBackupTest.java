package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup is one consistent copy of the database; a restore puts one back, keeping the file it replaces. */
class SqliteBackupTest {

    @TempDir
    Path dir;

    private Path database(String... usernames) {
        try (StoreFixture f = new StoreFixture(dir)) {
            for (String username : usernames) {
                f.user(username);
            }
        }
        return dir.resolve("store.db");
    }

    private int users(Path database) {
        Database db = Database.open("jdbc:sqlite:" + database);
        try {
            return StoreSql.number(db, "SELECT COUNT(*) FROM users").intValue();
        } finally {
            db.close();
        }
    }

    @Test
    void aBackupRestoredBringsTheDatabaseBackAndKeepsTheReplacedOne() throws Exception {
        Path database = database("maria");
        Path copy = dir.resolve("copy.db");

        long size = SqliteBackup.backup(database, copy);

        assertThat(size).isEqualTo(Files.size(copy)).isPositive();
        assertThat(Files.exists(Path.of(copy + ".partial"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        database("ana", "luis");
        assertThat(users(database)).isEqualTo(3);

        Path replaced = SqliteBackup.restore(database, copy);

        // before anything opens it (opening makes the files private too)
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
        assertThat(replaced).isEqualTo(Path.of(database + SqliteBackup.REPLACED_SUFFIX));
        assertThat(users(database)).isEqualTo(1);
        assertThat(users(replaced)).isEqualTo(3);
        assertThat(Files.exists(Path.of(database + ".restoring"))).isFalse();
    }

    @Test
    void aRestoreWithoutDatabaseReplacesNothing() {
        Path copy = dir.resolve("copy.db");
        SqliteBackup.backup(database("maria"), copy);
        Path fresh = dir.resolve("new").resolve("fresh.db");
        fresh.getParent().toFile().mkdir();

        assertThat(SqliteBackup.restore(fresh, copy)).isNull();

        assertThat(users(fresh)).isEqualTo(1);
    }

    @Test
    void aBackupNeedsADatabaseAndANewFileInAnExistingFolder() throws Exception {
        Path database = database("maria");
        Path taken = Files.writeString(dir.resolve("taken.db"), "x");

        assertThatThrownBy(() -> SqliteBackup.backup(dir.resolve("none.db"), dir.resolve("b.db")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no database at");
        assertThatThrownBy(() -> SqliteBackup.backup(database, taken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> SqliteBackup.backup(database, dir.resolve("missing").resolve("b.db")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThat(Files.readString(taken)).isEqualTo("x");
    }

    @Test
    void aRestoreRefusesWhatIsNotASessionDeskBackup() throws Exception {
        Path database = database("maria");
        Path text = Files.writeString(dir.resolve("text.db"), "not a database at all, just some text");
        Path other = dir.resolve("other.db");
        Database db = Database.open("jdbc:sqlite:" + other);
        StoreSql.update(db, "CREATE TABLE users (id INTEGER)");
        db.close();

        assertThatThrownBy(() -> SqliteBackup.restore(database, dir.resolve("none.db")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no backup file at");
        assertThatThrownBy(() -> SqliteBackup.restore(database, text))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqliteBackup.restore(database, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a SessionDesk database");
        Path copy = dir.resolve("copy.db");
        SqliteBackup.backup(database, copy);
        assertThatThrownBy(() -> SqliteBackup.restore(dir.resolve("missing").resolve("s.db"), copy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThat(users(database)).isEqualTo(1);
    }

    @Test
    void aRestoreIsRefusedWhileAServiceRunsOnTheDatabase() {
        Path database = database("maria");
        Path copy = dir.resolve("copy.db");
        SqliteBackup.backup(database, copy);

        try (DatabaseLock running = DatabaseLock.forService("jdbc:sqlite:" + database)) {
            assertThatThrownBy(() -> SqliteBackup.restore(database, copy))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is running");
        }
        assertThat(Files.exists(Path.of(database + SqliteBackup.REPLACED_SUFFIX))).isFalse();
    }
}

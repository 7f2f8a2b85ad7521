package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migratesOnceAndRecordsTheVersion() {
        String url = "jdbc:sqlite:" + dir.resolve("nested/folder/m.db");
        try (Database db = Database.open(url)) {
            assertThat(new Migrations(db).run()).startsWith(1).contains(4); // V4: push and after sync
            assertThat(new Migrations(db).run()).isEmpty();
            int versions = db.read(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version WHERE version = 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(versions).isEqualTo(1);
        }
        try (Database reopened = Database.open(url)) {
            assertThat(new Migrations(reopened).run()).isEmpty();
            assertThat(new JdbcStore(reopened).hasUsers()).isFalse();
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        assertThat(Migrations.statements("-- note\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void versionComesFromTheFileName() {
        assertThat(Migrations.versionOf("V12__more.sql")).isEqualTo(12);
        assertThatThrownBy(() -> Migrations.versionOf("init.sql")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unsupportedDatabaseIsRefused() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

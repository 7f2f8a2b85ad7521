package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.apitest.Api;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.server.SessionServer;
import com.sessiondesk.server.security.Passwords;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migratesOnceRecordsTheVersionWithItsChecksumAndValidatesOnTheNextStart() {
        String url = "jdbc:sqlite:" + dir.resolve("nested/folder/m.db");
        try (Database db = Database.open(url)) {
            assertThat(new Migrations(db).run()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8); // V5: lower-case usernames, V6: audit categories, V7: devices, V8: alerts
            assertThat(new Migrations(db).run()).isEmpty();
            List<String> history = db.read(c -> strings(c,
                    "SELECT version || ':' || (checksum IS NOT NULL) || ':' || success FROM flyway_schema_history WHERE version = '1'"));
            assertThat(history).containsExactly("1:1:1");
            assertThat(new Migrations(db).upToDate()).as("the next start skips Flyway: same checksums").isTrue();
        }
        try (Database reopened = Database.open(url)) {
            assertThat(new Migrations(reopened).run()).isEmpty();
            assertThat(new JdbcStore(reopened).hasUsers()).isFalse();
        }
    }

    @Test
    void anAppliedScriptThatChangedStopsTheStartWithAClearMessage() {
        String url = "jdbc:sqlite:" + dir.resolve("changed.db");
        try (Database db = Database.open(url)) {
            new Migrations(db).run();
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
                }
            });
            assertThat(new Migrations(db).upToDate()).as("a changed checksum goes through Flyway").isFalse();
            assertThatThrownBy(() -> new Migrations(db).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void aSqliteDatabaseOfTheOldRunnerIsTakenOverWithItsData() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        try (Database db = Database.open(url)) {
            OldRunner.migrate(db, "sqlite");
            assertThat(new JdbcStore(db).createUser(TestServers.ADMIN, "Old Admin",
                    Passwords.hash(TestServers.ADMIN_PASSWORD), true, 1_000L)).isTrue();
        }
        startTheServiceOn(url);
        try (Database db = Database.open(url)) {
            assertThat(db.read(c -> strings(c, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank")).get(0))
                    .isEqualTo("1 BASELINE");
            assertThat(new Migrations(db).run()).isEmpty();
            assertThat(new Migrations(db).upToDate()).isTrue();
            List<String> old = db.read(c -> strings(c, "SELECT description FROM schema_version"));
            assertThat(old).containsExactly("V1__init.sql");
        }
    }

    @Test
    void aPostgresqlDatabaseOfTheOldRunnerIsTakenOverWithItsData() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (Database db = Database.open(url)) {
                OldRunner.migrate(db, "postgresql");
                new JdbcStore(db).createUser(TestServers.ADMIN, "Old Admin",
                        Passwords.hash(TestServers.ADMIN_PASSWORD), true, 1_000L);
            }
            startTheServiceOn(url);
            try (Database db = Database.open(url)) {
                assertThat(db.read(c -> strings(c, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank")).get(0))
                        .isEqualTo("1 BASELINE");
                assertThat(new Migrations(db).run()).isEmpty();
            }
        }
    }

    /** The new service starts on the old database: the old admin signs in, nothing is recreated. */
    private static void startTheServiceOn(String url) {
        try (SessionServer server = SessionServer.start(TestServers.config(url, false))) {
            String token = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
            assertThat(token).isNotBlank();
            var users = Api.ok(Api.withToken(server.baseUrl(), token).users(null, null)).users();
            assertThat(users).extracting(u -> u.name()).contains("Old Admin");
        }
    }

    @Test
    void anEmptyHistoryOfTheOldRunnerIsDroppedAndTheSchemaCreated() {
        String url = "jdbc:sqlite:" + dir.resolve("half.db");
        try (Database db = Database.open(url)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate(OldRunner.CREATE_TABLE);
                }
            });
            assertThat(new Migrations(db).run()).startsWith(1);
            assertThat(new JdbcStore(db).hasUsers()).isFalse();
        }
    }

    @Test
    void everyScriptOfBothDialectsIsListedInOrder() throws IOException {
        List<String> listed = new ArrayList<>();
        for (String line : resource("db/migrations.list").split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                listed.add(line.strip());
            }
        }
        for (String dialect : List.of("sqlite", "postgresql")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources/db", dialect))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted())
                        .as("db/%s/ against db/migrations.list", dialect)
                        .containsExactlyInAnyOrderElementsOf(listed);
            }
        }
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

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What the runner before Flyway did to a new database: V1 and one row in schema_version. */
    private static final class OldRunner {
        static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)";

        static void migrate(Database db, String dialect) throws IOException {
            String script = resource("db/" + dialect + "/V1__init.sql");
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate(CREATE_TABLE);
                    for (String statement : statements(script)) {
                        st.executeUpdate(statement);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (1, 'V1__init.sql', 1000)")) {
                    ps.executeUpdate();
                }
                return null;
            });
        }

        /** The old runner's split: on semicolons ending a line, comments dropped. */
        static List<String> statements(String sql) {
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : sql.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    statements.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            return statements;
        }
    }
}

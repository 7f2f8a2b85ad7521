package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.sessiondesk.Main;
import com.sessiondesk.ServerMain;
import com.sessiondesk.bench.HeartbeatLoad;
import com.sessiondesk.cli.TestTerminal;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.SessionServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} while devices heartbeat through the API, {@code restore} while the service is
 * stopped (refused while it runs), and PostgreSQL's answer: use its own tools.
 */
class BackupRestoreTest {

    private static final List<String> TABLES = List.of("users", "sessions", "audit_events", "admin_tokens", "meta");

    @TempDir
    Path dir;

    @Test
    void aBackupUnderHeartbeatLoadOpensMatchesAndRestoresTheSameSessions() throws Exception {
        Path database = dir.resolve("sessiondesk.db");
        String url = "jdbc:sqlite:" + database;
        Path backup = dir.resolve("backups/monday.db");
        Files.createDirectories(backup.getParent());
        Set<String> sessionsAtBackup;
        Map<String, Long> countsAtBackup;
        try (SessionServer server = TestServers.start(url, true)) {
            List<String> tokens = BulkLoad.createActiveSessions(server, 20_000);
            // Devices heartbeat for 6 s; the backup runs in the middle of it.
            CompletableFuture<String> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return new HeartbeatLoad("127.0.0.1", server.port(), tokens, Long.MAX_VALUE).run(2, 0, 6);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500);
            TestTerminal terminal = new TestTerminal();
            assertThat(ServerMain.run(terminal.terminal(), "backup", backup.toString(), "--db", url))
                    .as(terminal.err()).isZero();
            assertThat(terminal.out()).startsWith("Backed up " + database + " to " + backup + " (");
            String result = load.join();
            System.out.println("heartbeats during the backup: " + result + "; " + terminal.out().strip());
            Matcher max = Pattern.compile(" maxus=(\\d+) errors=(\\d+)").matcher(result);
            assertThat(max.find()).as(result).isTrue();
            assertThat(Long.parseLong(max.group(2))).as("failed heartbeats").isZero();
            assertThat(Long.parseLong(max.group(1))).as("the longest heartbeat, µs").isLessThan(2_000_000);
            assertThat(result).doesNotContain("requests=0 ");
            countsAtBackup = counts(database); // heartbeats change rows, not their number
            sessionsAtBackup = sessionIds(server);
        }
        assertThat(sessionsAtBackup).hasSizeGreaterThan(20_000);
        assertThat(quickCheck(backup)).isEqualTo("ok");
        assertThat(counts(backup)).as("row counts of the backup").isEqualTo(countsAtBackup);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

        // The database changes after the backup, then the backup is restored.
        TestTerminal add = TestTerminal.withStdin("Restore-Password-1\n");
        assertThat(Main.run(add.terminal(), "user", "add", "after.backup", "--name", "After Backup", "--db", url)).isZero();
        TestTerminal restore = new TestTerminal();
        assertThat(Main.run(restore.terminal(), "restore", backup.toString(), "--db", url)).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + backup + " to " + database + ".",
                "The replaced database is kept as " + database + ".before-restore.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(database + ".before-restore"))))
                .isEqualTo("rw-------");
        assertThat(counts(database)).as("the user added after the backup is gone").isEqualTo(countsAtBackup);
        try (SessionServer restored = TestServers.start(url, false)) {
            assertThat(sessionIds(restored)).isEqualTo(sessionsAtBackup);
        }
    }

    @Test
    void restoreIsRefusedWhileTheServiceRuns() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("live.db");
        Path backup = dir.resolve("live-backup.db");
        try (SessionServer server = TestServers.start(url, true)) {
            TestTerminal backupTerminal = new TestTerminal();
            assertThat(ServerMain.run(backupTerminal.terminal(), "backup", backup.toString(), "--db", url)).isZero();
            Set<String> before = sessionIds(server);
            TestTerminal terminal = new TestTerminal();
            assertThat(ServerMain.run(terminal.terminal(), "restore", backup.toString(), "--db", url)).isEqualTo(1);
            assertThat(terminal.err()).startsWith("restore: the session service is running on " + dir.resolve("live.db")
                    + " (it holds " + dir.resolve("live.db.lock") + "); stop it first, then restore");
            assertThat(sessionIds(server)).isEqualTo(before);
            assertThat(Files.exists(dir.resolve("live.db.before-restore"))).isFalse();

            TestTerminal nowhere = new TestTerminal();
            assertThat(ServerMain.run(nowhere.terminal(), "backup", dir.resolve("no/such/folder.db").toString(), "--db",
                    url)).isEqualTo(1);
            assertThat(nowhere.err()).isEqualTo("backup: the folder " + dir.resolve("no/such") + " does not exist\n");

            TestTerminal again = new TestTerminal();
            assertThat(ServerMain.run(again.terminal(), "backup", backup.toString(), "--db", url)).isEqualTo(1);
            assertThat(again.err()).startsWith("backup: " + backup + " already exists; name a new file");
        }
        TestTerminal stopped = new TestTerminal();
        assertThat(ServerMain.run(stopped.terminal(), "restore", backup.toString(), "--db", url)).isZero();
    }

    @Test
    void restoreRefusesAFileThatIsNoSessionDeskDatabase() throws Exception {
        Path junk = Files.writeString(dir.resolve("notes.txt"), "not a database");
        TestTerminal terminal = new TestTerminal();
        assertThat(ServerMain.run(terminal.terminal(), "restore", junk.toString(), "--db",
                "jdbc:sqlite:" + dir.resolve("x.db"))).isEqualTo(1);
        assertThat(terminal.err()).startsWith("restore: " + junk + " is not a SQLite database");
        assertThat(Files.exists(dir.resolve("x.db"))).isFalse();
    }

    @Test
    void onPostgresqlBothNameItsToolsAndExit2() {
        String url = "jdbc:postgresql://127.0.0.1:5432/sessiondesk";
        TestTerminal backup = new TestTerminal();
        assertThat(ServerMain.run(backup.terminal(), "backup", "x.dump", "--db", url)).isEqualTo(2);
        assertThat(backup.err()).startsWith("sessiondesk-server backup: the database is PostgreSQL: use pg_dump");
        TestTerminal restore = TestTerminal.withEnv(Map.of("SESSIONDESK_DB", url));
        assertThat(Main.run(restore.terminal(), "restore", "x.dump")).isEqualTo(2);
        assertThat(restore.err()).startsWith("sessiondesk restore: the database is PostgreSQL: use pg_restore");
    }

    private static Set<String> sessionIds(SessionServer server) {
        RawHttp.Reply list = new RawHttp(server.baseUrl()).get("/api/v1/sessions", server.issueAdminToken(TestServers.ADMIN));
        assertThat(list.status()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        for (JsonElement session : list.object().getAsJsonArray("sessions")) {
            ids.add(session.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private static Map<String, Long> counts(Path file) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String quickCheck(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.service.Logouts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's transactional rules, on SQLite: one audit event per effective change, no resurrection. */
class JdbcStoreTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private Logouts logouts;
    private long mariaId;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        logouts = new Logouts(db);
        store.createUser("admin", "Admin", "x", true, 1);
        store.createUser("maria.lopez", "Maria Lopez", "x", false, 1);
        mariaId = store.credentials("maria.lopez").orElseThrow().userId();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private String login(String token, String app, String device, long at) {
        return store.startSession(mariaId, new Device(app, "1.0", device, "Pixel 7", "Android 14", "Spanish"),
                token, at).orElseThrow();
    }

    @Test
    void duplicateUsernameIsRefused() {
        assertThat(store.createUser("maria.lopez", "Other", "x", false, 2)).isFalse();
    }

    @Test
    void heartbeatFlushDoesNotReviveAnEndedSession() {
        String session = login("h1", "Caregiver", "phone", 1000);
        logouts.session(session, false, false, "Lost phone", null, "admin", 2000);
        store.recordHeartbeats(Map.of(session, new Records.Heartbeat(3000, 7)));
        assertThat(store.activeSessionRows(null, null)).isEmpty();
        assertThat(store.mobileSession("h1").orElseThrow().ended()).isTrue();
        assertThat(store.mobileSession("h1").orElseThrow().endReason()).isEqualTo("Lost phone");
    }

    @Test
    void heartbeatFlushUpdatesLastSeenAndKeepsCountWhenAbsent() {
        String session = login("h1", "Caregiver", "phone", 1000);
        store.recordHeartbeats(Map.of(session, new Records.Heartbeat(5000, 4)));
        store.recordHeartbeats(Map.of(session, new Records.Heartbeat(6000, null)));
        ActiveSessionRow row = store.activeSessionRows(null, null).get(0);
        assertThat(row.lastSeen()).isEqualTo(6000);
        assertThat(row.pendingSyncItems()).isEqualTo(4);
    }

    @Test
    void listIsNewestLastSeenFirstWithSupersededSessionsInIt() {
        String old = login("t1", "Caregiver", "phone", 1000);
        String fresh = login("t2", "Caregiver", "phone", 2000);
        store.recordHeartbeats(Map.of(old, new Records.Heartbeat(9000, null)));
        List<ActiveSessionRow> rows = store.activeSessionRows("maria.lopez", "Caregiver");
        assertThat(rows).extracting(ActiveSessionRow::id).containsExactly(old, fresh);
        assertThat(Superseded.flags(rows)).containsExactly(true, false);
        assertThat(store.activeSession(old).orElseThrow().superseded()).isTrue();
        assertThat(store.activeSession(fresh).orElseThrow().superseded()).isFalse();
        assertThat(store.activeSessionRows("nobody", null)).isEmpty();
        assertThat(store.activeSessionRows(null, "EVV")).isEmpty();
    }

    @Test
    void sessionsPastTheirLifetimesAreExpiredOnceAndOthersAreLeftAlone() {
        String idle = login("t-idle", "EVV", "d1", 1_000);
        String old = login("t-old", "EVV", "d2", 2_000);
        String fresh = login("t-fresh", "EVV", "d3", 50_000);
        store.recordHeartbeats(Map.of(old, new Records.Heartbeat(60_000, null)));
        assertThat(store.expireSessions(10_000, 2_500, 70_000)).isEqualTo(2);
        assertThat(store.expireSessions(10_000, 2_500, 80_000)).isZero();
        assertThat(store.mobileSession("t-idle").orElseThrow().expired()).isTrue();
        assertThat(store.mobileSession("t-old").orElseThrow().expired()).as("seen, but started too long ago").isTrue();
        assertThat(store.mobileSession("t-fresh").orElseThrow().ended()).isFalse();
        assertThat(store.activeSessionRows(null, null)).extracting(ActiveSessionRow::id).containsExactly(fresh);
        assertThat(idle).isNotEqualTo(old);
    }

    @Test
    void demotingASuperUserDeletesTheirAdminTokensInTheSameTransactionAndAuditsIt() {
        long adminId = store.credentials("admin").orElseThrow().userId();
        store.createAdminToken("admin-token-1", adminId, 1, 1_000_000);
        store.createAdminToken("admin-token-2", adminId, 1, 1_000_000);
        assertThat(store.setSuperUser("admin", false, "root", 5).orElseThrow().superUser()).isFalse();
        assertThat(store.adminToken("admin-token-1")).isEmpty();
        assertThat(store.adminToken("admin-token-2")).isEmpty();
        assertThat(store.audit("admin", 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("admin_tokens_revoked");
            assertThat(e.reason()).isEqualTo("2 admin sessions ended: no longer a super user");
        });
        assertThat(store.setSuperUser("nobody", false, "root", 5)).isEmpty();
    }
}

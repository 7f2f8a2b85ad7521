package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History: admin actions, security events counted per minute (and past 20 rows, in one), pages, pruning. */
class AuditLogTest {

    private static final long MINUTE = 60_000;
    private static final AuditAction FAILED = AuditAction.MOBILE_LOGIN_FAILED;

    @TempDir
    Path dir;
    private StoreFixture f;
    private AuditLog log;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        log = new AuditLog(f.db);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long insert(AuditAction action, String username, List<String> sessionIds, Long until, long at) {
        return f.db.write(c -> AuditLog.insert(c, action, "admin", username, sessionIds, "why", until, at));
    }

    private List<AuditEvent> security() {
        return log.page(AuditCategory.SECURITY, null, null, 1_000);
    }

    private List<Long> ids(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::id).toList();
    }

    // --- admin actions ---

    @Test
    void anActionIsReadBackWithItsFields() {
        long id = f.db.write(c -> AuditLog.insert(c, AuditAction.BLOCK_SESSIONS, "admin", "maria", List.of("s1", "s2"),
                "Lost phone", 5_000L, 1_000));
        log.record(AuditAction.UNBLOCK, "root", "ana", List.of(), null, 2_000);

        List<AuditEvent> events = log.events(null, 10);

        assertThat(events).hasSize(2);
        AuditEvent unblock = events.get(0);
        assertThat(unblock).isEqualTo(new AuditEvent(unblock.id(), Instant.ofEpochMilli(2_000), "root", "unblock",
                "ana", List.of(), null, null, null, null, null, null));
        assertThat(events.get(1)).isEqualTo(new AuditEvent(id, Instant.ofEpochMilli(1_000), "admin",
                "block_sessions", "maria", List.of("s1", "s2"), "Lost phone", null, null,
                Instant.ofEpochMilli(5_000), null, null));
        assertThat(unblock.id()).isGreaterThan(id);
    }

    @Test
    void aDeviceEventNamesItsDeviceAndNoOtherRowDoes() {
        long before = insert(AuditAction.BLOCK, "maria", List.of(), null, 100);
        long device = f.db.write(c -> AuditLog.insertDeviceEvent(c, AuditAction.DEVICE_BLOCKED, "admin", "maria",
                "d-1", List.of(), "Lost", null, 200));

        assertThat(log.events(null, 10)).extracting(AuditEvent::id, AuditEvent::deviceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(device, "d-1"),
                        org.assertj.core.groups.Tuple.tuple(before, null));
    }

    // --- security events ---

    @Test
    void aRepeatWithinTheMinuteIsCountedInOneRow() {
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.1", "bad password", 2 * MINUTE);
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.1", "bad password", 3 * MINUTE - 1);

        assertThat(security()).singleElement().isEqualTo(new AuditEvent(security().get(0).id(),
                Instant.ofEpochMilli(2 * MINUTE), "maria", "mobile_login_failed", "maria", List.of(), "bad password",
                "10.0.0.1", 2, null, null, null));
        assertThat(log.page(AuditCategory.ACTION, null, null, 10)).isEmpty();
    }

    @Test
    void anotherMinuteAddressAccountOrKindIsAnotherRow() {
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.1", null, 2 * MINUTE);
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.1", null, 3 * MINUTE);
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.2", null, 3 * MINUTE);
        log.recordSecurityEvent(FAILED, "ana", "10.0.0.2", null, 3 * MINUTE);
        log.recordSecurityEvent(AuditAction.LOGIN_THROTTLED, "ana", "10.0.0.2", null, 3 * MINUTE);

        assertThat(security()).hasSize(5).allSatisfy(e -> assertThat(e.count()).isEqualTo(1));
    }

    @Test
    void pastTwentyRowsOfAKindInAMinuteOneRowCountsTheRest() {
        long minute = 5 * MINUTE;
        // the minute before is full: it does not count for this one
        for (int i = 0; i < AuditLog.ROWS_PER_KIND_AND_MINUTE; i++) {
            log.recordSecurityEvent(FAILED, "user" + i, "10.0.1." + i, "r", minute - 1);
        }
        for (int i = 0; i < AuditLog.ROWS_PER_KIND_AND_MINUTE; i++) {
            log.recordSecurityEvent(FAILED, "user" + i, "10.0.0." + i, "r", minute + i);
        }
        assertThat(security()).hasSize(2 * AuditLog.ROWS_PER_KIND_AND_MINUTE);
        assertThat(security()).allSatisfy(e -> assertThat(e.address()).isNotNull());

        log.recordSecurityEvent(FAILED, "late", "10.0.9.1", "r", minute + 100);
        log.recordSecurityEvent(FAILED, "later", "10.0.9.2", "r", minute + 200);
        log.recordSecurityEvent(FAILED, "user0", "10.0.0.0", "r", minute + 300); // has its own row: counted there
        log.recordSecurityEvent(AuditAction.LOGIN_THROTTLED, "late", "10.0.9.1", "r", minute + 400); // other kind

        List<AuditEvent> rows = security();
        assertThat(rows).hasSize(2 * AuditLog.ROWS_PER_KIND_AND_MINUTE + 2);
        assertThat(rows.get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("login_throttled");
            assertThat(e.address()).isEqualTo("10.0.9.1");
            assertThat(e.count()).isEqualTo(1);
        });
        assertThat(rows.get(1)).isEqualTo(new AuditEvent(rows.get(1).id(), Instant.ofEpochMilli(minute + 100), "",
                "mobile_login_failed", "", List.of(), null, null, 2, null, null, null));
        assertThat(rows).filteredOn(e -> "10.0.0.0".equals(e.address())).singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(2));

        log.recordSecurityEvent(FAILED, "late", "10.0.9.1", "r", minute + MINUTE); // the next minute
        assertThat(security().get(0).address()).isEqualTo("10.0.9.1");
        assertThat(security().get(0).count()).isEqualTo(1);
    }

    // --- pages ---

    @Test
    void pagesAreNewestFirstByCategoryUserAndCursor() {
        long a1 = insert(AuditAction.BLOCK, "maria", List.of(), null, 100);
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.1", null, 200);
        long s1 = security().get(0).id();
        long a2 = insert(AuditAction.UNBLOCK, "ana", List.of(), null, 300);
        long a3 = insert(AuditAction.LOGOUT_ALL, "maria", List.of(), null, 400);

        assertThat(ids(log.page(null, null, null, 10))).containsExactly(a3, a2, s1, a1);
        assertThat(ids(log.page(null, null, null, 2))).containsExactly(a3, a2);
        assertThat(ids(log.page(null, null, a2, 10))).containsExactly(s1, a1);
        assertThat(ids(log.page(null, null, a1, 10))).isEmpty();
        assertThat(ids(log.page(AuditCategory.ACTION, null, null, 10))).containsExactly(a3, a2, a1);
        assertThat(ids(log.page(AuditCategory.SECURITY, null, null, 10))).containsExactly(s1);
        assertThat(ids(log.page(null, "maria", null, 10))).containsExactly(a3, s1, a1);
        assertThat(ids(log.page(AuditCategory.ACTION, "maria", a3, 1))).containsExactly(a1);
        assertThat(ids(log.events("ana", 10))).containsExactly(a2);
        assertThat(ids(log.events(null, 1))).containsExactly(a3);
    }

    @Test
    void eventsNamingSessionsCarryTheirDeliveriesInTheirOrder() {
        long maria = f.user("maria");
        List<String> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(f.login(maria, "t" + i, 100));
        }
        List<String> named = sessions.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        long plain = insert(AuditAction.BLOCK, "maria", List.of(), null, 200);
        long withSessions = f.db.write(c -> {
            long id = AuditLog.insert(c, AuditAction.LOGOUT_ALL, "admin", "maria", named, null, 300);
            PushQueries.insertDeliveries(c, id, named, 300);
            return id;
        });
        long undelivered = insert(AuditAction.LOGOUT_SESSION, "maria", List.of(sessions.get(0)), null, 400);

        List<AuditEvent> events = log.events(null, 10);

        assertThat(ids(events)).containsExactly(undelivered, withSessions, plain);
        assertThat(events.get(0).deliveries()).isNull();
        assertThat(events.get(1).sessionIds()).containsExactlyElementsOf(named);
        assertThat(events.get(1).deliveries()).extracting(Delivery::sessionId).containsExactlyElementsOf(named);
        assertThat(events.get(2).deliveries()).isNull();
    }

    // --- pruning ---

    @Test
    void pruningDeletesTheOlderEventsOfOneCategoryWithTheirDeliveries() {
        long maria = f.user("maria");
        String session = f.login(maria, "t", 100);
        long old = f.db.write(c -> {
            long id = AuditLog.insert(c, AuditAction.LOGOUT_SESSION, "admin", "maria", List.of(session), null, 999);
            PushQueries.insertDeliveries(c, id, List.of(session), 999);
            return id;
        });
        long kept = f.db.write(c -> {
            long id = AuditLog.insert(c, AuditAction.LOGOUT_SESSION, "admin", "maria", List.of(session), null, 1_000);
            PushQueries.insertDeliveries(c, id, List.of(session), 1_000);
            return id;
        });
        long older = insert(AuditAction.BLOCK, "maria", List.of(), null, 10);
        log.recordSecurityEvent(FAILED, "maria", "10.0.0.1", null, 10);

        assertThat(log.prune(AuditCategory.ACTION, 1_000)).isEqualTo(2);

        assertThat(ids(log.page(AuditCategory.ACTION, null, null, 10))).containsExactly(kept);
        assertThat(security()).hasSize(1);
        assertThat(StoreSql.number(f.db, "SELECT COUNT(*) FROM deliveries WHERE audit_id IN (?, ?)", old, older))
                .isZero();
        assertThat(StoreSql.number(f.db, "SELECT COUNT(*) FROM deliveries WHERE audit_id = ?", kept)).isEqualTo(1);
        assertThat(log.prune(AuditCategory.ACTION, 1_000)).isZero();

        assertThat(log.prune(AuditCategory.SECURITY, 11)).isEqualTo(1);
        assertThat(security()).isEmpty();
    }
}

package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.server.store.BulkInsert.SessionRow;
import com.sessiondesk.server.store.BulkInsert.UserRow;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.SessionSignal;
import com.sessiondesk.server.service.Logouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the device streams read (signals), a log out after sync ending, deliveries, and seeding rows in bulk. */
class PushQueriesTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private Logouts logouts;
    private long mariaId;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
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

    private String login(String token, String device, long at) {
        return store.startSession(mariaId, new Device("EVV", "1.0", device, "Pixel 7", "Android 14", "Spanish"),
                token, at).orElseThrow();
    }

    private AuditEvent lastEvent() {
        return store.audit("maria.lopez", 10).get(0);
    }

    @Test
    void signalsSinceListEndedAndEndingSessionsFromThatInstantOn() {
        String ended = login("t1", "d1", 1000);
        String ending = login("t2", "d2", 1000);
        String active = login("t3", "d3", 1000);
        logouts.session(ended, false, false, "lost", null, "admin", 2000);
        logouts.sessionAfterSync(ending, false, false, "sync", null, "admin", 3000, 50_000);
        assertThat(store.sessionSignalsSince(2000)).extracting(SessionSignal::sessionId)
                .containsExactlyInAnyOrder(ended, ending);
        assertThat(store.sessionSignalsSince(2001)).extracting(SessionSignal::sessionId).containsExactly(ending);
        assertThat(store.sessionSignalsSince(3001)).isEmpty();
        SessionSignal endedSignal = store.sessionSignal(ended).orElseThrow();
        assertThat(endedSignal.endedAt()).isEqualTo(2000L);
        assertThat(endedSignal.endAfter()).isNull();
        assertThat(endedSignal.reason()).isEqualTo("lost");
        assertThat(endedSignal.blocked()).isFalse();
        SessionSignal endingSignal = store.sessionSignal(ending).orElseThrow();
        assertThat(endingSignal.endedAt()).isNull();
        assertThat(endingSignal.endAfter()).isEqualTo(50_000L);
        assertThat(endingSignal.endingAt(49_999)).isTrue();
        assertThat(endingSignal.endedAt(50_000)).isTrue();
        assertThat(store.sessionSignal(active).orElseThrow().endedAt(10_000)).isFalse();
        assertThat(store.sessionSignal("nope")).isEmpty();
    }

    @Test
    void aTimedBlockShowsInTheSignal() {
        String s = login("t1", "d1", 1000);
        logouts.block("maria.lopez", "left", 90_000L, "admin", 2000, null);
        SessionSignal signal = store.sessionSignal(s).orElseThrow();
        assertThat(signal.blocked()).isTrue();
        assertThat(signal.blockedUntil()).isEqualTo(90_000L);
    }

    @Test
    void anEndingSessionEndsWhenItsDeviceSyncedOnlyOnce() {
        String s = login("t1", "d1", 1000);
        assertThat(store.endSessionAfterSync(s, 1500)).as("not ending").isFalse();
        logouts.sessionAfterSync(s, false, false, "sync", null, "admin", 2000, 50_000);
        assertThat(store.activeSessionRows(null, null)).as("still listed while ending").hasSize(1);
        assertThat(store.endSessionAfterSync(s, 3000)).isTrue();
        assertThat(store.endSessionAfterSync(s, 4000)).isFalse();
        assertThat(store.sessionSignal(s).orElseThrow().endedAt()).isEqualTo(3000L);
        assertThat(store.mobileSession("t1").orElseThrow().ended()).isTrue();
        assertThat(store.activeSessionRows(null, null)).isEmpty();
    }

    @Test
    void endingSessionsPastTheirDeadlineEndAtTheDeadline() {
        String a = login("t1", "d1", 1000);
        String b = login("t2", "d2", 1000);
        logouts.sessionAfterSync(a, false, false, "sync", null, "admin", 2000, 50_000);
        logouts.sessionAfterSync(b, false, false, "sync", null, "admin", 2000, 60_000);
        assertThat(store.finishDueEndings(49_999)).isZero();
        assertThat(store.finishDueEndings(50_000)).isEqualTo(1);
        assertThat(store.finishDueEndings(55_000)).as("only once").isZero();
        assertThat(store.sessionSignal(a).orElseThrow().endedAt()).as("the deadline").isEqualTo(50_000L);
        assertThat(store.sessionSignal(b).orElseThrow().endedAt()).isNull();
        assertThat(store.finishDueEndings(70_000)).isEqualTo(1);
        assertThat(store.sessionSignal(b).orElseThrow().endedAt()).isEqualTo(60_000L);
    }

    @Test
    void anActionFinishesDueEndingsFirst() {
        String a = login("t1", "d1", 1000);
        logouts.sessionAfterSync(a, false, false, "sync", null, "admin", 2000, 5000);
        logouts.account("maria.lopez", null, "admin", 6000, null);
        assertThat(store.sessionSignal(a).orElseThrow().endedAt()).isEqualTo(5000L);
        assertThat(lastEvent().action()).as("nothing left to end").isEqualTo("logout_session");
    }

    @Test
    void aDeliveryIsMarkedTheFirstTimeItsDeviceIsTold() {
        String a = login("t1", "d1", 1000);
        String b = login("t2", "d2", 1000);
        logouts.account("maria.lopez", null, "admin", 2000, null);
        assertThat(lastEvent().deliveries()).extracting(Delivery::deliveredAt).containsOnlyNulls();
        store.markDelivered(List.of(), "stream", 2500);
        store.markDelivered(List.of(a), "stream", 3000);
        store.markDelivered(List.of(a, b), "response", 4000);
        assertThat(lastEvent().deliveries()).extracting(Delivery::sessionId, d -> d.deliveredAt().toEpochMilli(),
                Delivery::channel).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a, 3000L, "stream"),
                        org.assertj.core.groups.Tuple.tuple(b, 4000L, "response"));
        assertThat(lastEvent().deliveries()).extracting(Delivery::device).containsOnly("Pixel 7");
    }

    @Test
    void bulkInsertWritesUsersAndSessionsAcrossBatches() {
        List<UserRow> users = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            users.add(new UserRow("u" + i, "User " + i, "h" + i, i == 0, i == 1, i == 1 ? 5L : null,
                    i == 1 ? "admin" : null, i == 1 ? "left" : null, 7));
        }
        List<SessionRow> sessions = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            sessions.add(new SessionRow("s" + i, "tok" + i, "u" + i, "EVV", "2.0", "dev" + i, "Model", "OS", "English",
                    100 + i, 200 + i, i % 3, i == 5 ? 300L : null, i == 5 ? "admin" : null, i == 5 ? "gone" : null));
        }
        db.write(c -> {
            BulkInsert.users(c, users);
            BulkInsert.sessions(c, sessions);
            return null;
        });
        Set<String> names = db.read(BulkInsert::existingUsernames);
        assertThat(names).hasSize(1003).contains("u0", "u1000", "maria.lopez");
        assertThat(store.user("u0").orElseThrow().superUser()).isTrue();
        assertThat(store.user("u1").orElseThrow()).satisfies(u -> {
            assertThat(u.blocked()).isTrue();
            assertThat(u.blockedAt().toEpochMilli()).isEqualTo(5L);
            assertThat(u.blockedBy()).isEqualTo("admin");
            assertThat(u.blockReason()).isEqualTo("left");
            assertThat(u.name()).isEqualTo("User 1");
        });
        assertThat(store.user("u2").orElseThrow().blocked()).isFalse();
        assertThat(store.credentials("u7").orElseThrow().passwordHash()).isEqualTo("h7");
        List<ActiveSessionRow> rows = store.activeSessionRows(null, null);
        assertThat(rows).hasSize(1000);
        ActiveSessionRow row = store.activeSessionRows("u1000", null).get(0);
        assertThat(row.id()).isEqualTo("s1000");
        assertThat(row.loginTime()).isEqualTo(1100);
        assertThat(row.lastSeen()).isEqualTo(1200);
        assertThat(row.pendingSyncItems()).isEqualTo(1000 % 3);
        assertThat(row.deviceModel()).isEqualTo("Model");
        assertThat(store.mobileSession("tok5").orElseThrow().ended()).isTrue();
        assertThat(store.mobileSession("tok5").orElseThrow().endReason()).isEqualTo("gone");
        assertThat(store.mobileSession("tok5").orElseThrow().endedBy()).isEqualTo("admin");
    }

    @Test
    void bulkInsertRefusesASessionOfAnUnknownUser() {
        assertThatThrownBy(() -> db.write(c -> {
            BulkInsert.sessions(c, List.of(new SessionRow("s", "t", "nobody", "EVV", "1", "d", "m", "o", "l", 1, 1, 0,
                    null, null, null)));
            return null;
        })).hasMessageContaining("no user nobody");
    }
}

package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.server.store.Alerts.Occurrence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL steps of the alerts: failed logins counted in a window, counters per minute, raising and acknowledging. */
class AlertsTest {

    @TempDir
    Path dir;
    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @FunctionalInterface
    private interface AlertWork<T> {
        T run(Alerts alerts) throws java.sql.SQLException;
    }

    private <T> T alerts(AlertWork<T> work) {
        return f.db.write(c -> work.run(new Alerts(c)));
    }

    private int anInt(AlertWork<Integer> work) {
        return alerts(work);
    }

    private long aLong(AlertWork<Long> work) {
        return alerts(work);
    }

    private Long aNullableLong(AlertWork<Long> work) {
        return alerts(work);
    }

    private boolean yes(AlertWork<Boolean> work) {
        return alerts(work);
    }

    private Optional<String> aName(AlertWork<Optional<String>> work) {
        return alerts(work);
    }

    private Optional<Alert> anAlert(AlertWork<Optional<Alert>> work) {
        return alerts(work);
    }

    private List<Alert> aList(AlertWork<List<Alert>> work) {
        return alerts(work);
    }

    private long failedLogins(String username) {
        return StoreSql.number(f.db, "SELECT COUNT(*) FROM failed_logins WHERE username = ?", username);
    }

    private static Occurrence failed(String username) {
        return new Occurrence("failed_logins", username, username, null, null, "10.0.0.1");
    }

    private long raise(Occurrence what, int add, long firstAt, long now) {
        return alerts(a -> a.raise(what, add, firstAt, now));
    }

    private List<Alert> byIds(List<Long> ids) {
        return f.db.read(c -> Alerts.byIds(c, ids));
    }

    private Alert alert(long id) {
        return byIds(List.of(id)).get(0);
    }

    private List<Alert> alertsInFeedAfter(String cursor) {
        SessionChanges changes = f.store.sessionChanges(cursor).orElseThrow();
        return changes.alerts();
    }

    private List<AuditEvent> acknowledgements() {
        return f.store.audit(null, 100).stream().filter(e -> e.action().equals("alert_acknowledged")).toList();
    }

    // --- failed logins ---

    @Test
    void aFailedLoginIsCountedWithThoseSinceTheWindowStartThisOneIncluded() {
        assertThat(anInt(a -> a.failedLogin("maria", 100, 0, 0))).isEqualTo(1);
        assertThat(anInt(a -> a.failedLogin("maria", 200, 0, 0))).isEqualTo(2);
        assertThat(anInt(a -> a.failedLogin("ana", 250, 0, 0))).isEqualTo(1);

        // counted from 200 on: the one at 100 is before the window, the one at 200 is at its start
        assertThat(anInt(a -> a.failedLogin("maria", 300, 0, 200))).isEqualTo(2);
        assertThat(anInt(a -> a.failedLogin("maria", 400, 0, 201))).isEqualTo(2);
        assertThat(failedLogins("maria")).isEqualTo(4);
    }

    @Test
    void failedLoginsBeforeTheKeepLimitAreForgottenForEveryAccount() {
        alerts(a -> a.failedLogin("maria", 100, 0, 0));
        alerts(a -> a.failedLogin("maria", 200, 0, 0));
        alerts(a -> a.failedLogin("ana", 150, 0, 0));

        assertThat(anInt(a -> a.failedLogin("luis", 300, 200, 0))).isEqualTo(1);

        assertThat(failedLogins("maria")).isEqualTo(1); // the one at 200 is kept: not before the limit
        assertThat(failedLogins("ana")).isZero();
        assertThat(failedLogins("luis")).isEqualTo(1);
        assertThat(anInt(a -> a.failedLogin("maria", 400, 0, 0))).isEqualTo(2);
    }

    @Test
    void theFirstFailedLoginIsTheEarliestInTheWindowOrNowWhenNone() {
        assertThat(aLong(a -> a.firstFailedLogin("maria", 0, 999))).isEqualTo(999);
        alerts(a -> a.failedLogin("maria", 100, 0, 0));
        alerts(a -> a.failedLogin("maria", 200, 0, 0));
        alerts(a -> a.failedLogin("maria", 300, 0, 0));
        alerts(a -> a.failedLogin("ana", 50, 0, 0));

        assertThat(aLong(a -> a.firstFailedLogin("maria", 0, 999))).isEqualTo(100);
        assertThat(aLong(a -> a.firstFailedLogin("maria", 200, 999))).isEqualTo(200);
        assertThat(aLong(a -> a.firstFailedLogin("maria", 201, 999))).isEqualTo(300);
        assertThat(aLong(a -> a.firstFailedLogin("maria", 301, 999))).isEqualTo(999);
        assertThat(aLong(a -> a.firstFailedLogin("ana", 0, 999))).isEqualTo(50);
        assertThat(aLong(a -> a.firstFailedLogin("luis", 0, 999))).isEqualTo(999);
    }

    // --- counters per minute ---

    @Test
    void aCounterCountsPerNameAndMinute() {
        assertThat(anInt(a -> a.countInMinute("throttled", 10, 0))).isEqualTo(1);
        assertThat(anInt(a -> a.countInMinute("throttled", 10, 0))).isEqualTo(2);
        assertThat(anInt(a -> a.countInMinute("throttled", 10, 0))).isEqualTo(3);
        assertThat(anInt(a -> a.countInMinute("throttled", 11, 0))).isEqualTo(1);
        assertThat(anInt(a -> a.countInMinute("busy", 10, 0))).isEqualTo(1);
        assertThat(anInt(a -> a.countInMinute("throttled", 10, 0))).isEqualTo(4);
    }

    @Test
    void countersOfMinutesBeforeTheKeepLimitAreDropped() {
        alerts(a -> a.countInMinute("throttled", 9, 0));
        alerts(a -> a.countInMinute("throttled", 10, 0));
        alerts(a -> a.countInMinute("busy", 9, 0));

        alerts(a -> a.countInMinute("throttled", 12, 10));

        assertThat(StoreSql.number(f.db, "SELECT COUNT(*) FROM alert_counters WHERE minute = 9")).isZero();
        assertThat(StoreSql.number(f.db, "SELECT event_count FROM alert_counters WHERE name = 'throttled' "
                + "AND minute = 10")).isEqualTo(1);
        assertThat(anInt(a -> a.countInMinute("throttled", 10, 10))).isEqualTo(2);
        assertThat(anInt(a -> a.countInMinute("throttled", 9, 0))).isEqualTo(1); // started over
    }

    // --- accounts and sessions the rules look at ---

    @Test
    void anExistingUsernameIsFoundExactly() {
        f.user("maria.lopez");

        assertThat(aName(a -> a.existingUsername("maria.lopez"))).contains("maria.lopez");
        assertThat(aName(a -> a.existingUsername("maria"))).isEmpty();
        assertThat(aName(a -> a.existingUsername("nobody"))).isEmpty();
    }

    @Test
    void activeElsewhereLooksForAnActiveSessionOfTheUserOnAnotherDevice() {
        long maria = f.user("maria");
        long ana = f.user("ana");
        f.login(ana, "ana-phone", 100);
        String phone = f.login(maria, "phone", 100);

        assertThat(yes(a -> a.activeElsewhere(maria, "device-phone", NOW))).isFalse();
        assertThat(yes(a -> a.activeElsewhere(maria, "device-tablet", NOW))).isTrue();
        assertThat(yes(a -> a.activeElsewhere(ana, "device-tablet", NOW))).isTrue();

        // ending after sync: active until its end has come
        StoreSql.update(f.db, "UPDATE sessions SET end_after = ? WHERE id = ?", NOW + 1, phone);
        assertThat(yes(a -> a.activeElsewhere(maria, "device-tablet", NOW))).isTrue();
        StoreSql.update(f.db, "UPDATE sessions SET end_after = ? WHERE id = ?", NOW, phone);
        assertThat(yes(a -> a.activeElsewhere(maria, "device-tablet", NOW))).isFalse();

        StoreSql.update(f.db, "UPDATE sessions SET end_after = NULL WHERE id = ?", phone);
        f.store.expireSession(phone, 200);
        assertThat(yes(a -> a.activeElsewhere(maria, "device-tablet", NOW))).isFalse();
    }

    // --- raising ---

    @Test
    void aNewAlertHasTheFactsOfItsOccurrenceAndReachesTheFeed() {
        String cursor = f.store.sessionFeedCursor();

        long id = raise(new Occurrence("new_device", "maria", "maria", "d-1", "Pixel 7", "10.0.0.1"), 1, 500, 700);

        Alert alert = alert(id);
        assertThat(alert).isEqualTo(new Alert(id, "new_device", "maria", "d-1", "Pixel 7", "10.0.0.1", 1,
                Instant.ofEpochMilli(500), Instant.ofEpochMilli(700), null, null));
        assertThat(alert.open()).isTrue();
        assertThat(alertsInFeedAfter(cursor)).containsExactly(alert);
    }

    @Test
    void aRepeatUpdatesTheOpenAlertOfItsKindAndSubject() {
        long id = raise(new Occurrence("new_device", "maria", "maria", "d-1", "Pixel 7", "10.0.0.1"), 3, 500, 700);
        String cursor = f.store.sessionFeedCursor();

        long again = raise(new Occurrence("new_device", "maria", null, "d-2", null, "10.0.0.2"), 2, 800, 900);

        assertThat(again).isEqualTo(id);
        Alert alert = alert(id);
        assertThat(alert).isEqualTo(new Alert(id, "new_device", "maria", "d-2", "Pixel 7", "10.0.0.2", 5,
                Instant.ofEpochMilli(500), Instant.ofEpochMilli(900), null, null));
        assertThat(alertsInFeedAfter(cursor)).containsExactly(alert);
        assertThat(StoreSql.number(f.db, "SELECT COUNT(*) FROM alerts")).isEqualTo(1);
    }

    @Test
    void anotherKindOrSubjectIsAnotherAlert() {
        long maria = raise(failed("maria"), 1, 100, 100);
        long ana = raise(failed("ana"), 1, 100, 100);
        long device = raise(new Occurrence("new_device", "maria", "maria", "d-1", null, null), 1, 100, 100);

        assertThat(List.of(maria, ana, device)).doesNotHaveDuplicates();
        assertThat(alert(maria).count()).isEqualTo(1);
        assertThat(alert(ana).count()).isEqualTo(1);
    }

    @Test
    void aRepeatAfterTheAcknowledgementRaisesANewAlert() {
        long first = raise(failed("maria"), 5, 100, 200);
        alerts(a -> a.acknowledge(first, "admin", 300));

        long second = raise(failed("maria"), 1, 400, 400);

        assertThat(second).isNotEqualTo(first);
        assertThat(alert(second).count()).isEqualTo(1);
        assertThat(alert(second).firstAt()).isEqualTo(Instant.ofEpochMilli(400));
        assertThat(alert(first).count()).isEqualTo(5);
    }

    @Test
    void isOpenAndLastAcknowledgedFollowTheAlertsOfOneKindAndSubject() {
        assertThat(yes(a -> a.isOpen("failed_logins", "maria"))).isFalse();
        assertThat(aNullableLong(a -> a.lastAcknowledged("failed_logins", "maria"))).isNull();

        long first = raise(failed("maria"), 1, 100, 100);
        assertThat(yes(a -> a.isOpen("failed_logins", "maria"))).isTrue();
        assertThat(yes(a -> a.isOpen("failed_logins", "ana"))).isFalse();
        assertThat(yes(a -> a.isOpen("new_device", "maria"))).isFalse();
        assertThat(aNullableLong(a -> a.lastAcknowledged("failed_logins", "maria"))).isNull();

        alerts(a -> a.acknowledge(first, "admin", 300));
        assertThat(yes(a -> a.isOpen("failed_logins", "maria"))).isFalse();
        assertThat(aNullableLong(a -> a.lastAcknowledged("failed_logins", "maria"))).isEqualTo(300L);

        long second = raise(failed("maria"), 1, 400, 400);
        assertThat(yes(a -> a.isOpen("failed_logins", "maria"))).isTrue();
        alerts(a -> a.acknowledge(second, "admin", 500));
        long other = raise(failed("ana"), 1, 400, 400);
        alerts(a -> a.acknowledge(other, "admin", 900));
        assertThat(aNullableLong(a -> a.lastAcknowledged("failed_logins", "maria"))).isEqualTo(500L);
        assertThat(aNullableLong(a -> a.lastAcknowledged("new_device", "maria"))).isNull();
    }

    // --- acknowledging ---

    @Test
    void anAcknowledgementIsRecordedAuditedAndSentToTheFeedOnce() {
        long id = raise(failed("maria"), 4, 100, 200);
        String cursor = f.store.sessionFeedCursor();

        Optional<Alert> done = anAlert(a -> a.acknowledge(id, "admin", 300));

        Alert expected = new Alert(id, "failed_logins", "maria", null, null, "10.0.0.1", 4,
                Instant.ofEpochMilli(100), Instant.ofEpochMilli(200), "admin", Instant.ofEpochMilli(300));
        assertThat(done).contains(expected);
        assertThat(alertsInFeedAfter(cursor)).containsExactly(expected);
        assertThat(acknowledgements()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.username()).isEqualTo("maria");
            assertThat(e.reason()).isEqualTo("failed_logins");
            assertThat(e.at()).isEqualTo(Instant.ofEpochMilli(300));
        });

        String after = f.store.sessionFeedCursor();
        Optional<Alert> twice = anAlert(a -> a.acknowledge(id, "other.admin", 400));

        assertThat(twice).contains(expected); // left as it was
        assertThat(acknowledgements()).hasSize(1);
        assertThat(f.store.sessionFeedCursor()).isEqualTo(after);
    }

    @Test
    void anAlertWithoutAccountIsAuditedWithAnEmptyUsername() {
        long id = raise(new Occurrence("login_storm", "", null, null, null, null), 50, 100, 100);

        alerts(a -> a.acknowledge(id, "admin", 300));

        assertThat(acknowledgements()).singleElement().satisfies(e -> {
            assertThat(e.username()).isEmpty();
            assertThat(e.reason()).isEqualTo("login_storm");
        });
    }

    @Test
    void anUnknownAlertIsNotAcknowledged() {
        raise(failed("maria"), 1, 100, 100);
        String cursor = f.store.sessionFeedCursor();

        assertThat(anAlert(a -> a.acknowledge(999_999, "admin", 300))).isEmpty();

        assertThat(acknowledgements()).isEmpty();
        assertThat(f.store.sessionFeedCursor()).isEqualTo(cursor);
        assertThat(yes(a -> a.isOpen("failed_logins", "maria"))).isTrue();
    }

    // --- reading ---

    @Test
    void theListHoldsOpenAlertsAndThoseSeenSinceNewestFirst() {
        long oldOpen = raise(failed("open"), 1, 10, 10);
        long oldDone = raise(failed("old"), 1, 10, 99);
        long atLimit = raise(failed("limit"), 1, 10, 100);
        long tieFirst = raise(failed("tie1"), 1, 10, 200);
        long tieSecond = raise(failed("tie2"), 1, 10, 200);
        for (long id : List.of(oldDone, atLimit, tieFirst)) {
            alerts(a -> a.acknowledge(id, "admin", 300));
        }

        List<Alert> listed = aList(a -> a.openOrSince(100));

        assertThat(listed).extracting(Alert::id).containsExactly(tieSecond, tieFirst, atLimit, oldOpen);
        assertThat(aList(a -> a.openOrSince(201))).extracting(Alert::id).containsExactly(tieSecond, oldOpen);
    }

    @Test
    void byIdsKeepsTheOrderAskedLeavesUnknownIdsOutAndReadsInChunks() {
        long a = raise(failed("a"), 1, 10, 10);
        long b = raise(failed("b"), 1, 10, 10);
        long c = raise(failed("c"), 1, 10, 10);
        List<Long> ids = new ArrayList<>();
        ids.add(c);
        for (long unknown = 1_000; ids.size() < SessionFeed.CHUNK; unknown++) {
            ids.add(unknown);
        }
        ids.add(a); // the first of the second chunk
        ids.add(b);

        assertThat(byIds(ids)).extracting(Alert::id).containsExactly(c, a, b);
        assertThat(byIds(List.of(b, a))).extracting(Alert::id).containsExactly(b, a);
        assertThat(byIds(List.of())).isEmpty();
        assertThat(byIds(List.of(424_242L))).isEmpty();
    }
}

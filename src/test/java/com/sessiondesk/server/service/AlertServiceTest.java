package com.sessiondesk.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AlertKind;
import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert rules over a real SQLite store: thresholds, repeats, acknowledgement and the list. */
class AlertServiceTest {

    private static final long T0 = 10_000_000_000L;
    private static final long MINUTE = 60_000L;

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private AlertService alerts;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        alerts = new AlertService(db);
        store.createUser("maria.lopez", "María López", "x", false, 1);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private List<Alert> open(String kind) {
        return alerts.list(T0 + 30 * MINUTE).stream().filter(a -> a.kind().equals(kind) && a.open()).toList();
    }

    private void fail(int times, long from) {
        for (int i = 0; i < times; i++) {
            alerts.failedLogin("maria.lopez", "10.0.0.1", from + i);
        }
    }

    @Test
    void fourFailedLoginsRaiseNothingTheFifthRaisesOneAlertCountingAllFive() {
        fail(4, T0);
        assertThat(alerts.list(T0 + 10)).isEmpty();

        alerts.failedLogin("maria.lopez", "10.0.0.9", T0 + 4);

        List<Alert> raised = alerts.list(T0 + 10);
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.FAILED_LOGINS.wireName());
        assertThat(alert.username()).isEqualTo("maria.lopez");
        assertThat(alert.address()).isEqualTo("10.0.0.9");
        assertThat(alert.count()).isEqualTo(5);
        assertThat(alert.firstAt()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(alert.lastAt()).isEqualTo(Instant.ofEpochMilli(T0 + 4));
        assertThat(alert.open()).isTrue();
    }

    @Test
    void furtherFailuresAddOneEachToTheOpenAlert() {
        fail(7, T0);

        List<Alert> raised = alerts.list(T0 + 10);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).count()).isEqualTo(7);
        assertThat(raised.get(0).lastAt()).isEqualTo(Instant.ofEpochMilli(T0 + 6));
    }

    @Test
    void failuresOutsideTheWindowAreNotCounted() {
        fail(4, T0);
        long later = T0 + AlertService.FAILED_LOGINS_WINDOW.toMillis() + 1;

        alerts.failedLogin("maria.lopez", "10.0.0.1", later);

        assertThat(alerts.list(later)).isEmpty();
    }

    @Test
    void failuresJustInsideTheWindowAreCounted() {
        fail(4, T0);
        long later = T0 + AlertService.FAILED_LOGINS_WINDOW.toMillis();

        alerts.failedLogin("maria.lopez", "10.0.0.1", later);

        assertThat(alerts.list(later)).singleElement().extracting(Alert::count).isEqualTo(5);
    }

    @Test
    void failedLoginsOfAnUnknownAccountRaiseNothing() {
        for (int i = 0; i < 6; i++) {
            alerts.failedLogin("nobody", "10.0.0.1", T0 + i);
        }

        assertThat(alerts.list(T0 + 10)).isEmpty();
    }

    @Test
    void afterAcknowledgementFailuresAreCountedFromItOn() {
        fail(5, T0);
        long id = alerts.list(T0 + 4).get(0).id();
        alerts.acknowledge(id, "admin", T0 + 4);

        fail(4, T0 + 5);
        assertThat(open(AlertKind.FAILED_LOGINS.wireName())).isEmpty();

        alerts.failedLogin("maria.lopez", "10.0.0.1", T0 + 9);
        List<Alert> reopened = open(AlertKind.FAILED_LOGINS.wireName());
        assertThat(reopened).singleElement().satisfies(a -> {
            assertThat(a.id()).isNotEqualTo(id);
            assertThat(a.count()).isEqualTo(5);
            assertThat(a.firstAt()).isEqualTo(Instant.ofEpochMilli(T0 + 5));
        });
    }

    @Test
    void newDeviceLoginIsRaisedOnlyWhileTheUserIsActiveOnAnotherDevice() {
        long maria = store.credentials("maria.lopez").orElseThrow().userId();
        store.startSession(maria, new Device("EVV", "1.0", "phone", "Pixel 7", "Android 14", "es"), "t1", T0);

        alerts.newDeviceLogin(maria, "maria.lopez", "phone", "Pixel 7", "10.0.0.1", T0 + 1);
        assertThat(alerts.list(T0 + 1)).isEmpty();

        alerts.newDeviceLogin(maria, "maria.lopez", "tablet", "Galaxy Tab", "10.0.0.2", T0 + 2);
        assertThat(alerts.list(T0 + 2)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.NEW_DEVICE_LOGIN.wireName());
            assertThat(a.username()).isEqualTo("maria.lopez");
            assertThat(a.deviceId()).isEqualTo("tablet");
            assertThat(a.deviceModel()).isEqualTo("Galaxy Tab");
            assertThat(a.address()).isEqualTo("10.0.0.2");
            assertThat(a.count()).isEqualTo(1);
        });
    }

    @Test
    void blockedDeviceAttemptsRepeatOnOneAlertPerDeviceAndKeepOnlyExistingUsernames() {
        alerts.blockedDeviceAttempt("typo-name", "phone", "Pixel 7", "10.0.0.1", T0);
        alerts.blockedDeviceAttempt("maria.lopez", "phone", "Pixel 7", "10.0.0.2", T0 + 1);
        alerts.blockedDeviceAttempt("typo-name", "tablet", "Galaxy Tab", "10.0.0.3", T0 + 2);

        List<Alert> raised = alerts.list(T0 + 2);
        assertThat(raised).hasSize(2);
        assertThat(raised.get(0).deviceId()).isEqualTo("tablet");
        assertThat(raised.get(0).username()).isNull();
        assertThat(raised.get(0).count()).isEqualTo(1);
        assertThat(raised.get(1).deviceId()).isEqualTo("phone");
        assertThat(raised.get(1).username()).isEqualTo("maria.lopez");
        assertThat(raised.get(1).count()).isEqualTo(2);
        assertThat(raised.get(1).kind()).isEqualTo(AlertKind.BLOCKED_DEVICE_ATTEMPT.wireName());
    }

    @Test
    void aHundredThrottledAttemptsInAMinuteRaiseNoStormTheNextRaisesItWithAllThenOneEach() {
        long minuteStart = (T0 / MINUTE + 1) * MINUTE;
        for (int i = 0; i < AlertService.STORM; i++) {
            alerts.throttled("10.0.0.1", minuteStart + i);
        }
        assertThat(alerts.list(minuteStart + MINUTE)).isEmpty();

        alerts.throttled("10.0.0.7", minuteStart + 500);
        assertThat(alerts.list(minuteStart + 500)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.LOGIN_STORM.wireName());
            assertThat(a.count()).isEqualTo(AlertService.STORM + 1);
            assertThat(a.firstAt()).isEqualTo(Instant.ofEpochMilli(minuteStart));
            assertThat(a.lastAt()).isEqualTo(Instant.ofEpochMilli(minuteStart + 500));
            assertThat(a.address()).isEqualTo("10.0.0.7");
            assertThat(a.username()).isNull();
        });

        alerts.throttled("10.0.0.8", minuteStart + 600);
        assertThat(alerts.list(minuteStart + 600)).singleElement().extracting(Alert::count)
                .isEqualTo(AlertService.STORM + 2);
    }

    @Test
    void throttledAttemptsOfDifferentMinutesAreNotAddedUp() {
        long minuteStart = (T0 / MINUTE + 1) * MINUTE;
        for (int i = 0; i < AlertService.STORM; i++) {
            alerts.throttled("10.0.0.1", minuteStart + i);
        }
        alerts.throttled("10.0.0.1", minuteStart + MINUTE);

        assertThat(alerts.list(minuteStart + MINUTE)).isEmpty();
    }

    @Test
    void acknowledgeRecordsWhoAndWhenAuditsItAndUnknownIdsAreEmpty() {
        fail(5, T0);
        long id = alerts.list(T0 + 4).get(0).id();

        Alert done = alerts.acknowledge(id, "admin", T0 + 100).orElseThrow();

        assertThat(done.id()).isEqualTo(id);
        assertThat(done.acknowledgedBy()).isEqualTo("admin");
        assertThat(done.acknowledgedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 100));
        assertThat(done.open()).isFalse();
        List<AuditEvent> audit = store.audit("maria.lopez", 10);
        assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.ALERT_ACKNOWLEDGED.wireName());
        assertThat(audit.get(0).actor()).isEqualTo("admin");
        assertThat(alerts.acknowledge(id + 1000, "admin", T0 + 101)).isEmpty();
    }

    @Test
    void theListKeepsOpenAlertsAndAcknowledgedOnesOfTheLastSevenDays() {
        fail(5, T0);
        long acknowledged = alerts.list(T0 + 4).get(0).id();
        alerts.acknowledge(acknowledged, "admin", T0 + 5);
        alerts.blockedDeviceAttempt("x", "phone", "Pixel 7", "10.0.0.1", T0 + 6);
        long recent = AlertService.RECENT.toMillis();

        assertThat(alerts.list(T0 + 4 + recent)).extracting(Alert::id).hasSize(2).contains(acknowledged);
        assertThat(alerts.list(T0 + 5 + recent)).extracting(Alert::kind)
                .containsExactly(AlertKind.BLOCKED_DEVICE_ATTEMPT.wireName());
    }
}

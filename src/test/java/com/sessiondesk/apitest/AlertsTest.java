package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.DeviceBlockRequest;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.service.AlertService;
import com.sessiondesk.server.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;

/**
 * The alerts over HTTP on SQLite: each kind raised exactly once for a burst (its count and last time
 * updated by the repeats), the list, the feed, and acknowledging (200 with who and when, audited;
 * 404 for an unknown id; 400 for an id that is no number; 403 for a user who is not a super user).
 */
class AlertsTest {

    /** The service's clock: standing still unless a test moves it. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite().with(config -> config.withClock(CLOCK)))
            .withUser("gus.guessed", "Gus Guessed")
            .withUser("ada.acked", "Ada Acked")
            .withUser("nina.newphone", "Nina Newphone")
            .withUser("ole.onephone", "Ole Onephone")
            .withUser("sid.storm", "Sid Storm")
            .withUser("bea.blocked", "Bea Blocked");

    private static SessionDeskApi admin;

    @BeforeAll
    static void signIn() {
        admin = Api.withToken(API.baseUrl(), API.adminToken());
    }

    static MobileLoginRequest phone(String username, String password, String deviceId) {
        return Api.device(username, password, "Caregiver", "5.8.2", deviceId, "Pixel 8", "Android 15", "English");
    }

    static int failLogin(String baseUrl, String username, String deviceId) {
        return Api.execute(Api.anonymous(baseUrl).mobileLogin(phone(username, "Wrong-Password-1", deviceId))).code();
    }

    private static List<Alert> alertsOf(String kind, String username) {
        return ok(admin.alerts()).alerts().stream()
                .filter(a -> a.kind().equals(kind) && java.util.Objects.equals(a.username(), username)).toList();
    }

    @Test
    void fiveFailedLoginsRaiseOneAlertAndRepeatsUpdateIt() {
        String cursor = ok(admin.sessions(null, null, null)).cursor();
        for (int i = 1; i <= 4; i++) {
            assertThat(failLogin(API.baseUrl(), "gus.guessed", "guess-phone")).isEqualTo(401);
            CLOCK.advance(Duration.ofSeconds(10));
        }
        assertThat(alertsOf("failed_logins", "gus.guessed")).as("4 failures are no alert").isEmpty();

        Instant fifth = CLOCK.instant();
        assertThat(failLogin(API.baseUrl(), "gus.guessed", "guess-phone")).isEqualTo(401);
        Alert raised = alertsOf("failed_logins", "gus.guessed").get(0);
        assertThat(alertsOf("failed_logins", "gus.guessed")).hasSize(1);
        assertThat(raised.count()).isEqualTo(5);
        assertThat(raised.firstAt()).isEqualTo(fifth.minusSeconds(40));
        assertThat(raised.lastAt()).isEqualTo(fifth);
        assertThat(raised.address()).isEqualTo("127.0.0.1");
        assertThat(raised.acknowledgedAt()).isNull();
        assertThat(raised.acknowledgedBy()).isNull();

        SessionChanges changes = ok(admin.sessionChanges(cursor));
        assertThat(changes.alerts()).extracting(Alert::id).containsExactly(raised.id());

        CLOCK.advance(Duration.ofSeconds(10));
        failLogin(API.baseUrl(), "gus.guessed", "guess-phone");
        CLOCK.advance(Duration.ofSeconds(10));
        failLogin(API.baseUrl(), "gus.guessed", "guess-phone");
        List<Alert> after = alertsOf("failed_logins", "gus.guessed");
        assertThat(after).as("repeats update the open alert").hasSize(1);
        assertThat(after.get(0).id()).isEqualTo(raised.id());
        assertThat(after.get(0).count()).isEqualTo(7);
        assertThat(after.get(0).firstAt()).isEqualTo(raised.firstAt());
        assertThat(after.get(0).lastAt()).isEqualTo(fifth.plusSeconds(20));

        SessionChanges updated = ok(admin.sessionChanges(changes.cursor()));
        assertThat(updated.alerts()).singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(7));
    }

    @Test
    void acknowledgingRecordsWhoAndWhenIsAuditedAndTheNextBurstRaisesANewAlert() {
        for (int i = 0; i < 5; i++) {
            failLogin(API.baseUrl(), "ada.acked", "ada-phone");
        }
        Alert open = alertsOf("failed_logins", "ada.acked").get(0);
        String cursor = ok(admin.sessions(null, null, null)).cursor();

        CLOCK.advance(Duration.ofSeconds(30));
        RawHttp.Reply reply = API.raw().post("/api/v1/alerts/" + open.id() + "/acknowledge", API.adminToken(), null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        Alert acked = com.sessiondesk.api.Json.GSON.fromJson(reply.body(), Alert.class);
        assertThat(acked.id()).isEqualTo(open.id());
        assertThat(acked.acknowledgedBy()).isEqualTo(TestServers.ADMIN);
        assertThat(acked.acknowledgedAt()).isEqualTo(CLOCK.instant());
        assertThat(acked.count()).isEqualTo(5);

        List<AuditEvent> audit = ok(admin.audit("ada.acked", 10)).events();
        assertThat(audit).filteredOn(e -> e.action().equals("alert_acknowledged")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(TestServers.ADMIN);
                    assertThat(e.reason()).isEqualTo("failed_logins");
                });
        assertThat(ok(admin.sessionChanges(cursor)).alerts()).singleElement()
                .satisfies(a -> assertThat(a.acknowledgedBy()).isEqualTo(TestServers.ADMIN));

        // acknowledged, but of the last 7 days: still listed
        assertThat(alertsOf("failed_logins", "ada.acked")).singleElement()
                .satisfies(a -> assertThat(a.acknowledgedAt()).isNotNull());
        // a second acknowledgement changes nothing and is not audited again
        assertThat(ok(admin.acknowledgeAlert(open.id())).acknowledgedAt()).isEqualTo(acked.acknowledgedAt());
        assertThat(ok(admin.audit("ada.acked", 10)).events())
                .filteredOn(e -> e.action().equals("alert_acknowledged")).hasSize(1);

        // failures are counted from the acknowledgement on: 4 more are no new alert, the 5th is
        for (int i = 0; i < 4; i++) {
            failLogin(API.baseUrl(), "ada.acked", "ada-phone");
        }
        assertThat(alertsOf("failed_logins", "ada.acked")).hasSize(1);
        CLOCK.advance(Duration.ofMinutes(16)); // the throttle's window passes; so do the 4 failures
        for (int i = 0; i < 5; i++) {
            failLogin(API.baseUrl(), "ada.acked", "ada-phone");
        }
        List<Alert> both = alertsOf("failed_logins", "ada.acked");
        assertThat(both).hasSize(2);
        assertThat(both.get(0).acknowledgedAt()).as("newest first: the new, open one").isNull();
        assertThat(both.get(0).count()).isEqualTo(5);

        // 8 days later only the open one is listed (asked of the service: admin tokens would expire)
        long later = CLOCK.millis() + Duration.ofDays(8).toMillis();
        try (Database db = Database.open(API.jdbcUrl())) {
            assertThat(new AlertService(db).list(later)).filteredOn(a -> "ada.acked".equals(a.username()))
                    .extracting(Alert::id).containsExactly(both.get(0).id());
        }
    }

    @Test
    void unknownAlertIs404AndAMalformedIdIs400() {
        Response<Alert> unknown = Api.execute(admin.acknowledgeAlert(987_654_321L));
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(Api.errorText(unknown)).contains("not_found");
        RawHttp.Reply malformed = API.raw().post("/api/v1/alerts/abc/acknowledge", API.adminToken(), null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).isEqualTo("invalid_request");
        RawHttp.Reply huge = API.raw().post("/api/v1/alerts/99999999999999999999999/acknowledge", API.adminToken(),
                null);
        assertThat(huge.status()).isEqualTo(400);
    }

    @Test
    void alertsAreForSuperUsersOnly() {
        RawHttp.Reply anonymous = API.raw().get("/api/v1/alerts", null);
        assertThat(anonymous.status()).isEqualTo(401);
        String staff = Api.mobileLogin(API.baseUrl(), phone("ole.onephone", TestUsers.PASSWORD, "ole-probe")).token();
        assertThat(API.raw().get("/api/v1/alerts", staff).status()).isEqualTo(403);
        assertThat(API.raw().post("/api/v1/alerts/1/acknowledge", staff, null).status()).isEqualTo(403);
        assertThat(API.raw().post("/api/v1/alerts/1/acknowledge", null, null).status()).isEqualTo(401);
    }

    @Test
    void aNewDeviceWhileAnotherIsInUseRaisesOneAlertPerAccount() {
        Api.mobileLogin(API.baseUrl(), phone("nina.newphone", TestUsers.PASSWORD, "nina-old-phone"));
        assertThat(alertsOf("new_device_login", "nina.newphone")).as("the first device is no alert").isEmpty();
        Api.mobileLogin(API.baseUrl(), phone("nina.newphone", TestUsers.PASSWORD, "nina-old-phone"));
        assertThat(alertsOf("new_device_login", "nina.newphone")).as("the same device again").isEmpty();

        CLOCK.advance(Duration.ofSeconds(5));
        Api.mobileLogin(API.baseUrl(), phone("nina.newphone", TestUsers.PASSWORD, "nina-strange-phone"));
        Alert raised = alertsOf("new_device_login", "nina.newphone").get(0);
        assertThat(raised.count()).isEqualTo(1);
        assertThat(raised.deviceId()).isEqualTo("nina-strange-phone");
        assertThat(raised.deviceModel()).isEqualTo("Pixel 8");

        CLOCK.advance(Duration.ofSeconds(5));
        Api.mobileLogin(API.baseUrl(), phone("nina.newphone", TestUsers.PASSWORD, "nina-third-phone"));
        Api.mobileLogin(API.baseUrl(), phone("nina.newphone", TestUsers.PASSWORD, "nina-strange-phone"));
        List<Alert> after = alertsOf("new_device_login", "nina.newphone");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).count()).isEqualTo(2);
        assertThat(after.get(0).deviceId()).isEqualTo("nina-third-phone");
        assertThat(after.get(0).lastAt()).isAfter(raised.lastAt());
    }

    @Test
    void aNewDeviceWithoutAnotherActiveSessionIsNoAlert() {
        String first = Api.mobileLogin(API.baseUrl(), phone("ole.onephone", TestUsers.PASSWORD, "ole-phone")).token();
        ok(Api.anonymous(API.baseUrl()).mobileLogout(SessionDeskApi.bearer(first)));
        // the probe session of alertsAreForSuperUsersOnly may be active: end every session first
        ok(admin.logoutUser("ole.onephone", new ReasonRequest(null)));
        Api.mobileLogin(API.baseUrl(), phone("ole.onephone", TestUsers.PASSWORD, "ole-new-phone"));
        assertThat(alertsOf("new_device_login", "ole.onephone")).isEmpty();
    }

    @Test
    void aBlockedDeviceTryingAgainRaisesOneAlertPerDevice() {
        Api.mobileLogin(API.baseUrl(), phone("bea.blocked", TestUsers.PASSWORD, "bea-lost-phone"));
        ok(admin.blockDevice("bea-lost-phone", new DeviceBlockRequest("Lost on the bus", null)));
        assertThat(alertsOf("blocked_device_attempt", "bea.blocked")).as("the block itself is no alert").isEmpty();

        Response<?> refused = Api.execute(Api.anonymous(API.baseUrl())
                .mobileLogin(phone("bea.blocked", TestUsers.PASSWORD, "bea-lost-phone")));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(Api.errorText(refused)).contains("device_blocked");
        Alert raised = alertsOf("blocked_device_attempt", "bea.blocked").get(0);
        assertThat(raised.deviceId()).isEqualTo("bea-lost-phone");
        assertThat(raised.deviceModel()).isEqualTo("Pixel 8");
        assertThat(raised.count()).isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(3));
        Api.execute(Api.anonymous(API.baseUrl()).mobileLogin(phone("bea.blocked", "Wrong-Password-1", "bea-lost-phone")));
        Api.execute(Api.anonymous(API.baseUrl()).mobileLogin(phone("no.such.user", "x", "bea-lost-phone")));
        List<Alert> after = ok(admin.alerts()).alerts().stream()
                .filter(a -> a.kind().equals("blocked_device_attempt") && "bea-lost-phone".equals(a.deviceId()))
                .toList();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).count()).isEqualTo(3);
        assertThat(after.get(0).lastAt()).isEqualTo(CLOCK.instant());
        assertThat(after.get(0).username()).as("a name that is no account is not kept").isEqualTo("bea.blocked");
        // the account itself still works on another device
        Api.mobileLogin(API.baseUrl(), phone("bea.blocked", TestUsers.PASSWORD, "bea-new-phone"));
    }

    @Test
    void moreThanAHundredThrottledAttemptsInAMinuteRaiseOneStormAlert() {
        CLOCK.advance(Duration.ofMinutes(2)); // a minute of its own
        int throttled = 0;
        while (throttled < 100) {
            if (failLogin(API.baseUrl(), "sid.storm", "storm-phone") == 429) {
                throttled++;
            }
        }
        assertThat(alertsOf("login_storm", null)).as("100 refusals are no storm").isEmpty();
        assertThat(failLogin(API.baseUrl(), "sid.storm", "storm-phone")).isEqualTo(429);
        List<Alert> storm = alertsOf("login_storm", null);
        assertThat(storm).hasSize(1);
        assertThat(storm.get(0).count()).isEqualTo(101);
        for (int i = 0; i < 4; i++) {
            failLogin(API.baseUrl(), "sid.storm", "storm-phone");
        }
        assertThat(alertsOf("login_storm", null)).singleElement()
                .satisfies(a -> assertThat(a.count()).isEqualTo(105));
    }
}

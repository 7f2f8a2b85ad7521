package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.api.DeviceBlockChange;
import com.sessiondesk.api.DeviceBlockRequest;
import com.sessiondesk.api.DeviceBlockResult;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;

/**
 * Device blocks end to end: a block ends every user's sessions on that device (a shared tablet)
 * while their other devices keep working, refuses later logins from it with 403 device_blocked,
 * lapses by itself, is lifted by unblock, travels in the change feed and holds on a second instance
 * on one PostgreSQL; every error code of the routes.
 */
class DeviceBlockTest {

    private static final String ANA = "ana.device";
    private static final String BEN = "ben.device";
    private static final String TABLET = "agency-tablet-7";
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final UnaryOperator<ServerConfig> settings = config -> config.withClock(clock)
            .withHeartbeatFlushInterval(Duration.ofMillis(20));
    @RegisterExtension
    final TestServers.Running<SessionServer> sqlite = TestServers.sqlite().with(settings);
    @RegisterExtension
    final TestServers.Running<SessionServer> postgres = TestServers.postgres().with(settings);

    private static MobileLoginRequest login(String username, String deviceId, String model) {
        return Api.device(username, TestUsers.PASSWORD, "Caregiver", "5.0.0", deviceId, model, "Android 15",
                "English");
    }

    private static SessionDeskApi admin(SessionServer server) {
        return Api.admin(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    private static RawHttp.Reply rawLogin(SessionServer server, MobileLoginRequest request) {
        return new RawHttp(server.baseUrl()).post("/api/v1/mobile/login", null, Json.GSON.toJson(request));
    }

    private static int heartbeat(SessionServer server, MobileLoginResponse session) {
        return Api.execute(Api.anonymous(server.baseUrl()).heartbeat(SessionDeskApi.bearer(session.token()),
                new HeartbeatRequest(0))).code();
    }

    private SessionServer sqliteWithStaff() {
        SessionServer server = sqlite.get();
        TestUsers.add(sqlite.jdbcUrl(), ANA, "Ana Device", false);
        TestUsers.add(sqlite.jdbcUrl(), BEN, "Ben Device", false);
        return server;
    }

    @Test
    void aBlockEndsEveryUsersSessionsOnTheDeviceRefusesItsLoginsAndLeavesTheirOtherDevicesWorking() {
        SessionServer server = sqliteWithStaff();
        SessionDeskApi admin = admin(server);
        MobileLoginResponse anaOnTablet = Api.mobileLogin(server.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
        MobileLoginResponse anaPhone = Api.mobileLogin(server.baseUrl(), login(ANA, "ana-phone", "Pixel 8"));
        clock.advance(Duration.ofSeconds(1));
        MobileLoginResponse benOnTablet = Api.mobileLogin(server.baseUrl(), login(BEN, TABLET, "Galaxy Tab A9"));
        MobileLoginResponse benPhone = Api.mobileLogin(server.baseUrl(), login(BEN, "ben-phone", "iPhone 15"));
        String cursor = ok(admin.sessions(null, null, null)).cursor();

        Instant until = START.plus(Duration.ofHours(2));
        DeviceBlockResult result = ok(admin.blockDevice(TABLET, new DeviceBlockRequest("Tablet stolen", until)));

        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(anaOnTablet.sessionId(),
                benOnTablet.sessionId());
        DeviceBlock device = result.device();
        assertThat(device.deviceId()).isEqualTo(TABLET);
        assertThat(device.deviceModel()).isEqualTo("Galaxy Tab A9");
        assertThat(device.deviceOs()).isEqualTo("Android 15");
        assertThat(device.lastUsername()).isEqualTo(BEN);
        assertThat(device.blockedBy()).isEqualTo(TestServers.ADMIN);
        assertThat(device.reason()).isEqualTo("Tablet stolen");
        assertThat(device.blockedAt()).isEqualTo(clock.instant());
        assertThat(device.blockedUntil()).isEqualTo(until);

        // the tablet's sessions are told why; the phones keep working
        RawHttp.Reply ended = new RawHttp(server.baseUrl()).post("/api/v1/mobile/heartbeat", anaOnTablet.token(), "{}");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.object().get("error").getAsString()).isEqualTo("session_ended");
        assertThat(ended.object().get("reason").getAsString()).isEqualTo("Tablet stolen");
        assertThat(heartbeat(server, benOnTablet)).isEqualTo(401);
        assertThat(heartbeat(server, anaPhone)).isEqualTo(204);
        assertThat(heartbeat(server, benPhone)).isEqualTo(204);

        // any later login from the tablet is refused, with the reason and the end; other devices sign in
        RawHttp.Reply refused = rawLogin(server, login(ANA, TABLET, "Galaxy Tab A9"));
        assertThat(refused.status()).isEqualTo(403);
        JsonObject error = refused.object();
        assertThat(error.get("error").getAsString()).isEqualTo("device_blocked");
        assertThat(error.get("reason").getAsString()).isEqualTo("Tablet stolen");
        assertThat(Instant.parse(error.get("blockedUntil").getAsString())).isEqualTo(until);
        assertThat(rawLogin(server, Api.device(BEN, "a wrong password", "Caregiver", "5.0.0", TABLET, "Galaxy Tab A9",
                "Android 15", "English")).error()).as("refused before the password is checked").isEqualTo("device_blocked");
        Api.mobileLogin(server.baseUrl(), login(ANA, "ana-new-phone", "Pixel 9"));

        assertThat(ok(admin.devices(true)).devices()).containsExactly(device);
        SessionChanges changes = ok(admin.sessionChanges(cursor));
        assertThat(changes.deviceBlockChanges()).containsExactly(
                new DeviceBlockChange(TABLET, true, until, TestServers.ADMIN, "Tablet stolen"));
        assertThat(changes.ended()).extracting(e -> e.id()).contains(anaOnTablet.sessionId(), benOnTablet.sessionId());
        AuditEvent audited = ok(admin.audit(null, 50)).events().stream()
                .filter(e -> e.action().equals("device_blocked")).findFirst().orElseThrow();
        assertThat(audited.actor()).isEqualTo(TestServers.ADMIN);
        assertThat(audited.username()).isEqualTo(BEN);
        assertThat(audited.deviceId()).isEqualTo(TABLET);
        assertThat(audited.sessionIds()).containsExactlyInAnyOrder(anaOnTablet.sessionId(), benOnTablet.sessionId());
        assertThat(audited.reason()).isEqualTo("Tablet stolen");
        assertThat(audited.until()).isEqualTo(until);

        // the time-limited block lifts by itself
        clock.advance(Duration.ofHours(2));
        SessionDeskApi laterAdmin = admin(server);
        assertThat(ok(laterAdmin.devices(null)).devices()).isEmpty();
        Api.mobileLogin(server.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
        assertThat(Api.execute(laterAdmin.unblockDevice(TABLET)).code()).as("a lapsed block is no block")
                .isEqualTo(404);
    }

    @Test
    void unblockLiftsTheBlockOnceAndIsAudited() {
        SessionServer server = sqliteWithStaff();
        SessionDeskApi admin = admin(server);
        Api.mobileLogin(server.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
        DeviceBlockResult result = ok(admin.blockDevice(TABLET, new DeviceBlockRequest(null, null)));
        assertThat(result.device().blockedUntil()).isNull();
        assertThat(result.device().reason()).isNull();
        assertThat(rawLogin(server, login(ANA, TABLET, "Galaxy Tab A9")).error()).isEqualTo("device_blocked");
        String cursor = ok(admin.sessions(null, null, null)).cursor();

        Response<Void> unblocked = Api.execute(admin.unblockDevice(TABLET));
        assertThat(unblocked.code()).isEqualTo(204);
        Api.mobileLogin(server.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
        assertThat(ok(admin.devices(true)).devices()).isEmpty();
        assertThat(ok(admin.sessionChanges(cursor)).deviceBlockChanges())
                .containsExactly(new DeviceBlockChange(TABLET, false, null, TestServers.ADMIN, null));
        List<AuditEvent> events = ok(admin.audit(null, 50)).events();
        assertThat(events).filteredOn(e -> e.action().equals("device_unblocked")).singleElement()
                .satisfies(e -> assertThat(e.deviceId()).isEqualTo(TABLET));

        RawHttp.Reply again = new RawHttp(server.baseUrl()).post("/api/v1/devices/" + TABLET + "/unblock",
                Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD), null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("not_found");
        assertThat(ok(admin.audit(null, 50)).events()).filteredOn(e -> e.action().equals("device_unblocked"))
                .as("a refused unblock records nothing").hasSize(1);
    }

    @Test
    void badInputAndOtherCallersAreRefusedWithTheirCodes() {
        SessionServer server = sqliteWithStaff();
        String token = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        RawHttp raw = new RawHttp(server.baseUrl());
        String path = "/api/v1/devices/" + TABLET + "/block";
        assertThat(raw.post(path, token, "{\"until\":\"" + START.minusSeconds(1) + "\"}").error())
                .as("an until in the past").isEqualTo("invalid_request");
        assertThat(raw.post(path, token, "{\"until\":\"" + START.plus(Duration.ofDays(365 * 11)) + "\"}").status())
                .as("an until more than 10 years ahead").isEqualTo(400);
        assertThat(raw.post(path, token, "{\"until\":\"tomorrow\"}").status()).as("not an instant").isEqualTo(400);
        assertThat(raw.post(path, token, "{\"reason\":\"a\\u001b[31mred\"}").status()).as("a control character")
                .isEqualTo(400);
        assertThat(raw.post("/api/v1/devices/" + "d".repeat(201) + "/block", token, null).status())
                .as("a device id longer than any login may send").isEqualTo(400);
        assertThat(raw.get("/api/v1/devices?blocked=false", token).error()).isEqualTo("invalid_request");
        assertThat(raw.get("/api/v1/devices?blocked=maybe", token).status()).isEqualTo(400);
        assertThat(raw.post("/api/v1/devices/never-blocked/unblock", token, null).error()).isEqualTo("not_found");
        assertThat(raw.get("/api/v1/devices?blocked=true", token).object().getAsJsonArray("devices")).isEmpty();

        // not a super user: no token 401, a mobile token 403; nothing was blocked
        assertThat(raw.post(path, null, "{}").status()).isEqualTo(401);
        MobileLoginResponse phone = Api.mobileLogin(server.baseUrl(), login(ANA, "ana-phone", "Pixel 8"));
        assertThat(raw.post(path, phone.token(), "{}").error()).isEqualTo("forbidden");
        assertThat(raw.get("/api/v1/devices?blocked=true", phone.token()).status()).isEqualTo(403);
        assertThat(raw.post("/api/v1/devices/ana-phone/unblock", phone.token(), null).status()).isEqualTo(403);
        Api.mobileLogin(server.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
    }

    @Test
    void aDeviceBlockedThroughOneInstanceIsRefusedOnTheOtherAndReachesItsFeed() {
        SessionServer a = postgres.get();
        SessionServer b = postgres.another();
        TestUsers.add(postgres.jdbcUrl(), ANA, "Ana Device", false);
        SessionDeskApi adminOfB = admin(b);
        MobileLoginResponse onTablet = Api.mobileLogin(b.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
        String cursor = ok(adminOfB.sessions(null, null, null)).cursor();

        DeviceBlockResult result = ok(admin(a).blockDevice(TABLET, new DeviceBlockRequest("Lost on the bus", null)));
        assertThat(result.endedSessionIds()).containsExactly(onTablet.sessionId());

        RawHttp.Reply refused = rawLogin(b, login(ANA, TABLET, "Galaxy Tab A9"));
        assertThat(refused.error()).isEqualTo("device_blocked");
        assertThat(refused.object().get("reason").getAsString()).isEqualTo("Lost on the bus");
        assertThat(refused.object().has("blockedUntil")).isFalse();
        assertThat(heartbeat(b, onTablet)).isEqualTo(401);
        SessionChanges changes = ok(adminOfB.sessionChanges(cursor));
        assertThat(changes.deviceBlockChanges()).containsExactly(
                new DeviceBlockChange(TABLET, true, null, TestServers.ADMIN, "Lost on the bus"));
        assertThat(ok(adminOfB.devices(true)).devices()).extracting(DeviceBlock::deviceId).containsExactly(TABLET);

        ok(adminOfB.unblockDevice(TABLET));
        Api.mobileLogin(a.baseUrl(), login(ANA, TABLET, "Galaxy Tab A9"));
    }
}

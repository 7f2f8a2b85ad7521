package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push to the device on SQLite: a forced log out reaches the device's open event stream
 * within a second and closes it, the next request is 401, and the audit log shows when each device
 * was told; a log out after sync lets the device upload first.
 */
class DevicePushTest {

    private static final String USER = "pia.push";
    private static final String BLOCKED_USER = "bo.blocked";
    private static final AtomicInteger DEVICES = new AtomicInteger();

    /** Real time, which a test can move forward instead of sleeping. */
    private static final MutableClock CLOCK = MutableClock.running(ZoneOffset.UTC);
    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite().with(config -> config.withClock(CLOCK)))
            .withUser(USER, "Pia Push")
            .withUser(BLOCKED_USER, "Bo Blocked");

    static MobileLoginResponse login(String baseUrl, String username) {
        return Api.mobileLogin(baseUrl, Api.device(username, TestUsers.PASSWORD, "Caregiver", "5.8.2",
                "push-phone-" + DEVICES.incrementAndGet(), "Pixel 8", "Android 15", "English"));
    }

    @Test
    void anOpenStreamIsToldWithinASecondThenClosesAndTheNextRequestIs401() throws Exception {
        MobileLoginResponse session = login(API.baseUrl(), USER);
        try (StreamRecorder stream = StreamRecorder.open(API.baseUrl(), session.token())) {
            long asked = System.nanoTime();
            RawHttp.Reply logout = API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout",
                    API.adminToken(),
                    Json.GSON.toJson(LogoutRequest.of(false, false, "Lost phone")));
            assertThat(logout.status()).as("%s", logout).isEqualTo(200);

            StreamRecorder.Received ended = stream.next(2_000);
            assertThat(ended).as("session_ended on the stream").isNotNull();
            assertThat(ended.name()).isEqualTo("session_ended");
            assertThat(ended.data().get("reason").getAsString()).isEqualTo("Lost phone");
            assertThat(ended.data().get("sessionId").getAsString()).isEqualTo(session.sessionId());
            assertThat(ended.data().get("blocked").getAsBoolean()).isFalse();
            assertThat((ended.atNanos() - asked) / 1_000_000).as("ms from the admin's request to the event")
                    .isLessThan(1_000);
            assertThat(stream.awaitClosed(2_000)).as("the server closed the stream").isTrue();
        }
        RawHttp.Reply next = API.raw().post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":0}");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.error()).isEqualTo("session_ended");
        assertThat(next.object().get("reason").getAsString()).isEqualTo("Lost phone");

        JsonObject delivery = toldDelivery(API.raw(), API.adminToken(), session.sessionId());
        assertThat(delivery.get("deliveredAt").isJsonNull()).as("%s", delivery).isFalse();
        assertThat(delivery.get("channel").getAsString()).isEqualTo("stream");
        assertThat(API.server().openStreams()).isZero();
    }

    @Test
    void anOfflineDeviceIsShownWaitingThenToldByItsNextRequestAtThatTime() throws Exception {
        MobileLoginResponse session = login(API.baseUrl(), USER);
        API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout", API.adminToken(),
                "{\"reason\":\"Offline\"}");
        Thread.sleep(600); // a few polls: nobody holds its stream
        JsonObject waiting = delivery(session.sessionId());
        assertThat(waiting.has("deliveredAt")).as("deliveredAt is written as null: %s", waiting).isTrue();
        assertThat(waiting.get("deliveredAt").isJsonNull()).as("%s", waiting).isTrue();
        assertThat(waiting.get("device").getAsString()).as("History says which device: %s", waiting)
                .isEqualTo("Pixel 8");

        Instant before = CLOCK.instant().minusMillis(1);
        RawHttp.Reply next = API.raw().post("/api/v1/mobile/heartbeat", session.token(), null);
        Instant after = CLOCK.instant().plusMillis(1);
        assertThat(next.status()).isEqualTo(401);
        JsonObject told = toldDelivery(API.raw(), API.adminToken(), session.sessionId());
        Instant deliveredAt = Instant.parse(told.get("deliveredAt").getAsString());
        assertThat(deliveredAt).isBetween(before, after);
        assertThat(told.get("channel").getAsString()).isEqualTo("response");

        // the second 401, a minute later, does not move the time
        CLOCK.advance(Duration.ofMinutes(1));
        API.raw().get("/api/v1/mobile/me", session.token());
        Thread.sleep(300);
        assertThat(delivery(session.sessionId()).get("deliveredAt").getAsString()).isEqualTo(deliveredAt.toString());
    }

    @Test
    void afterSyncTheDeviceUploadsThenEndsWithNothingLost() throws Exception {
        MobileLoginResponse session = login(API.baseUrl(), USER);
        assertThat(API.raw().post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":3}").status())
                .isEqualTo(204);
        try (StreamRecorder stream = StreamRecorder.open(API.baseUrl(), session.token())) {
            RawHttp.Reply logout = API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout",
                    API.adminToken(),
                    Json.GSON.toJson(LogoutRequest.afterSync(false, false, "Shift over", 15)));
            assertThat(logout.status()).as("%s", logout).isEqualTo(200);
            assertThat(logout.object().getAsJsonArray("endedSessionIds")).isEmpty();
            assertThat(logout.object().getAsJsonArray("endingSessionIds").get(0).getAsString())
                    .isEqualTo(session.sessionId());
            Instant deadline = Instant.parse(logout.object().get("syncDeadline").getAsString());
            assertThat(deadline).isBetween(CLOCK.instant().plusSeconds(14 * 60), CLOCK.instant().plusSeconds(15 * 60));

            StreamRecorder.Received sync = stream.next(2_000);
            assertThat(sync).isNotNull();
            assertThat(sync.name()).isEqualTo("sync_then_logout");
            assertThat(sync.data().get("syncDeadline").getAsString()).isEqualTo(deadline.toString());
            assertThat(sync.data().get("reason").getAsString()).isEqualTo("Shift over");
            assertThat(toldDelivery(API.raw(), API.adminToken(), session.sessionId()).get("channel").getAsString())
                    .isEqualTo("stream");

            JsonObject row = API.raw().get("/api/v1/sessions/" + session.sessionId(), API.adminToken()).object();
            assertThat(row.get("syncDeadline").getAsString()).isEqualTo(deadline.toString());

            // the device uploads: 2 left, the heartbeat says it is still ending
            RawHttp.Reply beat = API.raw().post("/api/v1/mobile/heartbeat", session.token(),
                    "{\"pendingSyncItems\":2}");
            assertThat(beat.status()).isEqualTo(200);
            assertThat(beat.object().get("status").getAsString()).isEqualTo("sync_then_logout");
            assertThat(beat.object().get("syncDeadline").getAsString()).isEqualTo(deadline.toString());
            // 0 left: the session ends with the reason
            RawHttp.Reply done = API.raw().post("/api/v1/mobile/heartbeat", session.token(),
                    "{\"pendingSyncItems\":0}");
            assertThat(done.status()).isEqualTo(401);
            assertThat(done.error()).isEqualTo("session_ended");
            assertThat(done.object().get("reason").getAsString()).isEqualTo("Shift over");

            StreamRecorder.Received ended = stream.next(2_000);
            assertThat(ended).isNotNull();
            assertThat(ended.name()).isEqualTo("session_ended");
            assertThat(stream.awaitClosed(2_000)).isTrue();
        }
        assertThat(API.raw().get("/api/v1/sessions/" + session.sessionId(), API.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void theAdminTurnsAnEndingSessionIntoAnImmediateLogout() throws Exception {
        MobileLoginResponse session = login(API.baseUrl(), USER);
        try (StreamRecorder stream = StreamRecorder.open(API.baseUrl(), session.token())) {
            API.raw().post("/api/v1/users/" + USER + "/logout", API.adminToken(),
                    "{\"afterSync\":true,\"syncMinutes\":5}");
            assertThat(stream.next(2_000).name()).isEqualTo("sync_then_logout");
            RawHttp.Reply now = API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout", API.adminToken(),
                    "{\"reason\":\"Now\"}");
            assertThat(now.object().getAsJsonArray("endedSessionIds").get(0).getAsString())
                    .isEqualTo(session.sessionId());
            StreamRecorder.Received ended = stream.next(2_000);
            assertThat(ended.name()).isEqualTo("session_ended");
            assertThat(ended.data().get("reason").getAsString()).isEqualTo("Now");
        }
    }

    @Test
    void blockAfterSyncRefusesANewLoginAtOnceButLetsTheSyncFinish() {
        MobileLoginResponse session = login(API.baseUrl(), BLOCKED_USER);
        RawHttp.Reply block = API.raw().post("/api/v1/users/" + BLOCKED_USER + "/block", API.adminToken(),
                "{\"reason\":\"Left the agency\",\"afterSync\":true}");
        assertThat(block.status()).as("%s", block).isEqualTo(200);
        assertThat(block.object().get("blocked").getAsBoolean()).isTrue();

        RawHttp.Reply login = API.raw().post("/api/v1/mobile/login", null, Json.GSON.toJson(Api.device(BLOCKED_USER,
                TestUsers.PASSWORD, "EVV", "3.1", "another-phone", "iPhone 15", "iOS 18", "English")));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.error()).isEqualTo("account_blocked");

        RawHttp.Reply beat = API.raw().post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":4}");
        assertThat(beat.status()).isEqualTo(200);
        assertThat(beat.object().get("status").getAsString()).isEqualTo("sync_then_logout");
        assertThat(beat.object().get("blocked").getAsBoolean()).isTrue();
        assertThat(API.raw().post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":0}").status())
                .isEqualTo(401);
    }

    @Test
    void anEndingSessionWithoutAReasonIsEndingToo() {
        MobileLoginResponse session = login(API.baseUrl(), USER);
        API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout", API.adminToken(), "{\"afterSync\":true}");
        RawHttp.Reply beat = API.raw().post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":1}");
        assertThat(beat.status()).as("%s", beat).isEqualTo(200);
        assertThat(beat.object().has("reason")).isFalse();
        RawHttp.Reply done = API.raw().post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":0}");
        assertThat(done.status()).isEqualTo(401);
        assertThat(done.object().get("reason").isJsonNull()).isTrue();
    }

    @Test
    void badAfterSyncFieldsAreAClearError() {
        MobileLoginResponse session = login(API.baseUrl(), USER);
        String path = "/api/v1/sessions/" + session.sessionId() + "/logout";
        RawHttp.Reply zero = API.raw().post(path, API.adminToken(), "{\"afterSync\":true,\"syncMinutes\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.error()).isEqualTo("invalid_request");
        assertThat(API.raw().post(path, API.adminToken(), "{\"syncMinutes\":10}").status()).isEqualTo(400);
        assertThat(API.raw().post(path, API.adminToken(), "{\"afterSync\":\"yes\"}").status()).isEqualTo(400);
        assertThat(API.raw().get("/api/v1/sessions/" + session.sessionId(), API.adminToken()).status()).isEqualTo(200);
    }

    /** The one delivery of the newest audit event that lists {@code sessionId}. */
    static JsonObject delivery(RawHttp http, String token, String sessionId) {
        JsonArray events = http.get("/api/v1/audit?limit=50", token).object().getAsJsonArray("events");
        for (var element : events) {
            JsonObject event = element.getAsJsonObject();
            if (event.has("deliveries")) {
                for (var d : event.getAsJsonArray("deliveries")) {
                    if (d.getAsJsonObject().get("sessionId").getAsString().equals(sessionId)) {
                        return d.getAsJsonObject();
                    }
                }
            }
        }
        throw new AssertionError("no delivery of " + sessionId + " in " + events);
    }

    /** The delivery once it has been recorded (the event reaches the device just before the record is written). */
    static JsonObject toldDelivery(RawHttp http, String token, String sessionId) throws InterruptedException {
        long giveUp = System.nanoTime() + 3_000_000_000L;
        JsonObject delivery = delivery(http, token, sessionId);
        while (delivery.get("deliveredAt").isJsonNull() && System.nanoTime() < giveUp) {
            Thread.sleep(50);
            delivery = delivery(http, token, sessionId);
        }
        return delivery;
    }

    private static JsonObject delivery(String sessionId) {
        return delivery(API.raw(), API.adminToken(), sessionId);
    }
}

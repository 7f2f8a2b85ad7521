package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A log out after sync seen by the live console: a session made ending shows its
 * {@code syncDeadline} in {@code GET /sessions/changes}, and one that ends by its sync or by the
 * deadline is reported as ended there (otherwise every live console would keep showing it).
 * Also a time-limited block after sync: the device's stream says until when it is blocked.
 */
class AfterSyncFeedTest {

    private static final String SYNCER = "sy.ncer";
    private static final String BLOCKED = "bl.ocked";
    private static final String BULK = "bu.lk";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-30T14:02:00Z"));
    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite().with(config -> config.withClock(CLOCK)
            .withAdminTimeouts(Duration.ofHours(2), Duration.ofHours(8))))
            .withUser(SYNCER, "Sy Ncer")
            .withUser(BLOCKED, "Bl Ocked")
            .withUser(BULK, "Bu Lk");

    @Test
    void endingSessionsShowTheirDeadlineAndLeaveTheFeedWhenTheySyncOrTheDeadlinePasses() throws Exception {
        MobileLoginResponse syncs = DevicePushTest.login(API.baseUrl(), SYNCER);
        MobileLoginResponse never = DevicePushTest.login(API.baseUrl(), SYNCER);
        API.raw().post("/api/v1/mobile/heartbeat", syncs.token(), "{\"pendingSyncItems\":3}");
        API.raw().post("/api/v1/mobile/heartbeat", never.token(), "{\"pendingSyncItems\":2}");
        String cursor = API.raw().get("/api/v1/sessions", API.adminToken()).object().get("cursor").getAsString();

        RawHttp.Reply logout = API.raw().post("/api/v1/users/" + SYNCER + "/logout", API.adminToken(),
                "{\"reason\":\"End of shift\",\"afterSync\":true,\"syncMinutes\":15}");
        assertThat(logout.status()).isEqualTo(200);
        JsonObject ending = changes(cursor);
        assertThat(deadlines(ending, syncs.sessionId(), never.sessionId()))
                .as("both sessions show as ending, with the deadline")
                .containsExactly("2026-11-30T14:17:00Z", "2026-11-30T14:17:00Z");
        assertThat(endedIds(ending)).isEmpty();
        cursor = ending.get("cursor").getAsString();

        // the device reports 0 unsynced items: its session ends now, and the feed says so
        RawHttp.Reply synced = API.raw().post("/api/v1/mobile/heartbeat", syncs.token(), "{\"pendingSyncItems\":0}");
        assertThat(synced.status()).isEqualTo(401);
        JsonObject afterSync = changes(cursor);
        assertThat(endedIds(afterSync)).containsExactly(syncs.sessionId());
        JsonObject endedBySync = ended(afterSync, syncs.sessionId());
        assertThat(endedBySync.get("reason").getAsString()).isEqualTo("End of shift");
        cursor = afterSync.get("cursor").getAsString();

        // the other never syncs: once the deadline passed (the poller gives it its end) it is ended in the feed
        CLOCK.advance(Duration.ofMinutes(16));
        String since = cursor;
        Eventually.within(Duration.ofSeconds(10),
                () -> assertThat(endedIds(changes(since), SYNCER)).containsExactly(never.sessionId()));
        assertThat(API.raw().get("/api/v1/sessions?username=" + SYNCER,
                API.adminToken()).object().getAsJsonArray("sessions"))
                .isEmpty();
    }

    @Test
    void aTimeLimitedBlockAfterSyncTellsTheDeviceUntilWhen() throws Exception {
        MobileLoginResponse device = DevicePushTest.login(API.baseUrl(), BLOCKED);
        API.raw().post("/api/v1/mobile/heartbeat", device.token(), "{\"pendingSyncItems\":4}");
        Instant until = CLOCK.instant().plus(Duration.ofDays(2));
        try (StreamRecorder stream = StreamRecorder.open(API.baseUrl(), device.token())) {
            RawHttp.Reply logout = API.raw().post("/api/v1/sessions/" + device.sessionId() + "/logout",
                    API.adminToken(),
                    "{\"block\":true,\"until\":\"" + until + "\",\"afterSync\":true,\"syncMinutes\":10}");
            assertThat(logout.status()).isEqualTo(200);
            assertThat(logout.object().get("blocked").getAsBoolean()).isTrue();
            StreamRecorder.Received told = stream.next(3_000);
            assertThat(told).isNotNull();
            assertThat(told.name()).isEqualTo("sync_then_logout");
            assertThat(told.data().get("blocked").getAsBoolean()).isTrue();
            assertThat(Instant.parse(told.data().get("blockedUntil").getAsString())).isEqualTo(until);
        }
        JsonObject user = API.raw().get("/api/v1/users?q=" + BLOCKED,
                API.adminToken()).object().getAsJsonArray("users").get(0)
                .getAsJsonObject();
        assertThat(Instant.parse(user.get("blockedUntil").getAsString())).isEqualTo(until);
    }

    @Test
    void theBulkLogOutRecordsWhenEachDeviceWasTold() throws Exception {
        MobileLoginResponse device = DevicePushTest.login(API.baseUrl(), BULK);
        RawHttp.Reply bulk = API.raw().post("/api/v1/sessions/logout", API.adminToken(),
                "{\"sessionIds\":[\"" + device.sessionId() + "\"],\"reason\":\"Tidy up\"}");
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(API.raw().post("/api/v1/mobile/heartbeat", device.token(), "{}").status()).isEqualTo(401);
        JsonObject told = DevicePushTest.toldDelivery(API.raw(), API.adminToken(), device.sessionId());
        assertThat(told.get("channel").getAsString()).isEqualTo("response");
    }

    private static JsonObject changes(String since) {
        RawHttp.Reply reply = API.raw().get("/api/v1/sessions/changes?since=" + since, API.adminToken());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.object();
    }

    private static List<String> deadlines(JsonObject changes, String... ids) {
        List<String> found = new ArrayList<>();
        for (String id : ids) {
            for (JsonElement each : array(changes, "upserted")) {
                JsonObject session = each.getAsJsonObject();
                if (session.get("id").getAsString().equals(id)) {
                    found.add(session.has("syncDeadline") ? session.get("syncDeadline").getAsString() : null);
                }
            }
        }
        return found;
    }

    private static List<String> endedIds(JsonObject changes) {
        return endedIds(changes, null);
    }

    /** The ended sessions (of one user, when given: the other test's sessions share the clock). */
    private static List<String> endedIds(JsonObject changes, String username) {
        List<String> ids = new ArrayList<>();
        for (JsonElement each : array(changes, "ended")) {
            JsonObject ended = each.getAsJsonObject();
            if (username == null || username.equals(ended.get("username").getAsString())) {
                ids.add(ended.get("id").getAsString());
            }
        }
        return ids;
    }

    private static JsonObject ended(JsonObject changes, String id) {
        for (JsonElement each : array(changes, "ended")) {
            if (each.getAsJsonObject().get("id").getAsString().equals(id)) {
                return each.getAsJsonObject();
            }
        }
        throw new AssertionError("not ended: " + id);
    }

    private static JsonArray array(JsonObject changes, String name) {
        return changes.has(name) && changes.get(name).isJsonArray() ? changes.getAsJsonArray(name) : new JsonArray();
    }
}

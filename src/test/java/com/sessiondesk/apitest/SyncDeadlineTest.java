package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A device that never syncs is ended at the deadline of a log out after sync, with the service's
 * clock moved by the test: a deadline in the past counts as ended when read, and a held stream is
 * told when it passes.
 */
class SyncDeadlineTest {

    private static final String USER = "nev.ersyncs";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-30T14:02:00Z"));
    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite().with(config -> config.withClock(CLOCK)
            .withAdminTimeouts(Duration.ofHours(2), Duration.ofHours(8))))
            .withUser(USER, "Nev Ersyncs");

    @Test
    void aDeviceThatNeverSyncsIsEndedAtTheDeadline() throws Exception {
        MobileLoginResponse streaming = DevicePushTest.login(API.baseUrl(), USER);
        MobileLoginResponse offline = DevicePushTest.login(API.baseUrl(), USER);
        API.raw().post("/api/v1/mobile/heartbeat", streaming.token(), "{\"pendingSyncItems\":7}");
        API.raw().post("/api/v1/mobile/heartbeat", offline.token(), "{\"pendingSyncItems\":2}");
        try (StreamRecorder stream = StreamRecorder.open(API.baseUrl(), streaming.token())) {
            RawHttp.Reply logout = API.raw().post("/api/v1/users/" + USER + "/logout", API.adminToken(),
                    "{\"reason\":\"End of shift\",\"afterSync\":true,\"syncMinutes\":15}");
            assertThat(logout.object().get("syncDeadline").getAsString()).isEqualTo("2026-11-30T14:17:00Z");
            assertThat(stream.next(2_000).name()).isEqualTo("sync_then_logout");

            CLOCK.advance(Duration.ofMinutes(14));
            RawHttp.Reply stillEnding = API.raw().post("/api/v1/mobile/heartbeat", offline.token(),
                    "{\"pendingSyncItems\":2}");
            assertThat(stillEnding.status()).isEqualTo(200);
            assertThat(stillEnding.object().get("status").getAsString()).isEqualTo("sync_then_logout");
            assertThat(stream.next(600)).as("nothing before the deadline").isNull();

            CLOCK.advance(Duration.ofMinutes(1));
            // the held stream is told once the deadline has passed, without any request
            StreamRecorder.Received ended = stream.next(2_000);
            assertThat(ended).isNotNull();
            assertThat(ended.name()).isEqualTo("session_ended");
            assertThat(ended.data().get("reason").getAsString()).isEqualTo("End of shift");
            assertThat(stream.awaitClosed(2_000)).isTrue();
        }
        // the other device is refused with the reason on its next request
        RawHttp.Reply next = API.raw().post("/api/v1/mobile/heartbeat", offline.token(), "{\"pendingSyncItems\":2}");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.error()).isEqualTo("session_ended");
        assertThat(next.object().get("reason").getAsString()).isEqualTo("End of shift");
        JsonObject told = DevicePushTest.toldDelivery(API.raw(), API.adminToken(), offline.sessionId());
        assertThat(told.get("deliveredAt").getAsString()).as("told of the ending at 14:16")
                .isEqualTo("2026-11-30T14:16:00Z");

        // the poller gives due sessions their end (it runs every second or so)
        Eventually.within(Duration.ofSeconds(10), () -> {
            assertThat(API.raw().get("/api/v1/sessions?username=" + USER,
                    API.adminToken()).object().getAsJsonArray("sessions"))
                    .isEmpty();
            assertThat(API.raw().get("/api/v1/users?q=" + USER,
                    API.adminToken()).object().getAsJsonArray("users").get(0)
                    .getAsJsonObject().get("activeSessions").getAsInt()).isZero();
        });
    }
}

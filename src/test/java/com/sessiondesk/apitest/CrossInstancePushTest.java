package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.SessionServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two service instances on one PostgreSQL: a log out through instance A reaches a stream held on
 * instance B within 2 s (through the database, nothing in memory is shared), and the delivery B
 * records shows in A's audit log.
 */
class CrossInstancePushTest {

    private static final String USER = "cora.cross";

    /** Instance A; B is {@link TestServers.Running#another()} on the same database. */
    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.postgres();
    private static SessionServer a;
    private static SessionServer b;
    private static RawHttp rawA;
    private static String adminTokenA;

    @BeforeAll
    static void start() {
        String jdbcUrl = SERVER.jdbcUrl();
        a = SERVER.get();
        b = SERVER.another();
        rawA = new RawHttp(a.baseUrl());
        TestUsers.add(jdbcUrl, USER, "Cora Cross", false);
        adminTokenA = Api.adminToken(a.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    @Test
    void aLogoutThroughAReachesAStreamOnBWithinTwoSeconds() throws Exception {
        MobileLoginResponse session = DevicePushTest.login(b.baseUrl(), USER);
        try (StreamRecorder stream = StreamRecorder.open(b.baseUrl(), session.token())) {
            assertThat(b.openStreams()).isEqualTo(1);
            assertThat(a.openStreams()).isZero();
            long asked = System.nanoTime();
            RawHttp.Reply logout = rawA.post("/api/v1/sessions/" + session.sessionId() + "/logout", adminTokenA,
                    Json.GSON.toJson(LogoutRequest.of(false, false, "Through A")));
            assertThat(logout.status()).isEqualTo(200);
            StreamRecorder.Received ended = stream.next(3_000);
            assertThat(ended).as("session_ended on instance B").isNotNull();
            assertThat(ended.name()).isEqualTo("session_ended");
            assertThat(ended.data().get("reason").getAsString()).isEqualTo("Through A");
            assertThat((ended.atNanos() - asked) / 1_000_000).as("ms from A's answer to B's event").isLessThan(2_000);
            assertThat(stream.awaitClosed(2_000)).isTrue();
        }
        JsonObject delivery = DevicePushTest.toldDelivery(rawA, adminTokenA, session.sessionId());
        assertThat(delivery.get("channel").getAsString()).isEqualTo("stream");
        assertThat(delivery.get("deliveredAt").isJsonNull()).isFalse();
        assertThat(new RawHttp(b.baseUrl()).post("/api/v1/mobile/heartbeat", session.token(), null).status())
                .isEqualTo(401);
    }

    @Test
    void aLogoutAfterSyncThroughAReachesBAndEndsWhenTheDeviceHasSynced() throws Exception {
        MobileLoginResponse session = DevicePushTest.login(b.baseUrl(), USER);
        RawHttp rawB = new RawHttp(b.baseUrl());
        try (StreamRecorder stream = StreamRecorder.open(b.baseUrl(), session.token())) {
            rawA.post("/api/v1/sessions/" + session.sessionId() + "/logout", adminTokenA,
                    Json.GSON.toJson(LogoutRequest.afterSync(false, false, "Sync first", 15)));
            StreamRecorder.Received sync = stream.next(3_000);
            assertThat(sync).isNotNull();
            assertThat(sync.name()).isEqualTo("sync_then_logout");
            assertThat(rawB.post("/api/v1/mobile/heartbeat", session.token(), "{\"pendingSyncItems\":0}").status())
                    .isEqualTo(401);
            assertThat(stream.next(3_000).name()).isEqualTo("session_ended");
        }
        assertThat(rawA.get("/api/v1/sessions/" + session.sessionId(), adminTokenA).status()).isEqualTo(404);
    }
}

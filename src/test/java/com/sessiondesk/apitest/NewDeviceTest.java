package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * newDevice and newAddress: a session is from a new device when its user never used that device id
 * before, and from a new address when its user was not seen there in the last 90 days (logins, and
 * heartbeats that moved a session to another address). Computed at login and kept with the session,
 * in the list, one session and the change feed. Addresses come through a trusted proxy here.
 */
class NewDeviceTest {

    private static final String ANA = "ana.seen";
    private static final String BEN = "ben.seen";
    private static final String HOME = "198.51.100.10";
    private static final String CAFE = "203.0.113.77";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    @RegisterExtension
    final TestServers.Running<SessionServer> service = TestServers.sqlite().with(config -> config.withClock(clock)
            .withTrustedProxies(List.of("127.0.0.1")).withHeartbeatFlushInterval(Duration.ofMillis(20)));

    private SessionServer server;
    private RawHttp raw;

    private record Login(String sessionId, String token) {
    }

    private Login login(String username, String deviceId, String address) {
        MobileLoginRequest request = Api.device(username, TestUsers.PASSWORD, "Caregiver", "5.0.0", deviceId,
                "Pixel 8", "Android 15", "English");
        RawHttp.Reply reply = raw.send("POST", "/api/v1/mobile/login", null,
                Json.GSON.toJson(request).getBytes(StandardCharsets.UTF_8), Map.of("X-Forwarded-For", address));
        assertThat(reply.status()).as("login: %s", reply).isEqualTo(201);
        return new Login(reply.object().get("sessionId").getAsString(), reply.object().get("token").getAsString());
    }

    /** The session as the admin sees it (a fresh admin token: the clock may have moved days). */
    private Session session(String id) {
        return ok(Api.admin(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD).session(id));
    }

    @Test
    void newDeviceAndNewAddressAreSetAtLoginAndKept() {
        server = service.get();
        raw = new RawHttp(server.baseUrl());
        TestUsers.add(service.jdbcUrl(), ANA, "Ana Seen", false);
        TestUsers.add(service.jdbcUrl(), BEN, "Ben Seen", false);
        SessionDeskApi admin = Api.admin(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        String cursor = ok(admin.sessions(null, null, null)).cursor();

        Login first = login(ANA, "ana-phone", HOME);
        assertThat(session(first.sessionId())).extracting(Session::newDevice, Session::newAddress)
                .as("the first login: both never seen").containsExactly(true, true);
        SessionChanges changes = ok(admin.sessionChanges(cursor));
        assertThat(changes.upserted()).singleElement().extracting(Session::newDevice, Session::newAddress)
                .containsExactly(true, true);

        clock.advance(Duration.ofMinutes(5));
        Login again = login(ANA, "ana-phone", HOME);
        assertThat(session(again.sessionId())).extracting(Session::newDevice, Session::newAddress)
                .containsExactly(false, false);
        assertThat(session(first.sessionId()).newDevice()).as("kept with the session").isTrue();

        Login tablet = login(ANA, "agency-tablet", HOME);
        assertThat(session(tablet.sessionId())).extracting(Session::newDevice, Session::newAddress)
                .containsExactly(true, false);
        Login benOnTablet = login(BEN, "agency-tablet", HOME);
        assertThat(session(benOnTablet.sessionId()).newDevice()).as("new to Ben, whoever used it before").isTrue();
        assertThat(session(benOnTablet.sessionId()).newAddress()).as("new to Ben too").isTrue();
        assertThat(ok(admin.sessions(ANA, null, null)).sessions()).extracting(Session::id, Session::newDevice)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first.sessionId(), true),
                        org.assertj.core.groups.Tuple.tuple(again.sessionId(), false),
                        org.assertj.core.groups.Tuple.tuple(tablet.sessionId(), true));

        // a heartbeat from the café records Ana as seen there: a later login from it is not new
        assertThat(raw.send("POST", "/api/v1/mobile/heartbeat", again.token(), "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", CAFE)).status()).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(5),
                () -> assertThat(session(again.sessionId()).address()).isEqualTo(CAFE));
        Login fromCafe = login(ANA, "ana-phone", CAFE);
        assertThat(session(fromCafe.sessionId())).extracting(Session::newDevice, Session::newAddress)
                .containsExactly(false, false);

        // 90 days without Ana at home: home is new again; her phone never is
        clock.advance(Duration.ofDays(90).plusMinutes(1));
        Login back = login(ANA, "ana-phone", HOME);
        assertThat(session(back.sessionId())).extracting(Session::newDevice, Session::newAddress)
                .containsExactly(false, true);
        clock.advance(Duration.ofMinutes(1));
        assertThat(session(login(ANA, "ana-phone", HOME).sessionId()).newAddress()).isFalse();
    }
}

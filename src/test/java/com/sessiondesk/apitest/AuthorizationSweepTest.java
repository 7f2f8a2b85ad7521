package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static com.sessiondesk.apitest.Replies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminLoginResponse;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin route, taken from the server's own route table, refuses everyone but a signed-in
 * super user: no token, a garbage token, a mobile session token, a non-super user, an expired or
 * revoked admin token.
 */
class AuthorizationSweepTest {

    /** The routes that are not admin routes: everything else must demand a super user's token. */
    static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /api/v1/health",
            "POST /api/v1/mobile/login",
            "POST /api/v1/mobile/heartbeat",
            "GET /api/v1/mobile/me",
            "POST /api/v1/mobile/logout",
            "GET /api/v1/mobile/events",
            "POST /api/v1/admin/login");

    static final List<String> KNOWN_ADMIN_ROUTES = List.of(
            "POST /api/v1/admin/logout",
            "GET /api/v1/sessions",
            "GET /api/v1/sessions/{id}",
            "POST /api/v1/sessions/{id}/logout",
            "GET /api/v1/users",
            "POST /api/v1/users/{username}/logout",
            "POST /api/v1/users/{username}/block",
            "POST /api/v1/users/{username}/unblock",
            "GET /api/v1/audit",
            "GET /api/v1/devices",
            "POST /api/v1/devices/{deviceId}/block",
            "POST /api/v1/devices/{deviceId}/unblock");

    private static final String STAFF = "sam.staff";

    private static SessionServer server;
    private static String jdbcUrl;
    private static RawHttp raw;
    private static String adminToken;
    private static MobileLoginResponse staffSession;

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite();

    private static final Duration ADMIN_IDLE = Duration.ofMinutes(30);
    private static final Duration ADMIN_ABSOLUTE = Duration.ofHours(2);
    /** A server of its own for the token lifetime test (started by that test only), on a clock the test moves. */
    final MutableClock clock = new MutableClock(Instant.now());
    @RegisterExtension
    final TestServers.Running<SessionServer> shortLived = TestServers.sqlite().with(config -> config
            .withClock(clock).withAdminTimeouts(ADMIN_IDLE, ADMIN_ABSOLUTE));

    @BeforeAll
    static void start() {
        jdbcUrl = SERVER.jdbcUrl();
        server = SERVER.get();
        raw = new RawHttp(server.baseUrl());
        TestUsers.add(jdbcUrl, STAFF, "Sam Staff", false);
        staffSession = Api.mobileLogin(server.baseUrl(), device(STAFF, TestUsers.PASSWORD));
        adminToken = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }


    static List<String> adminRoutes(SessionServer server) {
        List<String> routes = server.routes().stream().filter(route -> !PUBLIC_ROUTES.contains(route)).toList();
        assertThat(routes).as("admin routes of the server").containsAll(KNOWN_ADMIN_ROUTES);
        return routes;
    }

    static Stream<String> adminRoutes() {
        return adminRoutes(server).stream();
    }

    static Stream<Arguments> adminRoutesWithBadAuthorization() {
        Map<String, String> badHeaders = Map.of(
                "garbage", "Bearer garbage",
                "well-formed but unknown", "Bearer " + "ab".repeat(32),
                "empty bearer", "Bearer ",
                "basic scheme", "Basic YWRtaW46QWRtaW4tVGVzdC1QYXNzd29yZC0x");
        return adminRoutes().flatMap(route -> badHeaders.entrySet().stream()
                .map(bad -> Arguments.of(route, bad.getKey(), bad.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void withoutATokenAnAdminRouteIs401(String route) {
        assertError(call(raw, route, Map.of()), 401, "invalid_token");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("adminRoutesWithBadAuthorization")
    void withAGarbageTokenAnAdminRouteIs401(String route, String what, String authorization) {
        assertError(call(raw, route, Map.of("Authorization", authorization)), 401, "invalid_token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminRoutes")
    void withAMobileSessionTokenAnAdminRouteIs403(String route) {
        assertError(call(raw, route, bearer(staffSession.token())), 403, "forbidden");
    }

    @Test
    void aSuperUsersMobileSessionGivesNoAdminRights() {
        RawHttp.Reply login = raw.post("/api/v1/mobile/login", null,
                Json.GSON.toJson(device(TestServers.ADMIN, TestServers.ADMIN_PASSWORD)));
        assumeTrue(login.status() == 201, "super users may not use the mobile apps here: " + login);
        String mobileToken = login.object().get("token").getAsString();
        for (String route : adminRoutes(server)) {
            assertError(call(raw, route, bearer(mobileToken)), 403, "forbidden");
        }
    }

    @Test
    void aUserWhoIsNotASuperUserCannotSignInAsAdminAndTheAttemptIsAudited() {
        assertError(raw.post("/api/v1/admin/login", null, Json.GSON.toJson(new AdminLoginRequest(STAFF, TestUsers.PASSWORD))),
                403, "forbidden");
        List<AuditEvent> events = Api.ok(Api.withToken(server.baseUrl(), adminToken).audit(STAFF, null)).events();
        assertThat(events).extracting(AuditEvent::action).contains("admin_login_failed");
        // the staff member's mobile session is untouched
        assertThat(raw.post("/api/v1/mobile/heartbeat", staffSession.token(), null).status()).isEqualTo(204);
    }

    @Test
    void aWrongAdminPasswordIs401WithTheChallenge() {
        assertError(raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest(TestServers.ADMIN, "wrong-password"))), 401, "invalid_credentials");
        assertError(raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest("no.such.user", "wrong-password"))), 401, "invalid_credentials");
    }

    @Test
    void loginsAnswerFreshUnguessableTokensAndTheAdminsExpiry() {
        java.time.Instant before = java.time.Instant.now();
        AdminLoginResponse first = Api.ok(Api.anonymous(server.baseUrl())
                .adminLogin(new AdminLoginRequest(TestServers.ADMIN, TestServers.ADMIN_PASSWORD)));
        AdminLoginResponse second = Api.ok(Api.anonymous(server.baseUrl())
                .adminLogin(new AdminLoginRequest(TestServers.ADMIN, TestServers.ADMIN_PASSWORD)));
        assertThat(first.user().username()).isEqualTo(TestServers.ADMIN);
        assertThat(first.user().name()).isNotBlank();
        // 8 hours absolute by default
        assertThat(first.expiresAt()).isBetween(before.plus(Duration.ofHours(8)).minusSeconds(60),
                java.time.Instant.now().plus(Duration.ofHours(8)).plusSeconds(60));
        MobileLoginResponse phone = Api.mobileLogin(server.baseUrl(), device(STAFF, TestUsers.PASSWORD));
        for (String token : List.of(first.token(), second.token(), phone.token())) {
            // 256 bits are at least 43 characters of base64url or 64 of hex
            assertThat(token).matches("[A-Za-z0-9_\\-]{43,}");
        }
        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(phone.sessionId()).isNotEqualTo(staffSession.sessionId());
    }

    @Test
    void adminLogoutRevokesTheToken() {
        String token = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        assertThat(raw.get("/api/v1/sessions", token).status()).isEqualTo(200);
        assertThat(raw.post("/api/v1/admin/logout", token, null).status()).isEqualTo(204);
        assertError(raw.get("/api/v1/sessions", token), 401, "invalid_token");
        assertError(raw.post("/api/v1/admin/logout", token, null), 401, "invalid_token");
        // another admin token lives on
        assertThat(raw.get("/api/v1/sessions", adminToken).status()).isEqualTo(200);
    }

    @Test
    void aSuperUserBlockedByAnotherLosesAdminAccessAtOnce() {
        TestUsers.add(jdbcUrl, "kim.super", "Kim Super", true);
        String kimToken = Api.adminToken(server.baseUrl(), "kim.super", TestUsers.PASSWORD);
        assertThat(raw.get("/api/v1/sessions", kimToken).status()).isEqualTo(200);
        assertThat(raw.post("/api/v1/users/kim.super/block", adminToken, "{\"reason\":\"left\"}").status()).isEqualTo(200);
        for (String route : adminRoutes(server)) {
            RawHttp.Reply reply = call(raw, route, bearer(kimToken));
            assertThat(reply.status()).as("%s with a blocked super user's token: %s", route, reply).isIn(401, 403);
            assertErrorBody(reply);
            assertThat(reply.error()).isIn("invalid_token", "account_blocked");
        }
        assertError(raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest("kim.super", TestUsers.PASSWORD))), 403, "account_blocked");
    }

    @Test
    void aSuperUserCannotBlockTheirOwnAccount() {
        Replies.assertClientError(raw.post("/api/v1/users/" + TestServers.ADMIN + "/block", adminToken, "{}"));
        assertThat(raw.get("/api/v1/users?blocked=true", adminToken).object().getAsJsonArray("users").toString())
                .doesNotContain("\"username\":\"" + TestServers.ADMIN + "\"");
        assertThat(raw.get("/api/v1/sessions", adminToken).status()).isEqualTo(200);
    }

    @Test
    void mobileRoutesRefuseAnAdminToken() {
        for (RawHttp.Reply reply : List.of(
                raw.post("/api/v1/mobile/heartbeat", adminToken, "{\"pendingSyncItems\":1}"),
                raw.get("/api/v1/mobile/me", adminToken),
                raw.post("/api/v1/mobile/logout", adminToken, null))) {
            assertThat(reply.status()).as("%s", reply).isIn(401, 403);
            assertErrorBody(reply);
            assertThat(reply.error()).isIn("invalid_token", "forbidden");
        }
        assertThat(raw.get("/api/v1/sessions", adminToken).status()).isEqualTo(200);
    }

    @Test
    void mobileRoutesRefuseMissingAndUnknownTokens() {
        for (String token : new String[] {null, "garbage", "cd".repeat(32)}) {
            assertError(raw.post("/api/v1/mobile/heartbeat", token, null), 401, "invalid_token");
            assertError(raw.get("/api/v1/mobile/me", token), 401, "invalid_token");
            assertError(raw.post("/api/v1/mobile/logout", token, null), 401, "invalid_token");
        }
    }

    @Test
    void adminTokensExpireWhenIdleAndAfterTheAbsoluteLimit() {
        SessionServer server = shortLived.get();
        RawHttp http = new RawHttp(server.baseUrl());
        String base = server.baseUrl();

        String idleToken = Api.adminToken(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        String busyToken = Api.adminToken(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);

        // the busy token is used every third of the idle limit: the idle limit never strikes it, the absolute one does
        Duration step = ADMIN_IDLE.dividedBy(3);
        Duration elapsed = Duration.ZERO;
        boolean idleChecked = false;
        int okAfterIdleWindow = 0;
        while (elapsed.plus(step).compareTo(ADMIN_ABSOLUTE) < 0) {
            clock.advance(step);
            elapsed = elapsed.plus(step);
            if (!idleChecked && elapsed.compareTo(ADMIN_IDLE) > 0) {
                assertError(http.get("/api/v1/sessions", idleToken), 401, "invalid_token");
                idleChecked = true;
            }
            assertThat(http.get("/api/v1/sessions", busyToken).status()).as("busy token %s after its issue", elapsed)
                    .isEqualTo(200);
            if (elapsed.compareTo(ADMIN_IDLE) > 0) {
                okAfterIdleWindow++;
            }
        }
        clock.advance(ADMIN_ABSOLUTE.minus(elapsed).minusSeconds(1));
        assertThat(http.get("/api/v1/sessions", busyToken).status()).as("busy token a second before its absolute limit")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertError(http.get("/api/v1/sessions", busyToken), 401, "invalid_token");

        assertThat(idleChecked).isTrue();
        assertThat(okAfterIdleWindow).as("requests that kept the busy token alive past the idle limit").isPositive();
        for (String route : adminRoutes(server)) {
            assertError(call(http, route, bearer(idleToken)), 401, "invalid_token");
            assertError(call(http, route, bearer(busyToken)), 401, "invalid_token");
        }
        // signing in again works
        assertThat(http.get("/api/v1/sessions",
                Api.adminToken(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    // --- helpers ---

    static MobileLoginRequest device(String username, String password) {
        return Api.device(username, password, "Caregiver", "4.2.0", "device-" + username, "Pixel 8", "Android 14",
                "English");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Calls a "METHOD /path" route with real path values, so a missing check would act for real. */
    private static RawHttp.Reply call(RawHttp http, String route, Map<String, String> headers) {
        String[] parts = route.split(" ", 2);
        String path = parts[1]
                .replace("{id}", staffSession.sessionId())
                .replace("{username}", STAFF)
                .replaceAll("\\{[^}]+}", "x");
        byte[] body = parts[0].equals("POST") ? "{}".getBytes() : null;
        return http.send(parts[0], path, null, body, headers);
    }
}

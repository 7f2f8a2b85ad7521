package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertClientError;
import static com.sessiondesk.apitest.Replies.assertError;
import static com.sessiondesk.apitest.Replies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on every route: each answer is a 4xx with the error body and the right code, never a
 * 5xx or a stack trace, and nothing is lost or changed by a refused request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputTest {

    private static final String STAFF = "bea.input";
    private static final String VALID_LOGIN = """
            {"username":"bea.input","password":"%s","application":"Caregiver","appVersion":"4.2.0",
             "deviceId":"bea-phone","deviceModel":"Pixel 7","deviceOs":"Android 14","language":"Polish"}"""
            .formatted(TestUsers.PASSWORD);

    private final ApiServer api;
    private MobileLoginResponse session;

    /** Over the subclass's server (SQLite or PostgreSQL), which has the user {@link #STAFF}. */
    BadInputTest(ApiServer api) {
        this.api = api;
    }

    static ApiServer server(TestServers.Running<com.sessiondesk.server.SessionServer> running) {
        return ApiServer.on(running).withUser(STAFF, "Bea Input");
    }

    /** A route that takes a JSON body, and who may call it. */
    enum BodyRoute {
        MOBILE_LOGIN("POST", "/api/v1/mobile/login"),
        HEARTBEAT("POST", "/api/v1/mobile/heartbeat"),
        ADMIN_LOGIN("POST", "/api/v1/admin/login"),
        SESSION_LOGOUT("POST", "/api/v1/sessions/{id}/logout"),
        USER_LOGOUT("POST", "/api/v1/users/{username}/logout"),
        USER_BLOCK("POST", "/api/v1/users/{username}/block");

        final String method;
        final String path;

        BodyRoute(String method, String path) {
            this.method = method;
            this.path = path;
        }

    }

    private RawHttp.Reply send(BodyRoute route, byte[] body) {
        String token = switch (route) {
            case MOBILE_LOGIN, ADMIN_LOGIN -> null;
            case HEARTBEAT -> session.token();
            default -> api.adminToken();
        };
        String realPath = route.path.replace("{id}", session.sessionId()).replace("{username}", STAFF);
        return api.raw().send(route.method, realPath, token, body, Map.of());
    }

    private RawHttp.Reply send(BodyRoute route, String body) {
        return send(route, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void start() {
        RawHttp.Reply login = api.raw().post("/api/v1/mobile/login", null, VALID_LOGIN);
        assertThat(login.status()).as("%s", login).isEqualTo(201);
        session = com.sessiondesk.api.Json.GSON.fromJson(login.body(), MobileLoginResponse.class);
    }

    /** Bodies that are no JSON object at all: refused on every route. */
    static Stream<Arguments> notAnObject() {
        List<String> bodies = List.of(
                "{\"username\": \"a\",",
                "{,}",
                "{\"reason\": 'single quotes' trailing}",
                "not json at all",
                "[]",
                "[{}]",
                "\"a string\"",
                "42",
                "true");
        List<Arguments> cases = new ArrayList<>();
        for (BodyRoute route : BodyRoute.values()) {
            for (String body : bodies) {
                cases.add(Arguments.of(route, body));
            }
        }
        return cases.stream();
    }

    /** Objects whose fields have the wrong type or lack a required value. */
    static Stream<Arguments> wrongFields() {
        return Stream.of(
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"bea.input\"", "123")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"" + TestUsers.PASSWORD + "\"", "true")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"Caregiver\"", "{}")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"bea-phone\"", "[\"bea-phone\"]")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"username\":\"bea.input\",", "")),
                Arguments.of(BodyRoute.MOBILE_LOGIN,
                        VALID_LOGIN.replace("\"password\":\"" + TestUsers.PASSWORD + "\",", "")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"application\":\"Caregiver\",", "")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"deviceId\":\"bea-phone\",", "")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"Caregiver\"", "\"  \"")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"bea-phone\"", "\"\"")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replace("\"bea-phone\"", "null")),
                Arguments.of(BodyRoute.MOBILE_LOGIN, "{}"),
                Arguments.of(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":\"five\"}"),
                Arguments.of(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":1.5}"),
                Arguments.of(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":-3}"),
                Arguments.of(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":99999999999999}"),
                Arguments.of(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":true}"),
                Arguments.of(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":[1]}"),
                Arguments.of(BodyRoute.ADMIN_LOGIN, "{\"username\":42,\"password\":\"x\"}"),
                Arguments.of(BodyRoute.ADMIN_LOGIN, "{\"username\":\"admin\",\"password\":false}"),
                Arguments.of(BodyRoute.ADMIN_LOGIN, "{\"username\":\"admin\"}"),
                Arguments.of(BodyRoute.ADMIN_LOGIN, "{\"password\":\"x\"}"),
                Arguments.of(BodyRoute.ADMIN_LOGIN, "{\"username\":null,\"password\":\"x\"}"),
                Arguments.of(BodyRoute.ADMIN_LOGIN, "{}"),
                Arguments.of(BodyRoute.SESSION_LOGOUT, "{\"allDevices\":\"yes\"}"),
                Arguments.of(BodyRoute.SESSION_LOGOUT, "{\"block\":\"no\"}"),
                Arguments.of(BodyRoute.SESSION_LOGOUT, "{\"block\":1}"),
                Arguments.of(BodyRoute.SESSION_LOGOUT, "{\"allDevices\":[true]}"),
                Arguments.of(BodyRoute.SESSION_LOGOUT, "{\"reason\":5}"),
                Arguments.of(BodyRoute.SESSION_LOGOUT, "{\"reason\":{\"text\":\"x\"}}"),
                Arguments.of(BodyRoute.USER_LOGOUT, "{\"reason\":5}"),
                Arguments.of(BodyRoute.USER_LOGOUT, "{\"reason\":[\"x\"]}"),
                Arguments.of(BodyRoute.USER_BLOCK, "{\"reason\":false}"),
                Arguments.of(BodyRoute.USER_BLOCK, "{\"reason\":{}}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("notAnObject")
    void aBodyThatIsNoJsonObjectIs400(BodyRoute route, String body) {
        assertError(send(route, body), 400, "invalid_request");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongFields")
    void aWrongTypeOrAMissingRequiredFieldIs400(BodyRoute route, String body) {
        assertError(send(route, body), 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOBILE_LOGIN", "ADMIN_LOGIN"})
    void anEmptyBodyIsRefusedWhereOneIsRequired(BodyRoute route) {
        assertError(send(route, (String) null), 400, "invalid_request");
        assertError(send(route, ""), 400, "invalid_request");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String extra = "\"clientBuild\":{\"sha\":\"abc\",\"flags\":[1,2,3]},\"future\":null,";
        RawHttp.Reply login = send(BodyRoute.MOBILE_LOGIN, VALID_LOGIN.replaceFirst("\\{", "{" + extra));
        assertThat(login.status()).as("%s", login).isEqualTo(201);
        RawHttp.Reply admin = send(BodyRoute.ADMIN_LOGIN, "{" + extra + "\"username\":\"admin\",\"password\":\""
                + TestServers.ADMIN_PASSWORD + "\"}");
        assertThat(admin.status()).as("%s", admin).isEqualTo(200);
        MobileLoginResponse victim = sacrificialSession("unknown-fields");
        RawHttp.Reply logout = api.raw().post("/api/v1/sessions/" + victim.sessionId() + "/logout", api.adminToken(),
                "{" + extra + "\"allDevices\":false,\"reason\":\"extra fields\"}");
        assertThat(logout.status()).as("%s", logout).isEqualTo(200);
        String sessionId = login.object().get("sessionId").getAsString();
        assertThat(api.raw().post("/api/v1/sessions/" + sessionId + "/logout", api.adminToken(),
                "{}").status()).isEqualTo(200);
    }

    @Test
    void aHeartbeatNeedsNoBody() {
        assertThat(send(BodyRoute.HEARTBEAT, (String) null).status()).isEqualTo(204);
        assertThat(send(BodyRoute.HEARTBEAT, "{}").status()).isEqualTo(204);
        assertThat(send(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":null,\"unknownField\":[1,2,3]}").status())
                .isEqualTo(204);
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void aHugeBodyIsRefusedWithTheErrorBody(BodyRoute route) {
        String huge = "{\"reason\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        RawHttp.Reply reply = send(route, huge);
        assertThat(reply.status()).as("%s", reply).isIn(400, 413);
        assertErrorBody(reply);
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    /** Under the body limit (so the field itself is judged) and over it. */
    @ParameterizedTest
    @ValueSource(strings = {"MOBILE_LOGIN", "ADMIN_LOGIN"})
    void aHugeStringFieldIsAClientError(BodyRoute route) {
        for (int length : new int[] {20_000, 200_000}) {
            String longName = "u".repeat(length);
            assertClientError(send(route, VALID_LOGIN.replace("\"bea.input\"", "\"" + longName + "\"")));
            assertClientError(send(route, VALID_LOGIN.replace("\"Polish\"", "\"" + longName + "\"")));
        }
    }

    @Test
    void aHugeReasonIsRefusedAndEndsNothing() {
        MobileLoginResponse victim = sacrificialSession("huge-reason");
        for (int length : new int[] {20_000, 300_000}) {
            assertClientError(api.raw().post("/api/v1/sessions/" + victim.sessionId() + "/logout", api.adminToken(),
                    "{\"block\":true,\"reason\":\"" + "r".repeat(length) + "\"}"));
            assertClientError(api.raw().post("/api/v1/users/" + STAFF + "/logout", api.adminToken(),
                    "{\"reason\":\"" + "r".repeat(length) + "\"}"));
        }
        assertThat(api.raw().get("/api/v1/sessions/" + victim.sessionId(), api.adminToken()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOBILE_LOGIN", "ADMIN_LOGIN"})
    void deeplyNestedJsonIsAClientError(BodyRoute route) {
        int depth = 50_000;
        String nested = "{\"username\":\"x\",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        assertError(send(route, nested), 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOBILE_LOGIN", "ADMIN_LOGIN"})
    void invalidUtf8IsAClientError(BodyRoute route) {
        byte[] body = "{\"username\":\"bea.input\",\"password\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertClientError(send(route, body));
    }

    @Test
    void emptyOrMissingOptionalBodiesOnAdminActionsAreNoServerErrors() {
        for (String body : new String[] {null, "", "{}"}) {
            MobileLoginResponse victim = sacrificialSession("empty-" + body);
            RawHttp.Reply reply = api.raw().post("/api/v1/sessions/" + victim.sessionId() + "/logout",
                    api.adminToken(), body);
            assertThat(reply.status()).as("body %s: %s", body, reply).isIn(200, 400);
            if (reply.status() == 400) {
                assertError(reply, 400, "invalid_request");
            }
        }
    }

    static Stream<String> unknownTargets() {
        return Stream.of(
                "GET /api/v1/sessions/no-such-session",
                "POST /api/v1/sessions/no-such-session/logout",
                "POST /api/v1/users/no.such.user/logout",
                "POST /api/v1/users/no.such.user/block",
                "POST /api/v1/users/no.such.user/unblock",
                "GET /api/v1/sessions/%27%20OR%20%271%27%3D%271",
                "POST /api/v1/users/%27%3B%20DROP%20TABLE%20users%3B--/block",
                "POST /api/v1/users/%E2%98%83/unblock");
    }

    @ParameterizedTest
    @MethodSource("unknownTargets")
    void anUnknownSessionOrUserIs404(String route) {
        String[] parts = route.split(" ", 2);
        String body = parts[0].equals("POST") ? "{\"reason\":\"r\"}" : null;
        assertError(api.raw().send(parts[0], parts[1], api.adminToken(), body), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/sessions/%00",
        "/api/v1/sessions/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/sessions/%2e%2e",
        "/api/v1/users/a%2Fb/block"})
    void pathJunkIsAClientErrorWithTheErrorBody(String path) {
        assertClientError(api.raw().send(path.contains("block") ? "POST" : "GET", path, api.adminToken(), "{}"));
    }

    /** What no HTTP client sends: broken escapes, a broken header, an oversized header. Jetty refuses them first. */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET /api/v1/sessions/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /api/v1/sessions HTTP/1.1\r\nHost: x\r\nNo colon in this header\r\nConnection: close\r\n\r\n",
        "GET /api/v1/sessions HTTP/1.1\r\nHost: x\r\nX-Big: {BIG}\r\nConnection: close\r\n\r\n",
        "POST /api/v1/mobile/login HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\nConnection: close\r\n\r\n{}"})
    void malformedHttpIsAClientErrorWithTheErrorBody(String request) throws java.io.IOException {
        byte[] bytes = request.replace("{BIG}", "b".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Reply reply = RawSocket.exchange("127.0.0.1", api.server().port(), bytes);
        assertClientError(reply);
    }

    @Test
    void anOverlongIdOrUsernameIsAClientError() {
        assertClientError(api.raw().get("/api/v1/sessions/" + "a".repeat(3000), api.adminToken()));
        assertClientError(api.raw().post("/api/v1/users/" + "b".repeat(3000) + "/block", api.adminToken(), "{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/audit?limit=abc",
        "/api/v1/audit?limit=-1",
        "/api/v1/audit?limit=0",
        "/api/v1/audit?limit=1.5",
        "/api/v1/users?blocked=perhaps"})
    void malformedQueryParametersAre400(String pathAndQuery) {
        assertError(api.raw().get(pathAndQuery, api.adminToken()), 400, "invalid_request");
    }

    @Test
    void queryParametersThatMatchNothingGiveEmptyLists() {
        assertThat(api.raw().get("/api/v1/audit?username=no.such.user", api.adminToken()).object()
                .getAsJsonArray("events")).isEmpty();
        assertThat(api.raw().get("/api/v1/users?q=%27%20OR%201%3D1--", api.adminToken()).object()
                .getAsJsonArray("users")).isEmpty();
        assertThat(api.raw().get("/api/v1/sessions?q=%25", api.adminToken()).status()).isEqualTo(200);
        assertThat(api.raw().get("/api/v1/sessions?username=%27%20OR%20%271%27%3D%271", api.adminToken()).object()
                .getAsJsonArray("sessions")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/nope", "GET /api/v2/sessions", "GET /nope", "POST /api/v1/mobile/nope"})
    void anUnknownRouteIs404(String route) {
        String[] parts = route.split(" ", 2);
        assertError(api.raw().send(parts[0], parts[1], tokenFor(parts[1]), parts[0].equals("POST") ? "{}" : null),
                404, "not_found");
    }

    /** 405 method_not_allowed with the error body and the methods the path allows in Allow. */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET /api/v1/mobile/login",
        "PUT /api/v1/mobile/heartbeat",
        "DELETE /api/v1/sessions/{id}",
        "POST /api/v1/sessions",
        "GET /api/v1/users/{username}/block",
        "PATCH /api/v1/users/{username}/unblock",
        "POST /api/v1/health"})
    void aWrongMethodIsAClientErrorWithTheErrorBody(String route) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replace("{id}", session.sessionId()).replace("{username}", STAFF);
        RawHttp.Reply reply = api.raw().send(parts[0], path, tokenFor(path), parts[0].equals("GET") ? null : "{}");
        assertThat(reply.status()).as("%s %s: %s", parts[0], path, reply).isEqualTo(405);
        assertErrorBody(reply);
        assertThat(reply.error()).isEqualTo("method_not_allowed");
        assertThat(reply.header("Allow")).as("Allow of %s", path).isIn("GET", "POST");
    }

    /** The token a well-meaning caller of this path would hold: so only the route is wrong. */
    private String tokenFor(String path) {
        return path.startsWith("/api/v1/mobile/") ? session.token() : api.adminToken();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void refusedRequestsChangedNothing() {
        assertThat(send(BodyRoute.HEARTBEAT, "{\"pendingSyncItems\":3}").status()).isEqualTo(204);
        RawHttp.Reply listed = api.raw().get("/api/v1/sessions/" + session.sessionId(), api.adminToken());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        Session row = com.sessiondesk.api.Json.GSON.fromJson(listed.body(), Session.class);
        assertThat(row.username()).isEqualTo(STAFF);
        RawHttp.Reply users = api.raw().get("/api/v1/users?blocked=true", api.adminToken());
        assertThat(users.object().getAsJsonArray("users")).isEmpty();
        AuditEvent[] events = com.sessiondesk.api.Json.GSON.fromJson(
                api.raw().get("/api/v1/audit?username=" + STAFF, api.adminToken()).object().get("events"),
                        AuditEvent[].class);
        // only the sacrificial sessions' logouts (and failed admin sign-ins, and the account's creation by
        // user add): nothing touched the main session
        for (AuditEvent event : events) {
            assertThat(event.action()).isIn("logout_session", "admin_login_failed", "user_added");
            assertThat(event.sessionIds()).doesNotContain(session.sessionId());
        }
    }

    static Stream<BodyRoute> bodyRoutes() {
        return Stream.of(BodyRoute.values());
    }

    private MobileLoginResponse sacrificialSession(String deviceId) {
        return Api.mobileLogin(api.baseUrl(), Api.device(STAFF, TestUsers.PASSWORD, "EVV", "1.0", deviceId,
                "Moto G", "Android 13", "Polish"));
    }
}

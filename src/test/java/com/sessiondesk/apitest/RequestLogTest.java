package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.server.SessionServer;
import com.sessiondesk.server.observability.LogFormat;
import com.sessiondesk.server.observability.RequestLog;
import com.sessiondesk.server.observability.ServiceLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request log of {@code serve}, in both formats: one line per request with its method, route
 * template, status, duration and request id (the {@code X-Request-Id} sent back), and nothing secret:
 * no password, token, reason text or query string reaches the log, though all of them went over the wire.
 */
class RequestLogTest {

    private static final String STAFF = "lou.requests";
    private static final String WRONG_PASSWORD = "Wrong-Request-Password-31";
    private static final String REASON = "Reason-Text-That-Stays-Private";
    private static final String QUERY_VALUE = "query-value-never-logged";
    private static final String GARBAGE_TOKEN = "garbage-token-not-for-the-log-0123456789";
    private static final String HEX_ID = "[0-9a-f]{16}";

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite();

    private static RawHttp raw;

    /** What one round of traffic sent, and the ids and routes the log should show. */
    record Round(List<String> secrets, List<String> ids, List<String> routes, String sessionId) {}

    @BeforeAll
    static void start() {
        TestUsers.add(SERVER.jdbcUrl(), STAFF, "Lou Requests", false);
        raw = new RawHttp(SERVER.get().baseUrl());
    }

    @AfterAll
    static void restoreTheLog() {
        ServiceLog.reset();
    }

    @Test
    void textLinesNameTheRouteAndHoldNoSecret() {
        Captured captured = capture(LogFormat.TEXT);
        List<String> lines = captured.output.lines().filter(line -> line.contains(" " + RequestLog.LOGGER + " - "))
                .toList();
        Round round = captured.round;
        assertThat(lines).hasSameSizeAs(round.ids());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).matches(".* " + RequestLog.LOGGER + " - [A-Z]+ " + quoted(round.routes().get(i))
                    + " [0-9]{3} [0-9]+ ms id=" + quoted(round.ids().get(i)));
        }
        assertNoSecret(captured);
    }

    @Test
    void jsonLinesParseOneObjectEachAndHoldNoSecret() {
        Captured captured = capture(LogFormat.JSON);
        List<JsonObject> requests = new ArrayList<>();
        for (String line : captured.output.lines().filter(line -> !line.isBlank()).toList()) {
            JsonElement parsed = JsonParser.parseString(line);
            assertThat(parsed.isJsonObject()).as("one JSON object per line: %s", line).isTrue();
            JsonObject object = parsed.getAsJsonObject();
            assertThat(object.keySet()).contains("time", "level", "logger", "thread", "message");
            if (object.get("logger").getAsString().equals(RequestLog.LOGGER)) {
                requests.add(object);
            }
        }
        Round round = captured.round;
        assertThat(requests).hasSameSizeAs(round.ids());
        for (int i = 0; i < requests.size(); i++) {
            JsonObject line = requests.get(i);
            assertThat(line.get("route").getAsString()).isEqualTo(round.routes().get(i));
            assertThat(line.get("requestId").getAsString()).isEqualTo(round.ids().get(i));
            assertThat(line.get("method").getAsString()).matches("GET|POST");
            assertThat(line.get("status").getAsJsonPrimitive().isNumber()).isTrue();
            assertThat(line.get("durationMs").getAsLong()).isNotNegative();
        }
        assertThat(requests.get(0).get("status").getAsInt()).isEqualTo(201);
        assertNoSecret(captured);
    }

    private static void assertNoSecret(Captured captured) {
        for (String secret : captured.round.secrets()) {
            assertThat(captured.output).as("the log").doesNotContain(secret);
        }
        assertThat(captured.output).as("no real path of a route with a parameter")
                .doesNotContain(captured.round.sessionId());
    }

    private record Captured(String output, Round round) {}

    /** The service's standard error while one round of traffic goes through it, logged in {@code format}. */
    private static Captured capture(LogFormat format) {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Round round;
        try {
            ServiceLog.use(format);
            round = traffic();
        } finally {
            ServiceLog.reset();
            System.setErr(err);
        }
        return new Captured(bytes.toString(StandardCharsets.UTF_8), round);
    }

    private static Round traffic() {
        List<String> secrets = new ArrayList<>(List.of(TestUsers.PASSWORD, TestServers.ADMIN_PASSWORD, WRONG_PASSWORD,
                REASON, QUERY_VALUE, GARBAGE_TOKEN));
        List<String> ids = new ArrayList<>();
        List<String> routes = new ArrayList<>();

        RawHttp.Reply login = raw.post("/api/v1/mobile/login", null, login(TestUsers.PASSWORD));
        record(login, "/api/v1/mobile/login", ids, routes);
        String token = login.object().get("token").getAsString();
        String sessionId = login.object().get("sessionId").getAsString();
        secrets.add(token);
        record(raw.post("/api/v1/mobile/login", null, login(WRONG_PASSWORD)), "/api/v1/mobile/login", ids, routes);
        record(raw.post("/api/v1/mobile/heartbeat", token, "{\"pendingSyncItems\":3}"), "/api/v1/mobile/heartbeat",
                ids, routes);
        record(raw.get("/api/v1/mobile/me", GARBAGE_TOKEN), "/api/v1/mobile/me", ids, routes);

        RawHttp.Reply admin = raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest(TestServers.ADMIN, TestServers.ADMIN_PASSWORD)));
        record(admin, "/api/v1/admin/login", ids, routes);
        String adminToken = admin.object().get("token").getAsString();
        secrets.add(adminToken);
        record(raw.get("/api/v1/audit?username=" + QUERY_VALUE, adminToken), "/api/v1/audit", ids, routes);
        // a sane id of the caller's comes back and is logged; one that is not is replaced
        RawHttp.Reply traced = raw.send("POST", "/api/v1/sessions/" + sessionId + "/logout", adminToken,
                Json.GSON.toJson(LogoutRequest.of(false, false, REASON)).getBytes(StandardCharsets.UTF_8),
                Map.of(RequestLog.HEADER, "proxy-trace.42_A"));
        assertThat(traced.status()).isEqualTo(200);
        assertThat(traced.header(RequestLog.HEADER)).isEqualTo("proxy-trace.42_A");
        record(traced, "/api/v1/sessions/{id}/logout", ids, routes);
        for (String insane : List.of("id with spaces", "x".repeat(65), "-starts-with-a-hyphen", "semi;colon")) {
            RawHttp.Reply reply = raw.send("POST", "/api/v1/users/" + STAFF + "/logout", adminToken,
                    ("{\"reason\":\"" + REASON + "\"}").getBytes(StandardCharsets.UTF_8),
                    Map.of(RequestLog.HEADER, insane));
            assertThat(reply.header(RequestLog.HEADER)).as("instead of '%s'", insane).matches(HEX_ID);
            record(reply, "/api/v1/users/{username}/logout", ids, routes);
        }
        // refused before its handler: still its route's template, not the path
        record(raw.post("/api/v1/sessions/" + sessionId + "/logout", null, null), "/api/v1/sessions/{id}/logout", ids,
                routes);
        record(raw.get("/no/such/" + QUERY_VALUE, adminToken), "unmatched", ids, routes);
        return new Round(secrets, ids, routes, sessionId);
    }

    private static void record(RawHttp.Reply reply, String route, List<String> ids, List<String> routes) {
        String id = reply.header(RequestLog.HEADER);
        assertThat(id).as("X-Request-Id of %s", route).isNotNull();
        assertThat(ids).doesNotContain(id);
        ids.add(id);
        routes.add(route);
    }

    private static String login(String password) {
        return Json.GSON.toJson(Api.device(STAFF, password, "Caregiver", "4.2.0", "lou-phone", "Pixel 6", "Android 13",
                "English"));
    }

    private static String quoted(String text) {
        return Pattern.quote(text);
    }
}

package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.server.SessionServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No token or password in any log line (docs/security.md), nor echoed in an error answer: the
 * server's standard output and error are captured through a whole life, logins and failures
 * included, and searched for every secret that went over the wire.
 */
class SecretsInLogsTest {

    private static final String STAFF = "sid.secret";
    private static final String WRONG_PASSWORD = "Wrong-Secret-Password-77";
    private static final String GARBAGE_TOKEN = "garbage-token-that-must-not-be-logged-0123456789";

    /** Started and stopped by the test, inside the capture of the output: the whole life is searched. */
    @RegisterExtension
    final TestServers.Running<SessionServer> running = TestServers.sqlite();

    @Test
    void noTokenOrPasswordIsLoggedOrEchoed() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>(List.of(TestServers.ADMIN_PASSWORD, TestUsers.PASSWORD, WRONG_PASSWORD,
                GARBAGE_TOKEN));
        List<String> answers = new ArrayList<>();
        System.setOut(capture);
        System.setErr(capture);
        try {
            SessionServer server = running.get();
            RawHttp raw = new RawHttp(server.baseUrl());
            TestUsers.add(running.jdbcUrl(), STAFF, "Sid Secret", false);

            RawHttp.Reply login = raw.post("/api/v1/mobile/login", null, login(TestUsers.PASSWORD));
            String sessionToken = login.object().get("token").getAsString();
            String sessionId = login.object().get("sessionId").getAsString();
            secrets.add(sessionToken);
            answers.add(raw.post("/api/v1/mobile/login", null, login(WRONG_PASSWORD)).body());
            answers.add(raw.post("/api/v1/mobile/login", null,
                    "{\"username\":\"" + STAFF + "\",\"password\":\"" + WRONG_PASSWORD + "\",\"application\":5}").body());
            answers.add(raw.post("/api/v1/mobile/login", null,
                    "{\"username\":\"" + STAFF + "\",\"password\":\"" + WRONG_PASSWORD + "\",").body());
            raw.post("/api/v1/mobile/heartbeat", sessionToken, "{\"pendingSyncItems\":2}");
            raw.get("/api/v1/mobile/me", sessionToken);

            RawHttp.Reply admin = raw.post("/api/v1/admin/login", null,
                    Json.GSON.toJson(new AdminLoginRequest(TestServers.ADMIN, TestServers.ADMIN_PASSWORD)));
            String adminToken = admin.object().get("token").getAsString();
            secrets.add(adminToken);
            answers.add(raw.post("/api/v1/admin/login", null,
                    Json.GSON.toJson(new AdminLoginRequest(TestServers.ADMIN, WRONG_PASSWORD))).body());
            answers.add(raw.get("/api/v1/sessions", GARBAGE_TOKEN).body());
            answers.add(raw.post("/api/v1/mobile/heartbeat", GARBAGE_TOKEN, null).body());
            raw.post("/api/v1/sessions/" + sessionId + "/logout", adminToken,
                    Json.GSON.toJson(LogoutRequest.of(false, false, "checking the logs")));
            answers.add(raw.post("/api/v1/mobile/heartbeat", sessionToken, null).body());
            answers.add(raw.get("/api/v1/audit", adminToken).body());
            raw.post("/api/v1/admin/logout", adminToken, null);
            answers.add(raw.get("/api/v1/sessions", adminToken).body());
            running.stop();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the server's output").contains("listening");
        for (String secret : secrets) {
            assertThat(log).as("the server's output").doesNotContain(secret);
            for (String answer : answers) {
                assertThat(answer).as("an answer").doesNotContain(secret);
            }
        }
    }

    private static String login(String password) {
        return Json.GSON.toJson(Api.device(STAFF, password, "Caregiver", "4.2.0", "sid-phone", "Pixel 6", "Android 13",
                "English"));
    }
}

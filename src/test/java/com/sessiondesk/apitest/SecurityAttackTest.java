package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminPasswordRequest;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.server.SessionServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The findings of the security review, each written as the attack: every test here
 * failed on the service before the hardening.
 */
class SecurityAttackTest {

    private static final String MOBILE_LOGIN = "/api/v1/mobile/login";
    private static final String ADMIN_LOGIN = "/api/v1/admin/login";

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite());

    @BeforeAll
    static void start() {
        for (String user : List.of("kim.device", "lee.flood", "max.text")) {
            TestUsers.add(API.jdbcUrl(), user, "Attack " + user, false);
        }
        for (String user : List.of("sam.super", "ray.race", "pat.passwd", "ada.desk", "dee.demoted")) {
            TestUsers.add(API.jdbcUrl(), user, "Attack " + user, true);
        }
    }

    /**
     * Behind a TLS proxy every client has the proxy's address: an attacker's failures (same address
     * and others) must not lock out a device that signed in to that account before.
     */
    @Test
    void failuresOfOtherClientsDoNotLockOutAKnownDevice() throws IOException {
        MobileLoginResponse first = Api.mobileLogin(API.baseUrl(), device("kim.device", TestUsers.PASSWORD, null));
        assertThat(first.deviceTicket()).as("a device ticket with the login").isNotBlank();

        for (int i = 0; i < 40; i++) {
            int status = mobileLogin(device("kim.device", "guess-" + i, null)).status();
            assertThat(status).isIn(401, 429);
            assertThat(RawSocket.postJson("127.0.0.2", API.server().port(), MOBILE_LOGIN,
                    Json.GSON.toJson(device("kim.device", "guess-" + i, null))).status()).isIn(401, 429);
        }
        assertError(mobileLogin(device("kim.device", TestUsers.PASSWORD, null)), 429, "rate_limited");

        RawHttp.Reply known = mobileLogin(device("kim.device", TestUsers.PASSWORD, first.deviceTicket()));
        assertThat(known.status()).as("the known device: %s", known).isEqualTo(201);
        // a ticket is bound to its account and device: another device cannot borrow it
        MobileLoginRequest borrowed = new MobileLoginRequest("kim.device", TestUsers.PASSWORD, "EVV", "2.3.0",
                "another-phone", "Pixel 8", "Android 14", "English", first.deviceTicket());
        assertError(mobileLogin(borrowed), 429, "rate_limited");
    }

    /** The same for the desktop client: the admin account cannot be locked against a known client. */
    @Test
    void failuresOfOtherClientsDoNotLockOutAKnownDesktopClient() throws IOException {
        RawHttp.Reply first = API.raw().post(ADMIN_LOGIN, null, Json.GSON.toJson(new AdminLoginRequest("ada.desk",
                TestUsers.PASSWORD)));
        assertThat(first.status()).isEqualTo(200);
        String ticket = first.object().get("deviceTicket").getAsString();
        for (int i = 0; i < 40; i++) {
            String wrong = Json.GSON.toJson(new AdminLoginRequest("ada.desk", "guess-" + i));
            assertThat(API.raw().post(ADMIN_LOGIN, null, wrong).status()).isIn(401, 429);
            assertThat(RawSocket.postJson("127.0.0.2", API.server().port(), ADMIN_LOGIN, wrong).status()).isIn(401,
                    429);
        }
        assertError(API.raw().post(ADMIN_LOGIN, null, Json.GSON.toJson(new AdminLoginRequest("ada.desk",
                TestUsers.PASSWORD))), 429, "rate_limited");
        assertThat(API.raw().post(ADMIN_LOGIN, null, Json.GSON.toJson(new AdminLoginRequest("ada.desk",
                TestUsers.PASSWORD,
                ticket))).status()).as("the known desktop client").isEqualTo(200);
    }

    /** 60 parallel wrong admin logins for one name: at most 10 passwords are ever hashed. */
    @Test
    void parallelWrongLoginsCannotSlipPastTheLimit() throws Exception {
        int attempts = 60;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> replies = new ArrayList<>();
        String body = Json.GSON.toJson(new AdminLoginRequest("ray.race", "wrong-password"));
        try {
            for (int i = 0; i < attempts; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return API.raw().post(ADMIN_LOGIN, null, body).status();
                }));
            }
            go.countDown();
            int checked = 0;
            for (Future<Integer> reply : replies) {
                int status = reply.get();
                assertThat(status).isIn(401, 429, 503);
                if (status == 401) {
                    checked++;
                }
            }
            assertThat(checked).as("wrong passwords that were hashed and answered 401").isBetween(1, 10);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A blocked super user's admin token is dead at once and stays dead after an unblock. */
    @Test
    void aBlockedAdminsTokenNeverRevives() {
        String token = Api.adminToken(API.baseUrl(), "sam.super", TestUsers.PASSWORD);
        assertThat(API.raw().get("/api/v1/sessions", token).status()).isEqualTo(200);

        Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).blockUser("sam.super", new ReasonRequest("left")));
        assertError(API.raw().get("/api/v1/sessions", token), 401, "invalid_token");
        Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).unblockUser("sam.super"));
        assertError(API.raw().get("/api/v1/sessions", token), 401, "invalid_token");

        List<AuditEvent> events = audit("sam.super");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("admin_tokens_revoked");
            assertThat(e.actor()).isEqualTo(TestServers.ADMIN);
        });
        // a fresh sign-in after the unblock works
        assertThat(Api.adminToken(API.baseUrl(), "sam.super", TestUsers.PASSWORD)).isNotBlank();
    }

    /** A super user demoted outside the API (a tool, a database edit): the token dies at its next use. */
    @Test
    void aDemotedAdminsTokenIsRefusedAndDeleted() throws Exception {
        String token = Api.adminToken(API.baseUrl(), "dee.demoted", TestUsers.PASSWORD);
        assertThat(API.raw().get("/api/v1/users", token).status()).isEqualTo(200);
        try (Connection c = DriverManager.getConnection(API.jdbcUrl());
                Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET super_user = 0 WHERE username = 'dee.demoted'");
        }
        assertError(API.raw().get("/api/v1/users", token), 401, "invalid_token");
        try (Connection c = DriverManager.getConnection(API.jdbcUrl());
                Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET super_user = 1 WHERE username = 'dee.demoted'");
        }
        assertError(API.raw().get("/api/v1/users", token), 401, "invalid_token");
        assertThat(audit("dee.demoted")).anyMatch(e -> e.action().equals("admin_call_refused"));
    }

    /** A page in the user's browser posts a login as text/plain (no CORS preflight): refused. */
    @Test
    void aTextPlainLoginIsRefusedAndNoCorsHeadersAreSent() throws IOException {
        byte[] body = Json.GSON.toJson(device("max.text", TestUsers.PASSWORD, null)).getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            String head = "POST " + MOBILE_LOGIN + " HTTP/1.1\r\nHost: 127.0.0.1:" + API.server().port()
                    + "\r\nOrigin: http://evil.example\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            RawHttp.Reply reply = RawSocket.exchange("127.0.0.1", API.server().port(), request.toByteArray());
            assertError(reply, 415, "unsupported_media_type");
            assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        }
        RawHttp.Reply preflight = API.raw().send("OPTIONS", MOBILE_LOGIN, null, (byte[]) null,
                Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        // the JSON login of the same user still works
        assertThat(mobileLogin(device("max.text", TestUsers.PASSWORD, null)).status()).isEqualTo(201);
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        RawHttp.Reply reply = API.raw().get(MOBILE_LOGIN, null);
        assertError(reply, 405, "method_not_allowed");
        assertThat(reply.header("Allow")).isEqualTo("POST");
        RawHttp.Reply users = API.raw().send("DELETE", "/api/v1/users", API.adminToken(), (String) null);
        assertError(users, 405, "method_not_allowed");
        assertThat(users.header("Allow")).isEqualTo("GET");
    }

    /** Short passwords are refused wherever a password is set; the change needs the current one. */
    @Test
    void passwordsAreCheckedAndASuperUserCanChangeTheirs() {
        assertThatThrownBy(() -> SessionServer.start(TestServers.config(TestServers.newSqliteUrl(), false)
                .withInitialAdminPassword("short-pass")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSIONDESK_ADMIN_PASSWORD");
        assertThatThrownBy(() -> API.server().addUser("tiny.super", "Tiny", "elevenchars", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> API.server().addUser("tiny.staff", "Tiny", "seven77", false))
                .isInstanceOf(IllegalArgumentException.class);

        String token = Api.adminToken(API.baseUrl(), "pat.passwd", TestUsers.PASSWORD);
        String otherToken = Api.adminToken(API.baseUrl(), "pat.passwd", TestUsers.PASSWORD);
        assertError(changePassword(token, TestUsers.PASSWORD, "too-short"), 400, "invalid_request");
        assertError(changePassword(token, "not-the-password", "A-Long-New-Password-2"), 400, "invalid_request");
        assertError(API.raw().send("POST", "/api/v1/admin/password", null,
                Json.GSON.toJson(new AdminPasswordRequest(TestUsers.PASSWORD, "A-Long-New-Password-2"))), 401,
                "invalid_token");

        assertThat(changePassword(token, TestUsers.PASSWORD, "A-Long-New-Password-2").status()).isEqualTo(200);
        assertThat(API.raw().get("/api/v1/sessions", token).status()).as("this session stays").isEqualTo(200);
        assertError(API.raw().get("/api/v1/sessions", otherToken), 401, "invalid_token");
        assertError(API.raw().post(ADMIN_LOGIN, null, Json.GSON.toJson(new AdminLoginRequest("pat.passwd",
                TestUsers.PASSWORD))), 401, "invalid_credentials");
        assertThat(Api.adminToken(API.baseUrl(), "pat.passwd", "A-Long-New-Password-2")).isNotBlank();
        assertThat(audit("pat.passwd")).anyMatch(e -> e.action().equals("password_changed"));
    }

    /**
     * A flood of failed logins (a password typed as the username) leaves a handful of rows with
     * counts, and never the typed text.
     */
    @Test
    void aFloodOfFailuresIsAuditedOnceAMinuteWithoutWhatWasTyped() {
        String typed = "Secret-Typed-As-Username-77";
        for (int i = 0; i < 150; i++) {
            assertThat(mobileLogin(device(typed, "x" + i, null)).status()).isIn(401, 429);
        }
        for (int i = 0; i < 30; i++) {
            assertThat(mobileLogin(device("lee.flood", "x" + i, null)).status()).isIn(401, 429);
        }
        for (int i = 0; i < 30; i++) {
            assertError(API.raw().get("/api/v1/users", "forged-token-" + i), 401, "invalid_token");
        }
        List<AuditEvent> all = Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).audit(null, 1000)).events();
        assertThat(all).noneSatisfy(e -> assertThat(Json.GSON.toJson(e)).contains(typed));

        List<AuditEvent> unknown = audit("unknown user");
        assertThat(unknown.stream().filter(e -> "127.0.0.1".equals(e.address()))
                .filter(e -> e.action().equals("mobile_login_failed") || e.action().equals("login_throttled")))
                .hasSizeBetween(2, 4)
                .allSatisfy(e -> assertThat(e.count()).isPositive());
        assertThat(unknown.stream().filter(e -> e.action().equals("admin_call_refused"))
                .mapToInt(AuditEvent::count).sum()).isGreaterThanOrEqualTo(30);
        List<AuditEvent> lee = audit("lee.flood");
        assertThat(lee).hasSizeBetween(2, 4);
        assertThat(lee.stream().filter(e -> e.action().equals("mobile_login_failed")).mapToInt(AuditEvent::count).sum())
                .isEqualTo(10);
        assertThat(lee.stream().filter(e -> e.action().equals("login_throttled")).mapToInt(AuditEvent::count).sum())
                .isEqualTo(20);
    }

    // --- helpers ---

    private static List<AuditEvent> audit(String username) {
        return Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).audit(username, 1000)).events();
    }

    private static RawHttp.Reply changePassword(String token, String oldPassword, String newPassword) {
        return API.raw().post("/api/v1/admin/password", token,
                Json.GSON.toJson(new AdminPasswordRequest(oldPassword, newPassword)));
    }

    private static RawHttp.Reply mobileLogin(MobileLoginRequest request) {
        return API.raw().post(MOBILE_LOGIN, null, Json.GSON.toJson(request));
    }

    static MobileLoginRequest device(String username, String password, String ticket) {
        return new MobileLoginRequest(username, password, "EVV", "2.3.0", "phone-of-" + username, "Galaxy S22",
                "Android 13", "English", ticket);
    }
}

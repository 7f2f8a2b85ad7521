package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed logins are throttled per account and address: after 10 failures that pair answers 429 with
 * Retry-After, even to the right password; other accounts are unaffected; a success resets. (The
 * attacks on the throttle are in {@link SecurityAttackTest}.)
 */
class ThrottleTest {

    private static final int LIMIT = 10;
    private static final String MOBILE_LOGIN = "/api/v1/mobile/login";

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite())
            .withSuperUser("zed.super", "Zed Super");

    @BeforeAll
    static void start() {
        for (String user : List.of("tess.locked", "uma.other", "vic.reset", "wes.forwarded", "yan.address")) {
            TestUsers.add(API.jdbcUrl(), user, "Throttle " + user, false);
        }
    }

    @Test
    void tenFailuresLockTheAccountEvenForTheRightPasswordAndOnlyThatAccount() {
        failMobileLogins("tess.locked", LIMIT, Map.of());
        RawHttp.Reply locked = mobileLogin("tess.locked", TestUsers.PASSWORD, Map.of());
        assertError(locked, 429, "rate_limited");
        assertRetryAfterWithinTheWindow(locked);

        assertThat(mobileLogin("uma.other", TestUsers.PASSWORD, Map.of()).status()).isEqualTo(201);
        assertError(mobileLogin("uma.other", "wrong", Map.of()), 401, "invalid_credentials");
        assertThat(mobileLogin("uma.other", TestUsers.PASSWORD, Map.of()).status()).isEqualTo(201);
        // the admin side is not locked by a mobile user's failures
        assertThat(API.raw().get("/api/v1/sessions", API.adminToken()).status()).isEqualTo(200);
    }

    @Test
    void aSuccessBeforeTheLimitResetsTheCount() {
        failMobileLogins("vic.reset", LIMIT - 1, Map.of());
        assertThat(mobileLogin("vic.reset", TestUsers.PASSWORD, Map.of()).status()).isEqualTo(201);
        failMobileLogins("vic.reset", LIMIT - 1, Map.of());
        assertThat(mobileLogin("vic.reset", TestUsers.PASSWORD, Map.of()).status()).isEqualTo(201);
        // counting starts over, and still locks at the limit
        failMobileLogins("vic.reset", LIMIT, Map.of());
        assertError(mobileLogin("vic.reset", TestUsers.PASSWORD, Map.of()), 429, "rate_limited");
    }

    @Test
    void forwardedForHeadersDoNotEscapeTheThrottle() {
        for (int i = 0; i < LIMIT; i++) {
            assertError(mobileLogin("wes.forwarded", "wrong-" + i, Map.of("X-Forwarded-For", "203.0.113." + i,
                    "X-Real-IP", "203.0.113." + i)), 401, "invalid_credentials");
        }
        assertError(mobileLogin("wes.forwarded", TestUsers.PASSWORD,
                Map.of("X-Forwarded-For", "198.51.100.7", "X-Real-IP", "198.51.100.7")), 429, "rate_limited");
    }

    @Test
    void adminLoginIsThrottledAndEveryFailureAudited() {
        for (int i = 0; i < LIMIT; i++) {
            assertError(API.raw().post("/api/v1/admin/login", null,
                    Json.GSON.toJson(new AdminLoginRequest("zed.super", "wrong-" + i))), 401, "invalid_credentials");
        }
        RawHttp.Reply locked = API.raw().post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest("zed.super", TestUsers.PASSWORD)));
        assertError(locked, 429, "rate_limited");
        assertRetryAfterWithinTheWindow(locked);

        List<AuditEvent> events = Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).audit("zed.super",
                null)).events();
        // security events: one row a minute per account and address, with the count of failures
        assertThat(events.stream().filter(e -> e.action().equals("admin_login_failed"))
                .mapToInt(e -> e.count() == null ? 1 : e.count()).sum()).isGreaterThanOrEqualTo(LIMIT);
        assertThat(events.stream().filter(e -> e.action().equals("login_throttled"))).isNotEmpty();
        assertThat(events).noneMatch(e -> e.action().equals("admin_login"));
        // the other super user still signs in
        assertThat(Api.adminToken(API.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD)).isNotBlank();
    }

    /**
     * Another client address has a count of its own, so that one client cannot lock a user out
     * everywhere. Loopback gives two real source addresses: 127.0.0.1 and 127.0.0.2.
     */
    @Test
    void failuresFromAnotherAddressAreCountedSeparately() throws IOException {
        String body = Json.GSON.toJson(device("yan.address", "wrong"));
        for (int i = 0; i < LIMIT; i++) {
            assertThat(postFrom("127.0.0.2", MOBILE_LOGIN, body)).isEqualTo(401);
        }
        String right = Json.GSON.toJson(device("yan.address", TestUsers.PASSWORD));
        assertThat(postFrom("127.0.0.2", MOBILE_LOGIN, right)).as("the failing address is locked").isEqualTo(429);
        assertThat(postFrom("127.0.0.1", MOBILE_LOGIN, right)).as("another address is not").isEqualTo(201);
    }

    // --- helpers ---

    private static void failMobileLogins(String username, int count, Map<String, String> headers) {
        for (int i = 0; i < count; i++) {
            assertError(mobileLogin(username, "wrong-password-" + i, headers), 401, "invalid_credentials");
        }
    }

    private static RawHttp.Reply mobileLogin(String username, String password, Map<String, String> headers) {
        return API.raw().send("POST", MOBILE_LOGIN, null,
                Json.GSON.toJson(device(username, password)).getBytes(StandardCharsets.UTF_8), headers);
    }

    private static MobileLoginRequest device(String username, String password) {
        return Api.device(username, password, "EVV", "2.3.0", "dev-" + username, "Galaxy S22", "Android 13", "Russian");
    }

    private static void assertRetryAfterWithinTheWindow(RawHttp.Reply reply) {
        int seconds = Integer.parseInt(reply.header("Retry-After").trim());
        assertThat(seconds).isBetween(1, 15 * 60);
    }

    private static int postFrom(String sourceAddress, String path, String json) throws IOException {
        return RawSocket.postJson(sourceAddress, API.server().port(), path, json).status();
    }
}

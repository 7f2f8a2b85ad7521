package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.MobileLoginResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of openapi.yaml's introduction, over HTTP: routes are matched exactly and before any
 * token is checked (unknown paths and trailing slashes 404 for everyone; other methods, HEAD
 * included, 405 with Allow); {@code until} and {@code syncMinutes} have the same rules on every
 * operation that takes them; a body that is not JSON is 415 on every operation that reads one.
 */
class ContractRulesTest {

    private static final String USER = "rita.rules";
    private static final String FUTURE = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
            .toString();

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite()).withUser(USER, "Rita Rules");

    private static MobileLoginResponse session;

    @BeforeAll
    static void signIn() {
        session = Api.mobileLogin(API.baseUrl(), Api.device(USER, TestUsers.PASSWORD, "Caregiver", "4.2.0",
                "rules-phone", "Pixel 7", "Android 14", "English"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing", "/api/v1/mobile/nothing", "/api/v2/sessions", "/",
            "/api/v1/sessions/some-id/more", "/api/v1/users/someone"})
    void anUnknownPathIsNotFoundWithOrWithoutAToken(String path) {
        assertError(API.raw().get(path, null), 404, "not_found");
        assertError(API.raw().get(path, API.adminToken()), 404, "not_found");
        assertError(API.raw().post(path, session.token(), "{}"), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sessions/", "/api/v1/users/", "/api/v1/health/", "/api/v1/audit/",
            "/api/v1/mobile/me/"})
    void aTrailingSlashNamesNoRoute(String path) {
        assertError(API.raw().get(path, API.adminToken()), 404, "not_found");
        assertError(API.raw().get(path, session.token()), 404, "not_found");
    }

    @Test
    void headAndOptionsAreNotAllowedWithTheRightAllow() {
        assertNotAllowed("HEAD", "/api/v1/sessions", API.adminToken(), "GET");
        assertNotAllowed("HEAD", "/api/v1/health", null, "GET");
        assertNotAllowed("HEAD", "/api/v1/mobile/me", session.token(), "GET");
        assertNotAllowed("OPTIONS", "/api/v1/users", null, "GET");
        assertNotAllowed("OPTIONS", "/api/v1/sessions/logout", null, "POST", "GET");
    }

    @Test
    void aWrongMethodIs405BeforeAnyTokenIsChecked() {
        assertNotAllowed("DELETE", "/api/v1/sessions", null, "GET");
        assertNotAllowed("GET", "/api/v1/users/" + USER + "/block", API.adminToken(), "POST");
        assertNotAllowed("PUT", "/api/v1/mobile/heartbeat", null, "POST");
    }

    private static void assertNotAllowed(String method, String path, String token, String... allowed) {
        RawHttp.Reply reply = API.raw().send(method, path, token, (String) null);
        assertThat(reply.status()).as("%s %s: %s", method, path, reply).isEqualTo(405);
        Set<String> allow = Arrays.stream(reply.header("Allow").split(",")).map(String::strip)
                .collect(Collectors.toSet());
        assertThat(allow).as("Allow of %s %s", method, path).containsExactlyInAnyOrder(allowed);
        if (!method.equals("HEAD")) {
            assertError(reply, 405, "method_not_allowed");
        }
    }

    /** Every operation that takes {@code until} or {@code syncMinutes}, with a value it must refuse. */
    static Stream<Arguments> refusedFields() {
        String one = "/api/v1/sessions/SESSION/logout";
        String user = "/api/v1/users/" + USER + "/logout";
        String block = "/api/v1/users/" + USER + "/block";
        String bulk = "/api/v1/sessions/logout";
        String past = "\"2020-01-01T00:00:00Z\"";
        return Stream.of(
                Arguments.of(one, "{\"until\":\"" + FUTURE + "\"}", "until"),
                Arguments.of(one, "{\"allDevices\":true,\"until\":\"" + FUTURE + "\"}", "until"),
                Arguments.of(user, "{\"until\":\"" + FUTURE + "\"}", "until"),
                Arguments.of(bulk, "{\"sessionIds\":[\"SESSION\"],\"until\":\"" + FUTURE + "\"}", "until"),
                Arguments.of(one, "{\"block\":true,\"until\":" + past + "}", "until"),
                Arguments.of(block, "{\"until\":" + past + "}", "until"),
                Arguments.of(bulk, "{\"sessionIds\":[\"SESSION\"],\"block\":true,\"until\":" + past + "}", "until"),
                Arguments.of(one, "{\"syncMinutes\":5}", "syncMinutes"),
                Arguments.of(user, "{\"syncMinutes\":5}", "syncMinutes"),
                Arguments.of(block, "{\"syncMinutes\":5}", "syncMinutes"),
                Arguments.of(one, "{\"afterSync\":true,\"syncMinutes\":0}", "syncMinutes"),
                Arguments.of(user, "{\"afterSync\":true,\"syncMinutes\":1441}", "syncMinutes"),
                Arguments.of(block, "{\"afterSync\":true,\"syncMinutes\":0}", "syncMinutes"));
    }

    @ParameterizedTest
    @MethodSource("refusedFields")
    void untilAndSyncMinutesHaveTheSameRulesEverywhere(String path, String body, String field) {
        RawHttp.Reply reply = API.raw().post(path.replace("SESSION", session.sessionId()), API.adminToken(),
                body.replace("SESSION", session.sessionId()));
        assertThat(assertError(reply, 400, "invalid_request").get("message").getAsString()).contains(field);
        assertThat(API.raw().get("/api/v1/sessions/" + session.sessionId(), API.adminToken()).status())
                .as("a refused call ends nothing").isEqualTo(200);
        assertThat(API.raw().get("/api/v1/users?blocked=true", API.adminToken()).body())
                .as("a refused call blocks nothing").doesNotContain(USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/mobile/heartbeat", "/api/v1/sessions/SESSION/logout", "/api/v1/sessions/logout",
            "/api/v1/users/" + USER + "/logout", "/api/v1/users/" + USER + "/block", "/api/v1/mobile/login",
            "/api/v1/admin/login", "/api/v1/admin/password"})
    void aBodyThatIsNotJsonIsUnsupported(String path) {
        String token = path.startsWith("/api/v1/mobile/") ? session.token() : API.adminToken();
        RawHttp.Reply reply = API.raw().send("POST", path.replace("SESSION", session.sessionId()), token,
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Content-Type", "text/plain"));
        assertError(reply, 415, "unsupported_media_type");
    }
}

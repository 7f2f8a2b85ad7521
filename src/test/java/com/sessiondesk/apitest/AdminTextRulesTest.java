package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.MobileLoginResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules for an admin's {@code reason} and {@code until}, over HTTP on every operation that takes
 * them: {@code until} within [now, now + 10 years], {@code reason} at most 500 characters of
 * printable text (no control characters, no bidi controls). Whatever is refused is 400
 * {@code invalid_request} naming the field, ends nothing, and is the same on every database.
 */
abstract class AdminTextRulesTest {

    private static final String STAFF = "rita.rules";

    private final ApiServer api;

    AdminTextRulesTest(ApiServer api) {
        this.api = api;
    }

    static ApiServer server(TestServers.Running<com.sessiondesk.server.SessionServer> running) {
        return ApiServer.on(running).withUser(STAFF, "Rita Rules");
    }

    /** An operation taking {@code reason} and {@code until} (with a block where one applies). */
    enum Operation {
        SESSION_LOGOUT, SESSION_BLOCK, USER_LOGOUT, USER_BLOCK, BULK_LOGOUT, BULK_BLOCK;

        boolean blocks() {
            return this == SESSION_BLOCK || this == USER_BLOCK || this == BULK_BLOCK;
        }
    }

    private RawHttp.Reply send(Operation operation, String sessionId, String fields) {
        String extra = fields.isEmpty() ? "" : "," + fields;
        return switch (operation) {
            case SESSION_LOGOUT -> api.raw().post("/api/v1/sessions/" + sessionId + "/logout", api.adminToken(),
                    "{\"allDevices\":false" + extra + "}");
            case SESSION_BLOCK -> api.raw().post("/api/v1/sessions/" + sessionId + "/logout", api.adminToken(),
                    "{\"block\":true" + extra + "}");
            case USER_LOGOUT -> api.raw().post("/api/v1/users/" + STAFF + "/logout", api.adminToken(),
                    "{" + fields + "}");
            case USER_BLOCK -> api.raw().post("/api/v1/users/" + STAFF + "/block", api.adminToken(),
                    "{" + fields + "}");
            case BULK_LOGOUT -> api.raw().post("/api/v1/sessions/logout", api.adminToken(),
                    "{\"sessionIds\":[\"" + sessionId + "\"]" + extra + "}");
            case BULK_BLOCK -> api.raw().post("/api/v1/sessions/logout", api.adminToken(),
                    "{\"sessionIds\":[\"" + sessionId + "\"],\"block\":true" + extra + "}");
        };
    }

    static Stream<Arguments> untilOutOfRange() {
        Instant now = Instant.now();
        List<String> values = List.of(
                "-300000000-01-01T00:00:00Z",
                "+300000000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z",
                "0000-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z",
                now.minusSeconds(60).toString(),
                now.atOffset(ZoneOffset.UTC).plusYears(10).plusDays(1).toInstant().toString(),
                "9999-12-31T23:59:59Z");
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : List.of(Operation.SESSION_BLOCK, Operation.USER_BLOCK, Operation.BULK_BLOCK)) {
            for (String value : values) {
                cases.add(Arguments.of(operation, value));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} until {1}")
    @MethodSource("untilOutOfRange")
    void anUntilOutsideNowToTenYearsIs400AndEndsNothing(Operation operation, String until) {
        MobileLoginResponse victim = session("until");
        JsonObject error = assertError(send(operation, victim.sessionId(), "\"until\":\"" + until + "\""), 400,
                "invalid_request");
        assertThat(error.get("message").getAsString()).contains("'until'");
        assertStillActive(victim);
    }

    @Test
    void anUntilJustWithinTenYearsBlocks() {
        MobileLoginResponse victim = session("until-edge");
        String until = Instant.now().atOffset(ZoneOffset.UTC).plusYears(10).minusDays(1).toInstant().toString();
        RawHttp.Reply blocked = send(Operation.USER_BLOCK, victim.sessionId(), "\"until\":\"" + until + "\"");
        assertThat(blocked.status()).as("%s", blocked).isEqualTo(200);
        unblock();
    }

    static Stream<Arguments> unprintableReasons() {
        List<String> escapes = List.of(
                "\\u0000", "\\t", "\\n", "\\r", "\\u001b[31m", "\\u007f", "\\u0085", "\\u009b", "\\u2028",
                "\\u202a", "\\u202e", "\\u2066", "\\u2069", "\\u200e", "\\u200f", "\\u061c", "\\ud800");
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (String escape : escapes) {
                cases.add(Arguments.of(operation, escape));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} reason with {1}")
    @MethodSource("unprintableReasons")
    void aReasonWithAControlOrBidiCharacterIs400AndEndsNothing(Operation operation, String escape) {
        MobileLoginResponse victim = session("reason");
        JsonObject error = assertError(send(operation, victim.sessionId(),
                "\"reason\":\"Left " + escape + "the agency\""), 400, "invalid_request");
        // at either end too: refused, not trimmed away
        assertError(send(operation, victim.sessionId(), "\"reason\":\"Left the agency" + escape + "\""), 400,
                "invalid_request");
        assertError(send(operation, victim.sessionId(), "\"reason\":\"" + escape + "\""), 400,
                "invalid_request");
        assertThat(error.get("message").getAsString()).contains("'reason'");
        assertStillActive(victim);
    }

    @Test
    void aReasonOf500CharactersOfAnyScriptIsKeptAsGiven() {
        MobileLoginResponse victim = session("reason-ok");
        // 500 characters (code points), 700 UTF-16 units: emoji, accents, a joined emoji family
        String reason = "\uD83D\uDE00".repeat(200) + "ñ".repeat(295) + "\uD83D\uDC68\u200D\uD83D\uDC69";
        assertThat(reason.codePointCount(0, reason.length())).isEqualTo(498);
        reason = reason + "¡!";
        RawHttp.Reply ended = send(Operation.SESSION_LOGOUT, victim.sessionId(),
                "\"reason\":\"" + reason + "\"");
        assertThat(ended.status()).as("%s", ended).isEqualTo(200);
        RawHttp.Reply heartbeat = api.raw().post("/api/v1/mobile/heartbeat", victim.token(), "{}");
        assertThat(heartbeat.status()).isEqualTo(401);
        assertThat(heartbeat.object().get("reason").getAsString()).isEqualTo(reason);

        MobileLoginResponse other = session("reason-long");
        assertError(send(Operation.SESSION_LOGOUT, other.sessionId(), "\"reason\":\"" + reason + "x\""), 400,
                "invalid_request");
        assertStillActive(other);
    }

    private void assertStillActive(MobileLoginResponse victim) {
        RawHttp.Reply heartbeat = api.raw().post("/api/v1/mobile/heartbeat", victim.token(), "{}");
        assertThat(heartbeat.status()).as("%s", heartbeat).isEqualTo(204);
        RawHttp.Reply users = api.raw().get("/api/v1/users?blocked=true", api.adminToken());
        assertThat(users.object().getAsJsonArray("users")).isEmpty();
    }

    /** Whatever a test (or the old code's acceptance of a bad value) blocked, the next test starts unblocked. */
    @AfterEach
    void unblockAfterEachTest() {
        api.raw().post("/api/v1/users/" + STAFF + "/unblock", api.adminToken(), null);
    }

    private void unblock() {
        RawHttp.Reply unblocked = api.raw().post("/api/v1/users/" + STAFF + "/unblock", api.adminToken(), null);
        assertThat(unblocked.status()).as("%s", unblocked).isIn(200, 204);
    }

    private MobileLoginResponse session(String deviceId) {
        return Api.mobileLogin(api.baseUrl(), Api.device(STAFF, TestUsers.PASSWORD, "EVV", "1.0", deviceId,
                "Moto G", "Android 13", "Polish"));
    }
}

package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.Main;
import com.sessiondesk.api.AdminPasswordRequest;
import com.sessiondesk.api.AdminPasswordResponse;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.cli.TestTerminal;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Setting a password, from the command line or through the API, ends the user's other admin
 * sessions and every mobile session (the device told "password changed"), and is audited with its
 * actor; a super user created from the command line is audited too.
 */
class PasswordChangeEndsSessionsTest {

    private static final String ME = "/api/v1/mobile/me";

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite())
            .withSuperUser("cora.cli", "Cora Cli")
            .withSuperUser("abe.api", "Abe Api")
            .withSuperUser("ida.alone", "Ida Alone")
            .withUser("bystander.b", "Bystander");

    @Test
    void userPasswdEndsEveryAdminAndMobileSessionOfTheUserAndIsAudited() {
        String adminToken = Api.adminToken(API.baseUrl(), "cora.cli", TestUsers.PASSWORD);
        MobileLoginResponse phone = login("cora.cli", "cora-phone");
        MobileLoginResponse other = login("bystander.b", "bystander-phone");

        TestTerminal terminal = TestTerminal.withStdin("Cli-New-Password-31\n");
        assertThat(Main.run(terminal.terminal(), "user", "passwd", "cora.cli", "--db", API.jdbcUrl())).isZero();

        assertError(API.raw().get("/api/v1/sessions", adminToken), 401, "invalid_token");
        assertSessionEnded(phone);
        assertThat(API.raw().get(ME, other.token()).status()).as("another user's session stays").isEqualTo(200);
        assertThat(audit("cora.cli")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("password_changed");
            assertThat(e.actor()).isEqualTo("command line");
            assertThat(e.sessionIds()).containsExactly(phone.sessionId());
        });
        assertThat(Api.adminToken(API.baseUrl(), "cora.cli", "Cli-New-Password-31")).isNotBlank();
        assertThat(terminal.out()).contains("Ended 1 mobile session and 1 admin session of 'cora.cli'");
    }

    @Test
    void theApiPasswordChangeEndsTheOtherAdminSessionsAndTheMobileSessionsAndIsAudited() {
        String token = Api.adminToken(API.baseUrl(), "abe.api", TestUsers.PASSWORD);
        String otherToken = Api.adminToken(API.baseUrl(), "abe.api", TestUsers.PASSWORD);
        MobileLoginResponse phone = login("abe.api", "abe-phone");

        RawHttp.Reply change = API.raw().post("/api/v1/admin/password", token,
                Json.GSON.toJson(new AdminPasswordRequest(TestUsers.PASSWORD, "Api-New-Password-42")));
        assertThat(change.status()).as("%s", change).isEqualTo(200);
        AdminPasswordResponse ended = Json.GSON.fromJson(change.body(), AdminPasswordResponse.class);
        assertThat(ended).as("the answer says what ended").isEqualTo(new AdminPasswordResponse(1, 1));

        assertThat(API.raw().get("/api/v1/sessions", token).status()).as("the caller's session stays").isEqualTo(200);
        assertError(API.raw().get("/api/v1/sessions", otherToken), 401, "invalid_token");
        assertSessionEnded(phone);
        assertThat(audit("abe.api")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("password_changed");
            assertThat(e.actor()).isEqualTo("abe.api");
            assertThat(e.sessionIds()).containsExactly(phone.sessionId());
        });
    }

    @Test
    void theAnswerSaysWhenNoOtherAdminSessionEnded() {
        String token = Api.adminToken(API.baseUrl(), "ida.alone", TestUsers.PASSWORD);
        RawHttp.Reply change = API.raw().post("/api/v1/admin/password", token,
                Json.GSON.toJson(new AdminPasswordRequest(TestUsers.PASSWORD, "Alone-New-Password-77")));
        assertThat(change.status()).as("%s", change).isEqualTo(200);
        assertThat(Json.GSON.fromJson(change.body(), AdminPasswordResponse.class))
                .isEqualTo(new AdminPasswordResponse(0, 0));
    }

    @Test
    void userAddSuperIsAudited() {
        TestTerminal terminal = TestTerminal.withStdin("Brand-New-Super-55\n");
        assertThat(Main.run(terminal.terminal(), "user", "add", "nia.new", "--name", "Nia New", "--super",
                "--db", API.jdbcUrl())).isZero();
        assertThat(audit("nia.new")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("super_user_added");
            assertThat(e.actor()).isEqualTo("command line");
        });
    }

    private static MobileLoginResponse login(String username, String deviceId) {
        return Api.mobileLogin(API.baseUrl(), Api.device(username, TestUsers.PASSWORD, "Caregiver", "4.2.0", deviceId,
                "Pixel 7", "Android 14", "English"));
    }

    /** The device is told its session ended, and why. */
    private static void assertSessionEnded(MobileLoginResponse session) {
        JsonObject body = assertError(API.raw().get(ME, session.token()), 401, "session_ended");
        assertThat(body.get("reason").getAsString()).isEqualTo("password changed");
    }

    private static List<AuditEvent> audit(String username) {
        return Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).audit(username, 1000)).events();
    }
}

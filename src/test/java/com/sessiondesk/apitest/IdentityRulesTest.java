package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.Main;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.cli.TestTerminal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity rules: one form of a username (NFKC, lower case) and no look-alike accounts, no
 * common or one-character passwords, at most {@code --max-sessions-per-user} sessions (default 10)
 * per account; and the audit of every change to who may do what (command line, sign-out, demotion)
 * and of a mobile token used on an admin route, with its user.
 */
class IdentityRulesTest {

    private static final String ME = "/api/v1/mobile/me";

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite())
            .withUser("tess.ten", "Tess Ten")
            .withUser("mo.bile", "Mo Bile");

    @Test
    void lookAlikeSuperUsersAreRefused() {
        for (String lookAlike : List.of("Admin", "\uFF41dmin", "\u0430dmin", "ADMIN")) {
            TestTerminal terminal = TestTerminal.withStdin("Look-Alike-Password-9\n");
            assertThat(Main.run(terminal.terminal(), "user", "add", lookAlike, "--name", "Administrator", "--super",
                    "--db", API.jdbcUrl())).as(lookAlike).isEqualTo(1);
            assertThat(terminal.err()).as(lookAlike).contains("admin");
        }
        TestTerminal cyrillic = TestTerminal.withStdin("Look-Alike-Password-9\n");
        Main.run(cyrillic.terminal(), "user", "add", "\u0430dmin", "--name", "Administrator", "--super",
                "--db", API.jdbcUrl());
        assertThat(cyrillic.err()).contains("looks like the existing user 'admin'");
        assertThat(users()).extracting(User::username).filteredOn(name -> name.endsWith("dmin")).containsExactly("admin");
    }

    @Test
    void aUsernameIsStoredInLowerCaseNfkcAndFoundHoweverItIsTyped() {
        TestTerminal terminal = TestTerminal.withStdin(TestUsers.PASSWORD + "\n");
        assertThat(Main.run(terminal.terminal(), "user", "add", "Lu.Ｗong", "--name", "Lu Wong", "--db", API.jdbcUrl()))
                .isZero();
        assertThat(users()).extracting(User::username).contains("lu.wong").doesNotContain("Lu.Ｗong");
        MobileLoginResponse session = Api.mobileLogin(API.baseUrl(), Api.device("LU.WONG", TestUsers.PASSWORD,
                "Caregiver", "4.2.0", "lu-phone", "Pixel 7", "Android 14", "English"));
        assertThat(API.raw().get(ME, session.token()).json().getAsJsonObject().get("username").getAsString())
                .isEqualTo("lu.wong");
        assertThat(audit("lu.wong")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("user_added");
            assertThat(e.actor()).isEqualTo("command line");
        });
    }

    @Test
    void weakPasswordsAreRefusedByTheCommandLine() {
        for (String weak : List.of("aaaaaaaaaaaa", "qwerty123456", "1Q2W3E4R5T6Y")) {
            TestTerminal terminal = TestTerminal.withStdin(weak + "\n");
            assertThat(Main.run(terminal.terminal(), "user", "add", "weak.one", "--name", "Weak One", "--super",
                    "--db", API.jdbcUrl())).as(weak).isEqualTo(1);
            assertThat(terminal.err()).as(weak).containsAnyOf("one character repeated", "most common passwords");
        }
        assertThat(users()).extracting(User::username).doesNotContain("weak.one");
    }

    @Test
    void theEleventhSessionEndsTheOldestAndItsDeviceIsTold() {
        List<MobileLoginResponse> sessions = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            sessions.add(Api.mobileLogin(API.baseUrl(), Api.device("tess.ten", TestUsers.PASSWORD, "Caregiver",
                    "4.2.0", "tess-device-" + i, "Pixel 7", "Android 14", "English")));
        }
        JsonObject told = assertError(API.raw().get(ME, sessions.get(0).token()), 401, "session_ended");
        assertThat(told.get("reason").getAsString()).isEqualTo("signed in on another device");
        for (MobileLoginResponse kept : sessions.subList(1, 11)) {
            assertThat(API.raw().get(ME, kept.token()).status()).isEqualTo(200);
        }
        assertThat(Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).sessions("tess.ten", null, null)).sessions())
                .extracting(Session::id).hasSize(10).doesNotContain(sessions.get(0).sessionId());
    }

    @Test
    void signOutPromotionDemotionAndAMobileTokenOnAnAdminRouteAreAudited() {
        TestTerminal promote = TestTerminal.withStdin("");
        assertThat(Main.run(promote.terminal(), "user", "promote", "MO.BILE", "--db", API.jdbcUrl())).isZero();
        String token = Api.adminToken(API.baseUrl(), "mo.bile", TestUsers.PASSWORD);
        assertThat(API.raw().post("/api/v1/admin/logout", token, null).status()).isEqualTo(204);
        TestTerminal demote = TestTerminal.withStdin("");
        assertThat(Main.run(demote.terminal(), "user", "demote", "mo.bile", "--db", API.jdbcUrl())).isZero();
        assertThat(demote.out()).contains("'mo.bile' is a staff user.");

        MobileLoginResponse phone = Api.mobileLogin(API.baseUrl(), Api.device("mo.bile", TestUsers.PASSWORD,
                "Caregiver", "4.2.0", "mo-phone", "Pixel 7", "Android 14", "English"));
        assertError(API.raw().get("/api/v1/users", phone.token()), 403, "forbidden");

        List<AuditEvent> events = audit("mo.bile");
        assertThat(events).extracting(AuditEvent::action).containsSubsequence("admin_call_refused",
                "super_user_demoted", "admin_logout", "admin_login", "super_user_promoted");
        assertThat(events).filteredOn(e -> e.action().equals("super_user_promoted")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("command line"));
        assertThat(events).filteredOn(e -> e.action().equals("admin_logout")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("mo.bile"));
        assertThat(events).filteredOn(e -> e.action().equals("admin_call_refused")).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("a mobile session token on an admin route"));
        assertThat(audit("unknown user")).filteredOn(e -> e.reason() != null
                && e.reason().contains("a mobile session token")).isEmpty();
    }

    private static List<User> users() {
        return Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).users(null, null)).users();
    }

    private static List<AuditEvent> audit(String username) {
        return Api.ok(Api.withToken(API.baseUrl(), API.adminToken()).audit(username, 1000)).events();
    }
}

package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.User;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.SessionServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the service promised survives a restart on the same database file. Each test has its own
 * server ({@link TestServers.Running} in an instance field) and restarts it on the same file.
 */
class DurabilityTest {

    private static final String DORA = "dora.durable";
    private static final String ELI = "eli.durable";

    @RegisterExtension
    final TestServers.Running<SessionServer> plain = TestServers.sqlite();
    @RegisterExtension
    final TestServers.Running<SessionServer> demo = TestServers.sqlite().demo();

    @Test
    void endedSessionsBlocksUnsyncedCountsAndTheAuditLogSurviveARestart() throws Exception {
        String jdbcUrl = plain.jdbcUrl();
        MobileLoginResponse lost;
        MobileLoginResponse kept;
        MobileLoginResponse eliPhone;
        MobileLoginResponse eliTablet;
        List<AuditEvent> auditBefore;
        { // the first life of the service
            SessionServer first = plain.get();
            String base = first.baseUrl();
            TestUsers.add(jdbcUrl, DORA, "Dora Durable", false);
            TestUsers.add(jdbcUrl, ELI, "Eli Durable", false);
            lost = Api.mobileLogin(base, device(DORA, "dora-old-phone"));
            kept = Api.mobileLogin(base, device(DORA, "dora-new-phone"));
            eliPhone = Api.mobileLogin(base, device(ELI, "eli-phone"));
            eliTablet = Api.mobileLogin(base, device(ELI, "eli-tablet"));

            SessionDeskApi admin = Api.admin(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
            ok(admin.logoutSession(lost.sessionId(), LogoutRequest.of(false, false, "Phone left on the bus")));
            ok(admin.blockUser(ELI, new ReasonRequest("Suspended pending review")));
            // the last word before the stop: a heartbeat that may still sit in a write batch
            assertThat(Api.execute(Api.anonymous(base).heartbeat(SessionDeskApi.bearer(kept.token()),
                    new HeartbeatRequest(7))).code()).isEqualTo(204);
            auditBefore = ok(admin.audit(null, null)).events();
        }

        { // after a restart on the same file
            SessionServer second = plain.restart();
            String base = second.baseUrl();
            RawHttp raw = new RawHttp(base);
            assertEnded(raw, lost, "Phone left on the bus");
            assertEnded(raw, eliPhone, "Suspended pending review");
            assertEnded(raw, eliTablet, "Suspended pending review");
            assertError(raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(device(ELI, "eli-phone"))),
                    403, "account_blocked");

            SessionDeskApi admin = Api.admin(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
            List<Session> active = ok(admin.sessions(null, null, null)).sessions();
            assertThat(active).extracting(Session::id).containsExactly(kept.sessionId());
            assertThat(active.get(0).pendingSyncItems()).as("unsynced count written before the stop").isEqualTo(7);
            assertThat(raw.post("/api/v1/mobile/heartbeat", kept.token(), null).status()).isEqualTo(204);

            Map<String, User> users = ok(admin.users(null, null)).users().stream()
                    .collect(Collectors.toMap(User::username, Function.identity()));
            assertThat(users.get(ELI).blocked()).isTrue();
            assertThat(users.get(ELI).blockedBy()).isEqualTo(TestServers.ADMIN);
            assertThat(users.get(ELI).blockReason()).isEqualTo("Suspended pending review");
            assertThat(users.get(ELI).blockedAt()).isNotNull();
            assertThat(users.get(DORA).blocked()).isFalse();

            List<AuditEvent> auditAfter = ok(admin.audit(null, null)).events();
            // (the devices told since by their 401s show in the deliveries, which are not history)
            assertThat(withoutDeliveries(auditAfter.subList(auditAfter.size() - auditBefore.size(), auditAfter.size())))
                    .as("the audit log of before the restart, unchanged").isEqualTo(withoutDeliveries(auditBefore));
            assertThat(auditAfter.get(0).action()).isEqualTo("admin_login");
        }
    }

    private static List<AuditEvent> withoutDeliveries(List<AuditEvent> events) {
        return events.stream().map(e -> e.withDeliveries(null)).toList();
    }

    @Test
    void theDemoAgencyIsSeededOnceAndIsBelievable() throws Exception {
        Set<String> usersBefore;
        Set<String> sessionsBefore;
        { // the first start seeds the demo
            SessionServer first = demo.get();
            SessionDeskApi admin = Api.admin(first.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
            List<User> users = ok(admin.users(null, null)).users();
            List<Session> sessions = ok(admin.sessions(null, null, null)).sessions();
            assertBelievable(first, users, sessions);
            usersBefore = users.stream().map(User::username).collect(Collectors.toSet());
            sessionsBefore = sessions.stream().map(Session::id).collect(Collectors.toSet());
        }
        { // a second start with --demo on the same file
            SessionServer second = demo.restart();
            SessionDeskApi admin = Api.admin(second.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
            assertThat(ok(admin.users(null, null)).users()).extracting(User::username)
                    .as("users after a second start with --demo").hasSize(usersBefore.size())
                    .containsExactlyInAnyOrderElementsOf(usersBefore);
            assertThat(ok(admin.sessions(null, null, null)).sessions()).extracting(Session::id)
                    .as("sessions after a second start with --demo")
                    .containsExactlyInAnyOrderElementsOf(sessionsBefore);
        }
    }

    /** The demo agency: hundreds of staff, three apps, eight languages, the odd case. */
    private static void assertBelievable(SessionServer server, List<User> users, List<Session> sessions) {
        assertThat(users.size()).as("staff").isGreaterThanOrEqualTo(200);
        List<User> blocked = users.stream().filter(User::blocked).toList();
        assertThat(blocked).as("blocked users").hasSize(1);
        assertThat(sessions.stream().map(Session::application).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Caregiver", "EVV", "Family");
        assertThat(sessions.stream().map(Session::language).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("English", "Spanish", "Chinese", "Russian", "Haitian Creole", "Polish",
                        "Korean", "Vietnamese");
        long usersWithSuperseded = sessions.stream().filter(Session::superseded).map(Session::username).distinct().count();
        long usersWithSessions = sessions.stream().map(Session::username).distinct().count();
        assertThat((double) usersWithSuperseded / usersWithSessions).as("share of users with a superseded session")
                .isBetween(0.04, 0.2);
        assertThat(sessions).anyMatch(s -> s.pendingSyncItems() > 0);
        assertThat(sessions.stream().map(Session::loginTime).distinct().count()).isGreaterThan(sessions.size() / 2);

        RawHttp raw = new RawHttp(server.baseUrl());
        User staff = users.stream().filter(u -> !u.superUser() && !u.blocked()).findFirst().orElseThrow();
        RawHttp.Reply login = raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(Api.device(staff.username(),
                DemoAgency.STAFF_PASSWORD, "Caregiver", "5.0.0", "test-device", "Pixel 8", "Android 15", "English")));
        assertThat(login.status()).as("demo staff login: %s", login).isEqualTo(201);
        assertError(raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(Api.device(blocked.get(0).username(),
                DemoAgency.STAFF_PASSWORD, "Caregiver", "5.0.0", "test-device", "Pixel 8", "Android 15", "English"))),
                403, "account_blocked");
        // leave the seeded state as it was for the restart comparison
        assertThat(raw.post("/api/v1/mobile/logout", login.object().get("token").getAsString(), null).status())
                .isEqualTo(204);
    }

    private static void assertEnded(RawHttp raw, MobileLoginResponse session, String reason) {
        JsonObject body = assertError(raw.post("/api/v1/mobile/heartbeat", session.token(), null), 401, "session_ended");
        assertThat(body.get("reason").getAsString()).isEqualTo(reason);
    }

    private static com.sessiondesk.api.MobileLoginRequest device(String username, String deviceId) {
        return Api.device(username, TestUsers.PASSWORD, "Caregiver", "4.2.0", deviceId, "Galaxy A54", "Android 14",
                "Haitian Creole");
    }
}

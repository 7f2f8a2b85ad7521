package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The source document's story over real HTTP, step by step: a caregiver updates her app without
 * logging out (two sessions on one phone) and has a second phone; a super user reviews the
 * sessions, logs one out with a reason, then all devices, blocks and unblocks the account; the
 * audit log tells it all. Subclasses choose the database (their {@link TestServers} extension, with
 * {@link #storySettings}). The service's clock is the test's: time passes between the steps because
 * the test moves it, not by sleeping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ApiStoryTest {

    private static final String MARIA = "maria.gonzalez";
    private static final String MARIA_NAME = "Maria Gonzalez";
    private static final String LI = "li.wei";
    /** Not only ASCII: names, reasons and devices must come back byte for byte from either database. */
    private static final String LI_NAME = "Lǐ Wěi (李伟)";
    private static final String LI_BLOCK_REASON = "Gerät verloren – 📱 «перезвоните»";
    private static final String HEARTBEAT = "/api/v1/mobile/heartbeat";
    private static final String ME = "/api/v1/mobile/me";
    /** An admin read lags a heartbeat by 10 s at most (docs/service.md, "Behaviour worth knowing"). */
    private static final Duration COALESCE_LIMIT = Duration.ofSeconds(10);
    /** Heartbeats are written this often here (1 s in the service): the test waits for the write, not for a second. */
    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);

    private final TestServers.Running<SessionServer> running;
    private final MutableClock clock;
    private SessionServer server;
    private String base;
    private RawHttp raw;
    private SessionDeskApi admin;
    private SessionDeskApi anonymous;
    private Instant storyStart;

    private MobileLoginResponse oldVersion;
    private MobileLoginResponse newVersion;
    private MobileLoginResponse evvSamePhone;
    private MobileLoginResponse secondPhone;
    private MobileLoginResponse liPhone;
    private MobileLoginResponse liAgain;
    private MobileLoginResponse mariaPixel;
    private MobileLoginResponse mariaIphone;

    /**
     * @param running the subclass's server (registered as a static extension), with {@link #storySettings}
     * @param clock the clock given to {@link #storySettings}
     */
    protected ApiStoryTest(TestServers.Running<SessionServer> running, MutableClock clock) {
        this.running = running;
        this.clock = clock;
    }

    /** The clock of a story: the real time of the start, then moved by the test. */
    protected static MutableClock storyClock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The story's server settings: its clock, and a heartbeat flush the test need not wait long for. */
    protected static UnaryOperator<ServerConfig> storySettings(MutableClock clock) {
        return config -> config.withClock(clock).withHeartbeatFlushInterval(FLUSH_INTERVAL);
    }

    @BeforeAll
    void startServer() {
        storyStart = clock.instant();
        server = running.get();
        String jdbcUrl = running.jdbcUrl();
        base = server.baseUrl();
        raw = new RawHttp(base);
        TestUsers.add(jdbcUrl, MARIA, MARIA_NAME, false);
        TestUsers.add(jdbcUrl, LI, LI_NAME, false);
        anonymous = Api.anonymous(base);
        admin = Api.admin(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    /** Time passes between the steps of the story. */
    @BeforeEach
    void aWhileLater() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    @Order(1)
    void twoAppVersionsOnOnePhoneAndASecondPhoneAreAllListed() {
        Instant before = clock.instant();
        oldVersion = login(MARIA, "Caregiver", "4.1.0", "maria-pixel-7", "Pixel 7", "Android 14", "Spanish");
        clock.advance(Duration.ofSeconds(2)); // the update comes later: a login time of its own
        newVersion = login(MARIA, "Caregiver", "4.2.0", "maria-pixel-7", "Pixel 7", "Android 14", "Spanish");
        evvSamePhone = login(MARIA, "EVV", "3.0.1", "maria-pixel-7", "Pixel 7", "Android 14", "Spanish");
        secondPhone = login(MARIA, "Caregiver", "4.2.0", "maria-iphone-14", "iPhone 14", "iOS 17.5", "English");
        liPhone = login(LI, "Family", "1.8.0", "li-galaxy-s23", "Galaxy S23", "Android 14", "Chinese");
        Instant after = clock.instant();

        Map<String, Session> listed = byId(ok(admin.sessions(null, null, null)).sessions());
        assertThat(listed).containsKeys(oldVersion.sessionId(), newVersion.sessionId(), evvSamePhone.sessionId(),
                secondPhone.sessionId(), liPhone.sessionId());
        assertThat(listed).hasSize(5);

        assertRow(listed.get(oldVersion.sessionId()), MARIA, MARIA_NAME, "Caregiver", "4.1.0", "maria-pixel-7",
                "Pixel 7", "Android 14", "Spanish", true);
        assertRow(listed.get(newVersion.sessionId()), MARIA, MARIA_NAME, "Caregiver", "4.2.0", "maria-pixel-7",
                "Pixel 7", "Android 14", "Spanish", false);
        // same phone, another application: not superseded
        assertRow(listed.get(evvSamePhone.sessionId()), MARIA, MARIA_NAME, "EVV", "3.0.1", "maria-pixel-7",
                "Pixel 7", "Android 14", "Spanish", false);
        assertRow(listed.get(secondPhone.sessionId()), MARIA, MARIA_NAME, "Caregiver", "4.2.0", "maria-iphone-14",
                "iPhone 14", "iOS 17.5", "English", false);
        assertRow(listed.get(liPhone.sessionId()), LI, LI_NAME, "Family", "1.8.0", "li-galaxy-s23", "Galaxy S23",
                "Android 14", "Chinese", false);
        for (Session session : listed.values()) {
            assertThat(session.loginTime()).isBetween(before, after);
            assertThat(session.lastSeen()).isNotNull().isAfterOrEqualTo(session.loginTime().truncatedTo(ChronoUnit.SECONDS));
            assertThat(session.pendingSyncItems()).isZero();
        }
        assertThat(listed.get(oldVersion.sessionId()).loginTime())
                .isBefore(listed.get(newVersion.sessionId()).loginTime());

        assertThat(ok(admin.session(oldVersion.sessionId()))).isEqualTo(listed.get(oldVersion.sessionId()));
        Map<String, User> users = usersByName(ok(admin.users(null, null)).users());
        assertThat(users.get(MARIA)).isEqualTo(new User(MARIA, MARIA_NAME, false, false, null, null, null, 4));
        assertThat(users.get(LI)).isEqualTo(new User(LI, LI_NAME, false, false, null, null, null, 1));
        assertThat(users.get(TestServers.ADMIN).superUser()).isTrue();
    }

    @Test
    @Order(2)
    void heartbeatsUpdateLastSeenAndUnsyncedItems() {
        Instant oldLastSeen = ok(admin.session(oldVersion.sessionId())).lastSeen();
        clock.advance(Duration.ofSeconds(5));
        Instant beat = clock.instant();
        assertThat(Api.execute(anonymous.heartbeat(bearer(newVersion), new HeartbeatRequest(5))).code()).isEqualTo(204);
        assertThat(Api.execute(anonymous.heartbeat(bearer(liPhone), new HeartbeatRequest(2))).code()).isEqualTo(204);
        assertThat(ok(anonymous.me(bearer(newVersion)))).isEqualTo(new UserIdentity(MARIA, MARIA_NAME));
        assertThat(ok(anonymous.me(bearer(liPhone)))).isEqualTo(new UserIdentity(LI, LI_NAME));

        Eventually.within(COALESCE_LIMIT, () -> {
            Session updated = ok(admin.session(newVersion.sessionId()));
            assertThat(updated.pendingSyncItems()).isEqualTo(5);
            assertThat(updated.lastSeen()).isEqualTo(beat);
            Session li = ok(admin.session(liPhone.sessionId()));
            assertThat(li.pendingSyncItems()).isEqualTo(2);
            assertThat(li.lastSeen()).isEqualTo(beat);
        });
        Session untouched = ok(admin.session(oldVersion.sessionId()));
        assertThat(untouched.lastSeen()).isEqualTo(oldLastSeen);
        assertThat(untouched.pendingSyncItems()).isZero();
    }

    @Test
    @Order(3)
    void sessionsAndUsersCanBeFiltered() {
        assertThat(ids(ok(admin.sessions(LI, null, null)).sessions())).containsExactly(liPhone.sessionId());
        assertThat(ids(ok(admin.sessions(MARIA, null, null)).sessions())).containsExactlyInAnyOrder(
                oldVersion.sessionId(), newVersion.sessionId(), evvSamePhone.sessionId(), secondPhone.sessionId());
        assertThat(ids(ok(admin.sessions(null, "EVV", null)).sessions())).containsExactly(evvSamePhone.sessionId());
        assertThat(ids(ok(admin.sessions(null, "Family", null)).sessions())).containsExactly(liPhone.sessionId());
        assertThat(ids(ok(admin.sessions(MARIA, "Caregiver", null)).sessions())).containsExactlyInAnyOrder(
                oldVersion.sessionId(), newVersion.sessionId(), secondPhone.sessionId());
        assertThat(ok(admin.sessions("nobody.here", null, null)).sessions()).isEmpty();
        // free text: part of the username or the name, any case
        assertThat(ids(ok(admin.sessions(null, null, "li.w")).sessions())).containsExactly(liPhone.sessionId());
        assertThat(ids(ok(admin.sessions(null, null, "GONZALEZ")).sessions())).hasSize(4)
                .doesNotContain(liPhone.sessionId());
        assertThat(ok(admin.sessions(null, null, "no-such-text-anywhere")).sessions()).isEmpty();

        assertThat(usernames(ok(admin.users("WĚI", null)).users())).containsExactly(LI);
        assertThat(usernames(ok(admin.users("李伟", null)).users())).containsExactly(LI);
        assertThat(ids(ok(admin.sessions(null, null, "李")).sessions())).containsExactly(liPhone.sessionId());
        assertThat(usernames(ok(admin.users("MARIA", null)).users())).containsExactly(MARIA);
        assertThat(ok(admin.users(null, true)).users()).isEmpty();
        assertThat(usernames(ok(admin.users(null, false)).users())).contains(MARIA, LI, TestServers.ADMIN);
    }

    @Test
    @Order(4)
    void loggingOutOneSessionAnswersItsVeryNextRequestWith401AndTheReason() {
        LogoutResult result = ok(admin.logoutSession(secondPhone.sessionId(),
                LogoutRequest.of(false, false, "Phone reported lost")));
        assertThat(result).isEqualTo(new LogoutResult(List.of(secondPhone.sessionId()), false));

        assertSessionEnded(secondPhone, "Phone reported lost");
        for (MobileLoginResponse other : List.of(oldVersion, newVersion, evvSamePhone, liPhone)) {
            assertThat(raw.post(HEARTBEAT, other.token(), "{}").status()).as("heartbeat of another session").isEqualTo(204);
        }
        assertThat(ids(ok(admin.sessions(null, null, null)).sessions())).containsExactlyInAnyOrder(
                oldVersion.sessionId(), newVersion.sessionId(), evvSamePhone.sessionId(), liPhone.sessionId());
        assertError(raw.get("/api/v1/sessions/" + secondPhone.sessionId(), adminToken()), 404, "not_found");
        assertThat(usersByName(ok(admin.users(MARIA, null)).users()).get(MARIA).activeSessions()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void allDevicesEndsEverySessionOfTheUserIncludingTheOldVersion() {
        LogoutResult result = ok(admin.logoutSession(newVersion.sessionId(),
                LogoutRequest.of(true, false, "Please sign in again")));
        assertThat(result.blocked()).isFalse();
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(
                oldVersion.sessionId(), newVersion.sessionId(), evvSamePhone.sessionId());
        for (MobileLoginResponse ended : List.of(oldVersion, newVersion, evvSamePhone)) {
            assertSessionEnded(ended, "Please sign in again");
        }
        assertThat(raw.post(HEARTBEAT, liPhone.token(), "{\"pendingSyncItems\":2}").status()).isEqualTo(204);
        assertThat(ok(admin.sessions(MARIA, null, null)).sessions()).isEmpty();

        // the same for a user, from the User Accounts view
        LogoutResult li = ok(admin.logoutUser(LI, new ReasonRequest("Shift is over")));
        assertThat(li).isEqualTo(new LogoutResult(List.of(liPhone.sessionId()), false));
        assertSessionEnded(liPhone, "Shift is over");
        assertThat(ok(admin.sessions(null, null, null)).sessions()).isEmpty();
    }

    @Test
    @Order(6)
    void blockEndsEverySessionAndRefusesLogin() {
        mariaPixel = login(MARIA, "Caregiver", "4.2.0", "maria-pixel-7", "Pixel 7", "Android 14", "Spanish");
        mariaIphone = login(MARIA, "Caregiver", "4.2.0", "maria-iphone-14", "iPhone 14", "iOS 17.5", "English");
        liAgain = login(LI, "Family", "1.8.0", "li-galaxy-s23", "Galaxy S23", "Android 14", "Chinese");
        Instant before = clock.instant();

        // block alone implies all devices
        LogoutResult result = ok(admin.logoutSession(mariaPixel.sessionId(),
                new LogoutRequest(null, true, "Left the agency")));
        assertThat(result.blocked()).isTrue();
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(mariaPixel.sessionId(), mariaIphone.sessionId());
        assertSessionEnded(mariaPixel, "Left the agency");
        assertSessionEnded(mariaIphone, "Left the agency");
        assertThat(raw.post(HEARTBEAT, liAgain.token(), null).status()).isEqualTo(204);

        RawHttp.Reply refused = raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(mariaDevice()));
        assertError(refused, 403, "account_blocked");
        assertError(raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest(MARIA, TestUsers.PASSWORD))), 403, "account_blocked");

        User maria = usersByName(ok(admin.users(MARIA, null)).users()).get(MARIA);
        assertThat(maria.blocked()).isTrue();
        assertThat(maria.blockedAt()).isBetween(before, clock.instant());
        assertThat(maria.blockedBy()).isEqualTo(TestServers.ADMIN);
        assertThat(maria.blockReason()).isEqualTo("Left the agency");
        assertThat(maria.activeSessions()).isZero();
        assertThat(usernames(ok(admin.users(null, true)).users())).containsExactly(MARIA);
        assertThat(usernames(ok(admin.users(null, false)).users())).contains(LI).doesNotContain(MARIA);

        // the block route of the User Accounts view, then unblock at once
        User li = ok(admin.blockUser(LI, new ReasonRequest(LI_BLOCK_REASON)));
        assertThat(li.blocked()).isTrue();
        assertThat(li.blockReason()).isEqualTo(LI_BLOCK_REASON);
        assertThat(li.blockedBy()).isEqualTo(TestServers.ADMIN);
        assertThat(li.activeSessions()).isZero();
        assertSessionEnded(liAgain, LI_BLOCK_REASON);
        assertThat(usernames(ok(admin.users(null, true)).users())).containsExactlyInAnyOrder(MARIA, LI);
        User liUnblocked = ok(admin.unblockUser(LI));
        assertThat(liUnblocked.blocked()).isFalse();
        assertThat(ok(admin.sessions(null, null, null)).sessions()).isEmpty();
    }

    @Test
    @Order(7)
    void unblockRestoresLogin() {
        User maria = ok(admin.unblockUser(MARIA));
        assertThat(maria).isEqualTo(new User(MARIA, MARIA_NAME, false, false, null, null, null, 0));
        assertThat(usernames(ok(admin.users(null, true)).users())).isEmpty();

        MobileLoginResponse back = login(MARIA, "Caregiver", "4.2.0", "maria-pixel-7", "Pixel 7", "Android 14", "Spanish");
        assertThat(raw.post(HEARTBEAT, back.token(), "{\"pendingSyncItems\":0}").status()).isEqualTo(204);
        assertThat(ids(ok(admin.sessions(MARIA, null, null)).sessions())).containsExactly(back.sessionId());

        // the user logs out herself: the session ends, and it is no admin action
        assertThat(raw.post("/api/v1/mobile/logout", back.token(), null).status()).isEqualTo(204);
        assertError(raw.post(HEARTBEAT, back.token(), null), 401, "session_ended");
        assertThat(ok(admin.sessions(MARIA, null, null)).sessions()).isEmpty();
    }

    @Test
    @Order(8)
    void auditHasEveryAdminActionNewestFirst() {
        Instant now = clock.instant();
        List<AuditEvent> maria = ok(admin.audit(MARIA, null)).events();
        assertThat(maria).extracting(AuditEvent::action)
                .containsExactly("unblock", "admin_login_failed", "block", "logout_all", "logout_session", "user_added");
        assertEvent(maria.get(0), "unblock", MARIA, List.of(), null);
        // her try at the admin sign-in while blocked
        assertThat(maria.get(1).actor()).isEqualTo(MARIA);
        assertThat(maria.get(1).sessionIds()).isEmpty();
        assertEvent(maria.get(2), "block", MARIA, List.of(mariaPixel.sessionId(), mariaIphone.sessionId()),
                "Left the agency");
        assertEvent(maria.get(3), "logout_all", MARIA,
                List.of(oldVersion.sessionId(), newVersion.sessionId(), evvSamePhone.sessionId()), "Please sign in again");
        assertEvent(maria.get(4), "logout_session", MARIA, List.of(secondPhone.sessionId()), "Phone reported lost");
        // her account, made with the command line (user add)
        assertThat(maria.get(5).actor()).isEqualTo("command line");
        assertNewestFirst(maria, now);

        List<AuditEvent> li = ok(admin.audit(LI, null)).events();
        assertThat(li).extracting(AuditEvent::action).containsExactly("unblock", "block", "logout_all", "user_added");
        assertEvent(li.get(1), "block", LI, List.of(liAgain.sessionId()), LI_BLOCK_REASON);
        assertEvent(li.get(2), "logout_all", LI, List.of(liPhone.sessionId()), "Shift is over");
        assertNewestFirst(li, now);

        // admin logins, failed ones too, are in the log under the admin's name
        assertError(raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest(TestServers.ADMIN, "not-the-password"))), 401, "invalid_credentials");
        List<AuditEvent> adminEvents = ok(admin.audit(TestServers.ADMIN, null)).events();
        assertThat(adminEvents).isNotEmpty();
        assertThat(adminEvents.get(0).action()).isEqualTo("admin_login_failed");
        assertThat(adminEvents).extracting(AuditEvent::action).contains("admin_login");
        assertThat(adminEvents).allSatisfy(e -> assertThat(e.username()).isEqualTo(TestServers.ADMIN));

        List<AuditEvent> all = ok(admin.audit(null, null)).events();
        assertNewestFirst(all, now);
        assertThat(all).containsAll(maria).containsAll(li).containsAll(adminEvents);
        assertThat(all).hasSize(maria.size() + li.size() + adminEvents.size());
        assertThat(ok(admin.audit(null, 2)).events()).isEqualTo(all.subList(0, 2));
    }

    // --- helpers ---

    private MobileLoginResponse login(String username, String application, String version, String deviceId,
            String model, String os, String language) {
        return Api.mobileLogin(base, Api.device(username, TestUsers.PASSWORD, application, version, deviceId, model, os,
                language));
    }

    private static MobileLoginRequest mariaDevice() {
        return Api.device(MARIA, TestUsers.PASSWORD, "Caregiver", "4.2.0", "maria-pixel-7", "Pixel 7", "Android 14",
                "Spanish");
    }

    private String adminToken() {
        return Api.adminToken(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    /** The very next heartbeat and {@code me} both say the session ended, with the admin's reason. */
    private void assertSessionEnded(MobileLoginResponse session, String reason) {
        for (RawHttp.Reply reply : List.of(raw.post(HEARTBEAT, session.token(), "{\"pendingSyncItems\":1}"),
                raw.get(ME, session.token()))) {
            JsonObject body = assertError(reply, 401, "session_ended");
            assertThat(body.has("reason") ? body.get("reason").getAsString() : null)
                    .as("reason in %s", reply).isEqualTo(reason);
        }
    }

    private void assertRow(Session row, String username, String name, String application, String version,
            String deviceId, String model, String os, String language, boolean superseded) {
        assertThat(row.username()).isEqualTo(username);
        assertThat(row.name()).isEqualTo(name);
        assertThat(row.application()).isEqualTo(application);
        assertThat(row.appVersion()).isEqualTo(version);
        assertThat(row.deviceId()).isEqualTo(deviceId);
        assertThat(row.deviceModel()).isEqualTo(model);
        assertThat(row.deviceOs()).isEqualTo(os);
        assertThat(row.language()).isEqualTo(language);
        assertThat(row.superseded()).as("superseded of %s %s", application, version).isEqualTo(superseded);
    }

    private void assertEvent(AuditEvent event, String action, String username, List<String> sessionIds, String reason) {
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.actor()).isEqualTo(TestServers.ADMIN);
        assertThat(event.username()).isEqualTo(username);
        assertThat(event.sessionIds()).containsExactlyInAnyOrderElementsOf(sessionIds);
        assertThat(event.reason()).isEqualTo(reason);
    }

    /** The service's events (the command line's user add is stamped by the real clock, not the story's). */
    private void assertNewestFirst(List<AuditEvent> all, Instant now) {
        List<AuditEvent> events = all.stream().filter(e -> !e.actor().equals("command line")).toList();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            assertThat(event.at()).isBetween(storyStart, now);
            if (i > 0) {
                assertThat(event.id()).isLessThan(events.get(i - 1).id());
                assertThat(event.at()).isBeforeOrEqualTo(events.get(i - 1).at());
            }
        }
    }

    private static String bearer(MobileLoginResponse session) {
        return SessionDeskApi.bearer(session.token());
    }

    private static Map<String, Session> byId(List<Session> sessions) {
        return sessions.stream().collect(Collectors.toMap(Session::id, Function.identity()));
    }

    private static Map<String, User> usersByName(List<User> users) {
        return users.stream().collect(Collectors.toMap(User::username, Function.identity()));
    }

    private static List<String> ids(List<Session> sessions) {
        return sessions.stream().map(Session::id).toList();
    }

    private static List<String> usernames(List<User> users) {
        return users.stream().map(User::username).toList();
    }
}

package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live console's service side over HTTP: the change feed across two instances on one
 * PostgreSQL, 410 {@code cursor_expired}, the bulk log out, time-limited blocks (clock injected),
 * and the device's address.
 */
class LiveConsoleTest {

    private static final String ANA = "ana.live";
    private static final String BEN = "ben.live";

    /** The services' clock: the test moves it. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final UnaryOperator<ServerConfig> settings = config -> config.withClock(clock)
            .withHeartbeatFlushInterval(Duration.ofMillis(20));
    /** Each test starts the servers it asks for (at their first get()); all are closed after it. */
    @RegisterExtension
    final TestServers.Running<SessionServer> sqlite = TestServers.sqlite().with(settings);
    @RegisterExtension
    final TestServers.Running<SessionServer> otherSqlite = TestServers.sqlite().with(settings);
    @RegisterExtension
    final TestServers.Running<SessionServer> postgres = TestServers.postgres().with(settings);

    /** One SQLite service with two staff and a clock the test moves. */
    private SessionServer sqliteService() {
        String url = sqlite.jdbcUrl();
        SessionServer server = sqlite.get();
        TestUsers.add(url, ANA, "Ana Live", false);
        TestUsers.add(url, BEN, "Ben Live", false);
        return server;
    }

    private static MobileLoginRequest phone(String username, String deviceId) {
        return Api.device(username, TestUsers.PASSWORD, "Caregiver", "5.0.0", deviceId, "Pixel 8", "Android 15",
                "English");
    }

    private static SessionDeskApi admin(SessionServer server) {
        return Api.admin(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    @Test
    void aChangeThroughOneInstanceReachesAFollowerOfTheOther() throws Exception {
        String url = postgres.jdbcUrl();
        SessionServer a = postgres.get();
        SessionServer b = postgres.another();
        TestUsers.add(url, ANA, "Ana Live", false);
        SessionDeskApi adminOfA = admin(a);
        SessionDeskApi adminOfB = admin(b);

        SessionList list = ok(adminOfB.sessions(null, null, null));
        assertThat(list.sessions()).isEmpty();
        assertThat(list.cursor()).isNotBlank();

        MobileLoginResponse first = Api.mobileLogin(a.baseUrl(), phone(ANA, "ana-phone"));
        SessionChanges started = ok(adminOfB.sessionChanges(list.cursor()));
        assertThat(started.upserted()).extracting(Session::id).containsExactly(first.sessionId());
        assertThat(started.upserted().get(0).address()).isEqualTo("127.0.0.1");
        assertThat(started.ended()).isEmpty();

        // the app updated without logging out: the older session becomes superseded
        clock.advance(Duration.ofSeconds(1));
        MobileLoginResponse second = Api.mobileLogin(a.baseUrl(), phone(ANA, "ana-phone"));
        SessionChanges superseded = ok(adminOfB.sessionChanges(started.cursor()));
        assertThat(superseded.upserted()).extracting(Session::id, Session::superseded)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first.sessionId(), true),
                        org.assertj.core.groups.Tuple.tuple(second.sessionId(), false));

        // unsynced items: written by A's heartbeat flush, seen through B
        ok(Api.anonymous(a.baseUrl()).heartbeat(SessionDeskApi.bearer(second.token()), new HeartbeatRequest(7)));
        SessionChanges[] seen = new SessionChanges[1];
        Eventually.within(Duration.ofSeconds(5), () -> {
            seen[0] = ok(adminOfB.sessionChanges(superseded.cursor()));
            assertThat(seen[0].upserted()).isNotEmpty();
        });
        SessionChanges counted = seen[0];
        assertThat(counted.upserted()).extracting(Session::id, Session::pendingSyncItems)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.sessionId(), 7));

        // nothing new: the same cursor, nothing in the lists
        SessionChanges quiet = ok(adminOfB.sessionChanges(counted.cursor()));
        assertThat(quiet.cursor()).isEqualTo(counted.cursor());
        assertThat(quiet.upserted()).isEmpty();

        ok(adminOfA.logoutSession(second.sessionId(), LogoutRequest.of(false, false, "Shift over")));
        SessionChanges ended = ok(adminOfB.sessionChanges(counted.cursor()));
        assertThat(ended.ended()).containsExactly(new EndedSession(second.sessionId(), ANA, "admin", "Shift over"));
        // the older one is no longer superseded
        assertThat(ended.upserted()).extracting(Session::id, Session::superseded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.sessionId(), false));

        ok(adminOfA.blockUser(ANA, new ReasonRequest("Lost phone")));
        SessionChanges blocked = ok(adminOfB.sessionChanges(ended.cursor()));
        assertThat(blocked.ended()).extracting(EndedSession::id).containsExactly(first.sessionId());
        assertThat(blocked.blockChanges()).singleElement().satisfies(change -> {
            assertThat(change.username()).isEqualTo(ANA);
            assertThat(change.blocked()).isTrue();
            assertThat(change.by()).isEqualTo("admin");
            assertThat(change.reason()).isEqualTo("Lost phone");
        });
        ok(adminOfB.unblockUser(ANA));
        SessionChanges unblocked = ok(adminOfA.sessionChanges(blocked.cursor()));
        assertThat(unblocked.blockChanges()).singleElement()
                .satisfies(change -> assertThat(change.blocked()).isFalse());

        // a session that started and ended after the cursor is not news to that follower
        MobileLoginResponse brief = Api.mobileLogin(b.baseUrl(), phone(ANA, "ana-tablet"));
        ok(adminOfA.logoutSession(brief.sessionId(), LogoutRequest.of(false, false, null)));
        SessionChanges nothing = ok(adminOfA.sessionChanges(unblocked.cursor()));
        assertThat(nothing.upserted()).isEmpty();
        assertThat(nothing.ended()).isEmpty();
    }

    /** Reads a Server-Sent Events stream on a thread of its own: each event as its "field: value" lines. */
    private static final class EventReader implements AutoCloseable {
        final BlockingQueue<List<String>> events = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile InputStream body;

        EventReader(String url, String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    List<String> event = new ArrayList<>();
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.isEmpty()) {
                            if (!event.isEmpty()) {
                                events.add(event);
                            }
                            event = new ArrayList<>();
                        } else if (!line.startsWith(":")) {
                            event.add(line);
                        }
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        /** The next "changes" event's data, within 5 s. */
        SessionChanges next() throws InterruptedException {
            List<String> event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            assertThat(event).contains("event: changes");
            String data = event.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
            SessionChanges changes = Json.GSON.fromJson(data.substring(6), SessionChanges.class);
            assertThat(event).contains("id: " + changes.cursor());
            return changes;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    @Test
    void thePushStreamDeliversChangesMadeThroughTheOtherInstance() throws Exception {
        String url = sqlite.jdbcUrl();
        SessionServer a = sqlite.get();
        SessionServer b = sqlite.another();
        TestUsers.add(url, ANA, "Ana Live", false);
        String tokenOfB = Api.adminToken(b.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        String cursor = ok(Api.withToken(b.baseUrl(), tokenOfB).sessions(null, null, null)).cursor();
        String streamUrl = b.baseUrl() + "api/v1/sessions/stream?since=" + cursor;
        SessionChanges live;
        String session;
        try (EventReader stream = new EventReader(streamUrl, tokenOfB, null)) {
            live = stream.next();
            assertThat(live.upserted()).isEmpty(); // the first event says the stream is live
            assertThat(live.cursor()).isEqualTo(cursor);
            session = Api.mobileLogin(a.baseUrl(), phone(ANA, "ana-phone")).sessionId();
            long committed = System.nanoTime();
            SessionChanges started = stream.next();
            System.out.println("LiveConsoleTest: a login through instance A reached a stream of instance B "
                    + (System.nanoTime() - committed) / 1_000_000 + " ms after it was answered");
            assertThat(started.upserted()).extracting(Session::id).containsExactly(session);
            live = started;
        }
        // while disconnected: the session ends; reconnecting with Last-Event-ID gives exactly that
        ok(admin(a).logoutSession(session, LogoutRequest.of(false, false, "Gone")));
        try (EventReader stream = new EventReader(b.baseUrl() + "api/v1/sessions/stream", tokenOfB, live.cursor())) {
            SessionChanges resumed = stream.next();
            assertThat(resumed.ended()).extracting(EndedSession::id).containsExactly(session);
            assertThat(resumed.upserted()).isEmpty();
        }
        RawHttp raw = new RawHttp(b.baseUrl());
        assertThat(raw.send("GET", "/api/v1/sessions/stream?since=bad", tokenOfB, null, Map.of(
                "Accept", "text/event-stream")).status()).isEqualTo(410);
        assertThat(raw.get("/api/v1/sessions/stream?since=" + cursor, tokenOfB).status()).isEqualTo(400);
        assertThat(raw.send("GET", "/api/v1/sessions/stream", tokenOfB, null, Map.of(
                "Accept", "text/event-stream")).status()).isEqualTo(400);
    }

    @Test
    void anUnknownOrTooOldCursorIs410WithTheErrorBody() {
        SessionServer server = sqliteService();
        String token = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        RawHttp raw = new RawHttp(server.baseUrl());
        SessionDeskApi admin = Api.withToken(server.baseUrl(), token);

        String cursor = ok(admin.sessions(null, null, null)).cursor();
        String feedId = cursor.substring(0, cursor.lastIndexOf('.'));
        for (String unknown : List.of("garbage", "0", feedId + ".999999", feedId + ".-1", feedId + ".x",
                "0123456789abcdef.0")) {
            RawHttp.Reply reply = raw.get("/api/v1/sessions/changes?since=" + unknown, token);
            assertThat(reply.status()).as(unknown).isEqualTo(410);
            assertThat(reply.json().getAsJsonObject().get("error").getAsString()).isEqualTo("cursor_expired");
            assertThat(reply.json().getAsJsonObject().get("message").getAsString()).contains("Reload");
        }
        assertThat(raw.get("/api/v1/sessions/changes", token).status()).isEqualTo(400);

        // a cursor from another database is unknown here
        SessionServer other = otherSqlite.get();
        String foreign = ok(admin(other).sessions(null, null, null)).cursor();
        assertThat(raw.get("/api/v1/sessions/changes?since=" + foreign, token).status()).isEqualTo(410);

        // too old: the rows after it were pruned
        Api.mobileLogin(server.baseUrl(), phone(ANA, "ana-phone"));
        String current = ok(admin.sessionChanges(cursor)).cursor();
        clock.advance(Duration.ofMinutes(16));
        assertThat(server.pruneSessionFeed()).isEqualTo(1);
        RawHttp.Reply expired = raw.get("/api/v1/sessions/changes?since=" + cursor, token);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().getAsJsonObject().get("error").getAsString()).isEqualTo("cursor_expired");
        // a client that was current keeps following
        assertThat(ok(admin.sessionChanges(current)).cursor()).isEqualTo(current);
        Api.mobileLogin(server.baseUrl(), phone(BEN, "ben-phone"));
        assertThat(ok(admin.sessionChanges(current)).upserted()).extracting(Session::username).containsExactly(BEN);
    }

    @Test
    void bulkLogoutEndsTheSessionsInOneTransactionWithOneAuditEventPerAccount() {
        SessionServer server = sqliteService();
        SessionDeskApi admin = admin(server);
        String cursor = ok(admin.sessions(null, null, null)).cursor();
        String a1 = Api.mobileLogin(server.baseUrl(), phone(ANA, "a1")).sessionId();
        String a2 = Api.mobileLogin(server.baseUrl(), phone(ANA, "a2")).sessionId();
        String b1 = Api.mobileLogin(server.baseUrl(), phone(BEN, "b1")).sessionId();
        String b2 = Api.mobileLogin(server.baseUrl(), phone(BEN, "b2")).sessionId();
        ok(admin.logoutSession(b2, LogoutRequest.of(false, false, null)));

        BulkLogoutResult result = ok(admin.logoutSessions(new BulkLogoutRequest(
                List.of(a1, b1, "no-such-session", b2, a1), false, "End of the pilot", null)));
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(a1, b1);
        assertThat(result.skippedSessionIds()).containsExactly("no-such-session", b2);
        assertThat(result.blockedUsernames()).isEmpty();
        assertThat(ok(admin.sessions(null, null, null)).sessions()).extracting(Session::id).containsExactly(a2);

        List<AuditEvent> events = ok(admin.audit(null, 10)).events();
        // one row per account, each naming its user and its sessions
        assertThat(events.subList(0, 2)).extracting(AuditEvent::action).containsOnly("logout_sessions");
        assertThat(events.subList(0, 2)).extracting(AuditEvent::username).containsExactlyInAnyOrder(ANA, BEN);
        assertThat(events.subList(0, 2)).flatExtracting(AuditEvent::sessionIds).containsExactlyInAnyOrder(a1, b1);
        assertThat(events.subList(0, 2)).extracting(AuditEvent::reason).containsOnly("End of the pilot");
        assertThat(events.get(2).action()).isEqualTo("logout_session");

        SessionChanges changes = ok(admin.sessionChanges(cursor));
        assertThat(changes.upserted()).extracting(Session::id).containsExactly(a2);
        assertThat(changes.ended()).isEmpty(); // all three started after the cursor

        // nothing active among them: reported, not an error, and nothing audited
        BulkLogoutResult again = ok(admin.logoutSessions(new BulkLogoutRequest(List.of(a1), null, null, null)));
        assertThat(again.endedSessionIds()).isEmpty();
        assertThat(again.skippedSessionIds()).containsExactly(a1);
        assertThat(ok(admin.audit(null, 10)).events()).hasSize(events.size());
    }

    @Test
    void bulkLogoutWithATimeLimitedBlockLapsesByItself() {
        SessionServer server = sqliteService();
        SessionDeskApi admin = admin(server);
        String a1 = Api.mobileLogin(server.baseUrl(), phone(ANA, "a1")).sessionId();
        String a2 = Api.mobileLogin(server.baseUrl(), phone(ANA, "a2")).sessionId();
        Instant until = clock.instant().plus(Duration.ofHours(1));

        BulkLogoutResult result = ok(admin.logoutSessions(new BulkLogoutRequest(List.of(a1), true, "Cool-off", until)));
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(a1, a2); // a block ends all of them
        assertThat(result.blockedUsernames()).containsExactly(ANA);
        AuditEvent event = ok(admin.audit(ANA, 1)).events().get(0);
        assertThat(event.action()).isEqualTo("block_sessions");
        assertThat(event.until()).isEqualTo(until);
        assertThat(event.username()).isEqualTo(ANA);

        RawHttp raw = new RawHttp(server.baseUrl());
        RawHttp.Reply refused = raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(phone(ANA, "a3")));
        assertThat(refused.status()).isEqualTo(403);
        JsonObject body = refused.json().getAsJsonObject();
        assertThat(body.get("error").getAsString()).isEqualTo("account_blocked");
        assertThat(body.get("blockedUntil").getAsString()).isEqualTo(until.toString());
        assertThat(body.get("message").getAsString()).contains(until.toString());

        clock.advance(Duration.ofMinutes(59));
        assertThat(raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(phone(ANA, "a3"))).status()).isEqualTo(403);
        clock.advance(Duration.ofMinutes(1));
        Api.mobileLogin(server.baseUrl(), phone(ANA, "a3"));
        admin = admin(server); // the first admin token idled out meanwhile
        User ana = ok(admin.users(ANA, null)).users().get(0);
        assertThat(ana.blocked()).isFalse();
        assertThat(ana.blockedUntil()).isNull();
        assertThat(ok(admin.users(null, true)).users()).isEmpty();
    }

    @Test
    void timeLimitedBlockOnTheUserAndSessionRoutes() {
        SessionServer server = sqliteService();
        SessionDeskApi admin = admin(server);
        Instant until = clock.instant().plus(Duration.ofDays(1));

        User blocked = ok(admin.blockUser(ANA, new ReasonRequest("Audit", until)));
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.blockedUntil()).isEqualTo(until);
        assertThat(ok(admin.audit(ANA, 1)).events().get(0).until()).isEqualTo(until);
        // a plain block again makes it indefinite
        User indefinite = ok(admin.blockUser(ANA, new ReasonRequest("Audit")));
        assertThat(indefinite.blocked()).isTrue();
        assertThat(indefinite.blockedUntil()).isNull();
        clock.advance(Duration.ofDays(2));
        admin = admin(server);
        assertThat(ok(admin.users(ANA, null)).users().get(0).blocked()).isTrue();

        String session = Api.mobileLogin(server.baseUrl(), phone(BEN, "b1")).sessionId();
        Instant soon = clock.instant().plus(Duration.ofMinutes(10));
        ok(admin.logoutSession(session, new LogoutRequest(null, true, "Check", soon)));
        assertThat(ok(admin.users(BEN, null)).users().get(0).blockedUntil()).isEqualTo(soon);
        clock.advance(Duration.ofMinutes(10));
        assertThat(ok(admin.users(BEN, null)).users().get(0).blocked()).isFalse();
        Api.mobileLogin(server.baseUrl(), phone(BEN, "b1"));
    }

    @Test
    void badLiveConsoleInputIs400() {
        SessionServer server = sqliteService();
        String token = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        RawHttp raw = new RawHttp(server.baseUrl());
        String session = Api.mobileLogin(server.baseUrl(), phone(ANA, "a1")).sessionId();
        String past = clock.instant().minusSeconds(1).toString();
        List<String[]> cases = List.of(
                new String[] {"/api/v1/users/" + ANA + "/block", "{\"until\":\"" + past + "\"}"},
                new String[] {"/api/v1/users/" + ANA + "/block", "{\"until\":\"tomorrow\"}"},
                new String[] {"/api/v1/users/" + ANA + "/block", "{\"until\":\"+1000000000-12-31T23:59:59Z\"}"},
                new String[] {"/api/v1/users/" + ANA + "/block", "{\"until\":1767225600}"},
                new String[] {"/api/v1/sessions/" + session + "/logout", "{\"until\":\"2099-01-01T00:00:00Z\"}"},
                new String[] {"/api/v1/sessions/logout", "{}"},
                new String[] {"/api/v1/sessions/logout", "{\"sessionIds\":[]}"},
                new String[] {"/api/v1/sessions/logout", "{\"sessionIds\":[\"\"]}"},
                new String[] {"/api/v1/sessions/logout", "{\"sessionIds\":[7]}"},
                new String[] {"/api/v1/sessions/logout", "{\"sessionIds\":\"" + session + "\"}"},
                new String[] {"/api/v1/sessions/logout",
                    "{\"sessionIds\":[\"" + session + "\"],\"until\":\"2099-01-01T00:00:00Z\"}"},
                new String[] {"/api/v1/sessions/logout",
                    "{\"sessionIds\":[\"" + session + "\"],\"block\":true,\"until\":\"" + past + "\"}"});
        for (String[] c : cases) {
            RawHttp.Reply reply = raw.post(c[0], token, c[1]);
            assertThat(reply.status()).as("%s %s: %s", c[0], c[1], reply).isEqualTo(400);
            assertThat(reply.json().getAsJsonObject().get("error").getAsString()).isEqualTo("invalid_request");
        }
        StringBuilder many = new StringBuilder("{\"sessionIds\":[");
        for (int i = 0; i <= 100_000; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        RawHttp.Reply tooMany = raw.post("/api/v1/sessions/logout", token, many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 100000");
        // the admin cannot block their own account in bulk either, and then nothing at all happens
        String own = Api.mobileLogin(server.baseUrl(), Api.device(TestServers.ADMIN, TestServers.ADMIN_PASSWORD,
                "Caregiver", "5.0.0", "admin-phone", "Pixel 8", "Android 15", "English")).sessionId();
        RawHttp.Reply self = raw.post("/api/v1/sessions/logout", token,
                "{\"sessionIds\":[\"" + session + "\",\"" + own + "\"],\"block\":true}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("your own account");
        assertThat(ok(Api.withToken(server.baseUrl(), token).sessions(null, null, null)).sessions()).hasSize(2);
    }

    @Test
    void bulkLogoutAfterSyncMakesTheSessionsEndingUntilTheirDevicesSynced() {
        SessionServer server = sqliteService();
        SessionDeskApi admin = admin(server);
        MobileLoginResponse a1 = Api.mobileLogin(server.baseUrl(), phone(ANA, "a1"));
        String b1 = Api.mobileLogin(server.baseUrl(), phone(BEN, "b1")).sessionId();

        BulkLogoutResult result = ok(admin.logoutSessions(new BulkLogoutRequest(List.of(a1.sessionId(), b1), false,
                "Shift over", null, true, 5)));

        assertThat(result.endedSessionIds()).isEmpty();
        assertThat(result.endingSessionIds()).containsExactlyInAnyOrder(a1.sessionId(), b1);
        assertThat(result.syncDeadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(ok(admin.sessions(null, null, null)).sessions()).as("still listed, ending")
                .allSatisfy(s -> assertThat(s.syncDeadline()).isNotNull());
        // the device uploads its work, reports 0, and its session ends with the reason
        var told = Api.anonymous(server.baseUrl()).heartbeat(SessionDeskApi.bearer(a1.token()), new HeartbeatRequest(0));
        assertThat(Api.execute(told).code()).isEqualTo(401);

        String token = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        RawHttp.Reply minutesAlone = new RawHttp(server.baseUrl()).post("/api/v1/sessions/logout", token,
                "{\"sessionIds\":[\"" + b1 + "\"],\"syncMinutes\":5}");
        assertThat(minutesAlone.status()).as("syncMinutes without afterSync").isEqualTo(400);
    }
}

package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.User;
import com.sessiondesk.server.SessionServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two admins fire 50 conflicting logout / block / unblock calls at the same three users at once,
 * while the users keep logging in. Nothing may fail with 5xx, and the end state and the audit log
 * must tell one consistent story: every ended session in exactly one event, one event per call
 * that changed something, a blocked user logged in nowhere. On SQLite (writes serialized) and on
 * PostgreSQL (real row locks).
 */
class ConcurrencyTest {

    private static final List<String> USERS = List.of("ann.conc", "bob.conc", "cyd.conc");
    private static final String SECOND_ADMIN = "admin.two";
    private static final int ADMIN_CALLS = 50;
    private static final int MOBILE_LOGINS = 12;
    private static final int SESSIONS_PER_USER = 4;

    /** One admin call as sent, and what came back. {@code kind}: session, logout, block or unblock. */
    record Call(int number, String actor, String kind, String username, boolean allDevices, boolean block,
            String reason, int status, JsonObject body) {

        List<String> endedSessionIds() {
            JsonElement ids = body.get("endedSessionIds");
            return ids == null ? List.of() // the block route answers the User
                    : ids.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
        }

        String expectedAction() {
            return switch (kind) {
                case "session" -> block ? "block" : allDevices ? "logout_all" : "logout_session";
                case "logout" -> "logout_all";
                default -> kind;
            };
        }

        boolean blocks() {
            return kind.equals("block") || block;
        }
    }

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgresql");
    }

    /** A fresh server for each run, on the database of the run: only the one a run asks for starts. */
    @RegisterExtension
    final TestServers.Running<SessionServer> sqlite = TestServers.sqlite();
    @RegisterExtension
    final TestServers.Running<SessionServer> postgresql = TestServers.postgres();

    private RawHttp raw;
    private final Map<String, String> ownerOfSession = new ConcurrentHashMap<>();
    private final Map<String, String> tokenOfSession = new ConcurrentHashMap<>();

    @ParameterizedTest
    @MethodSource("databases")
    void conflictingAdminActionsLeaveAConsistentStateAndOneAuditEventPerChange(String database) throws Exception {
        TestServers.Running<SessionServer> running = database.equals("postgresql") ? postgresql : sqlite;
        SessionServer server = running.get();
        String jdbcUrl = running.jdbcUrl();
        String base = server.baseUrl();
        raw = new RawHttp(base);
        for (String user : USERS) {
            TestUsers.add(jdbcUrl, user, "Concurrent " + user, false);
        }
        TestUsers.add(jdbcUrl, SECOND_ADMIN, "Second Admin", true);
        Map<String, String> adminTokens = Map.of(
                TestServers.ADMIN, Api.adminToken(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD),
                SECOND_ADMIN, Api.adminToken(base, SECOND_ADMIN, TestUsers.PASSWORD));

        loginInitialSessions(base);
        List<Call> calls = fireConcurrently(adminTokens);

        SessionDeskApi admin = Api.withToken(base, adminTokens.get(TestServers.ADMIN));
        Set<String> active = Api.ok(admin.sessions(null, null, null)).sessions().stream()
                .filter(s -> USERS.contains(s.username())).map(Session::id).collect(Collectors.toSet());
        Map<String, User> users = Api.ok(admin.users(null, null)).users().stream()
                .collect(Collectors.toMap(User::username, Function.identity()));
        List<AuditEvent> events = Api.ok(admin.audit(null, 1000)).events().stream()
                .filter(e -> USERS.contains(e.username()))
                .filter(e -> !e.action().equals("user_added")) // the accounts' creation (user add) is no call here
                .sorted(Comparator.comparingLong(AuditEvent::id))
                .toList();

        assertListAndDevicesAgree(active, users);
        assertEveryEndedSessionInExactlyOneEvent(active, events);
        assertOneEventPerEffectiveCall(calls, events);
        assertBlockTrail(calls, events, users);
    }

    private void loginInitialSessions(String base) {
        for (String user : USERS) {
            for (int i = 0; i < SESSIONS_PER_USER; i++) {
                MobileLoginResponse login = Api.mobileLogin(base, Api.device(user, TestUsers.PASSWORD,
                        i % 2 == 0 ? "Caregiver" : "EVV", "4." + i, "dev-" + user + "-" + (i / 2), "Pixel 7",
                        "Android 14", "English"));
                ownerOfSession.put(login.sessionId(), user);
                tokenOfSession.put(login.sessionId(), login.token());
            }
        }
    }

    /** The 50 admin calls and 12 mobile logins, released together through one gate. */
    private List<Call> fireConcurrently(Map<String, String> adminTokens) throws Exception {
        List<String> initialSessions = List.copyOf(ownerOfSession.keySet());
        Random random = new Random(20261127);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Call>> adminFutures = new ArrayList<>();
        List<Future<Integer>> mobileFutures = new ArrayList<>();
        try {
            for (int n = 0; n < ADMIN_CALLS; n++) {
                Callable<Call> call = plan(n, random, initialSessions, adminTokens);
                adminFutures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
                if (n % 4 == 0 && n / 4 < MOBILE_LOGINS) {
                    Callable<Integer> login = lateLogin(n / 4);
                    mobileFutures.add(pool.submit(() -> {
                        gate.await();
                        return login.call();
                    }));
                }
            }
            gate.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("all calls done in time").isTrue();
        } finally {
            pool.shutdownNow();
        }
        for (Future<Integer> login : mobileFutures) {
            assertThat(login.get()).isIn(201, 403);
        }
        List<Call> calls = new ArrayList<>();
        for (Future<Call> future : adminFutures) {
            Call call = future.get();
            // every target exists, and ending an ended session is no error
            assertThat(call.status()).as("call %s", call).isEqualTo(200);
            calls.add(call);
        }
        return calls;
    }

    private Callable<Call> plan(int n, Random random, List<String> sessions, Map<String, String> adminTokens) {
        String actor = n % 2 == 0 ? TestServers.ADMIN : SECOND_ADMIN;
        String token = adminTokens.get(actor);
        String reason = "call-" + n; // unique: finds the call's audit event
        int kind = random.nextInt(10);
        if (kind < 4) {
            String id = sessions.get(random.nextInt(sessions.size()));
            boolean allDevices = random.nextBoolean();
            boolean block = random.nextInt(3) == 0;
            String body = Json.GSON.toJson(LogoutRequest.of(allDevices, block, reason));
            return () -> record(n, actor, "session", ownerOfSession.get(id), allDevices, block, reason,
                    raw.post("/api/v1/sessions/" + id + "/logout", token, body));
        }
        String user = USERS.get(random.nextInt(USERS.size()));
        String body = Json.GSON.toJson(new ReasonRequest(reason));
        if (kind < 6) {
            return () -> record(n, actor, "logout", user, true, false, reason,
                    raw.post("/api/v1/users/" + user + "/logout", token, body));
        }
        if (kind < 8) {
            return () -> record(n, actor, "block", user, true, true, reason,
                    raw.post("/api/v1/users/" + user + "/block", token, body));
        }
        return () -> record(n, actor, "unblock", user, false, false, null,
                raw.post("/api/v1/users/" + user + "/unblock", token, null));
    }

    /** A user logging in again meanwhile: 201, or 403 when a block came first. */
    private Callable<Integer> lateLogin(int n) {
        String user = USERS.get(n % USERS.size());
        String body = Json.GSON.toJson(Api.device(user, TestUsers.PASSWORD, "Family", "1.0", "late-" + user + "-" + n,
                "iPhone 15", "iOS 17", "Korean"));
        return () -> {
            RawHttp.Reply reply = raw.post("/api/v1/mobile/login", null, body);
            if (reply.status() == 201) {
                String id = reply.object().get("sessionId").getAsString();
                ownerOfSession.put(id, user);
                tokenOfSession.put(id, reply.object().get("token").getAsString());
            } else {
                Replies.assertError(reply, 403, "account_blocked");
            }
            return reply.status();
        };
    }

    private static Call record(int n, String actor, String kind, String username, boolean allDevices, boolean block,
            String reason, RawHttp.Reply reply) {
        assertThat(reply.status()).as("call %d %s %s: %s", n, kind, username, reply).isLessThan(500);
        JsonObject body = reply.status() == 200 ? reply.object() : null;
        if (body != null && (kind.equals("block") || block)) {
            assertThat(body.get("blocked").getAsBoolean()).as("call %d %s answers blocked", n, kind).isTrue();
        }
        if (body != null && kind.equals("unblock")) {
            assertThat(body.get("blocked").getAsBoolean()).as("call %d unblock", n).isFalse();
        }
        return new Call(n, actor, kind, username, allDevices, block, reason, reply.status(), body);
    }

    /** The list, the users' counts and the devices' own heartbeats agree; a blocked user has no session. */
    private void assertListAndDevicesAgree(Set<String> active, Map<String, User> users) {
        for (String id : ownerOfSession.keySet()) {
            RawHttp.Reply beat = raw.post("/api/v1/mobile/heartbeat", tokenOfSession.get(id), null);
            assertThat(beat.status()).as("heartbeat of %s (listed active: %s): %s", id, active.contains(id), beat)
                    .isEqualTo(active.contains(id) ? 204 : 401);
        }
        for (String user : USERS) {
            long activeOfUser = active.stream().filter(id -> ownerOfSession.get(id).equals(user)).count();
            assertThat(users.get(user).activeSessions()).isEqualTo((int) activeOfUser);
            if (users.get(user).blocked()) {
                assertThat(activeOfUser).as("active sessions of blocked %s", user).isZero();
            }
        }
    }

    private void assertEveryEndedSessionInExactlyOneEvent(Set<String> active, List<AuditEvent> events) {
        Set<String> ended = new HashSet<>(ownerOfSession.keySet());
        ended.removeAll(active);
        Map<String, Integer> endings = new HashMap<>();
        for (AuditEvent event : events) {
            for (String id : event.sessionIds()) {
                endings.merge(id, 1, Integer::sum);
                assertThat(ownerOfSession.get(id)).as("owner of %s in %s", id, event).isEqualTo(event.username());
            }
        }
        assertThat(ended).as("the calls ended sessions").isNotEmpty();
        // Which log-outs still find sessions to end depends on the race (a no-op records nothing): with
        // 600,000-iteration hashes the logins inside the race are slow, and on a loaded machine every
        // session may be ended by a block before a log-out reaches it. Blocks and unblocks must have
        // taken effect; the log-outs that did are checked below like every other ending.
        assertThat(events).extracting(AuditEvent::action).as("the calls conflicted for real")
                .contains("block", "unblock");
        assertThat(endings.keySet()).isEqualTo(ended);
        assertThat(endings.values()).allMatch(count -> count == 1);
    }

    /** Matched by the unique reason: at most one event per call, exactly one when it ended sessions. */
    private static void assertOneEventPerEffectiveCall(List<Call> calls, List<AuditEvent> events) {
        Map<String, List<AuditEvent>> eventsByReason = events.stream().filter(e -> e.reason() != null)
                .collect(Collectors.groupingBy(AuditEvent::reason));
        Set<String> reasons = calls.stream().map(Call::reason).collect(Collectors.toSet());
        assertThat(reasons).as("every event comes from a call").containsAll(eventsByReason.keySet());
        assertThat(events).filteredOn(e -> e.reason() == null).as("events with no reason are unblocks")
                .allMatch(e -> e.action().equals("unblock"));
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).isIn(TestServers.ADMIN, SECOND_ADMIN));
        for (Call call : calls) {
            if (call.reason() == null) {
                continue;
            }
            List<AuditEvent> recorded = eventsByReason.getOrDefault(call.reason(), List.of());
            assertThat(recorded).as("events of %s", call).hasSizeLessThanOrEqualTo(1);
            if (!call.endedSessionIds().isEmpty()) {
                assertThat(recorded).as("the event of %s, which ended sessions", call).hasSize(1);
            }
            for (AuditEvent event : recorded) {
                assertThat(event.actor()).isEqualTo(call.actor());
                assertThat(event.username()).isEqualTo(call.username());
                assertThat(event.action()).isEqualTo(call.expectedAction());
                if (!call.kind().equals("block")) {
                    assertThat(event.sessionIds()).containsExactlyInAnyOrderElementsOf(call.endedSessionIds());
                }
            }
        }
    }

    /**
     * Only effective changes are events: per user, block and unblock alternate starting with a
     * block, the last one is the final flag, and a user who was ever blocked has a block event.
     */
    private static void assertBlockTrail(List<Call> calls, List<AuditEvent> events, Map<String, User> users) {
        for (String user : USERS) {
            List<String> flips = events.stream().filter(e -> e.username().equals(user))
                    .map(AuditEvent::action).filter(a -> a.equals("block") || a.equals("unblock")).toList();
            for (int i = 0; i < flips.size(); i++) {
                assertThat(flips.get(i)).as("block/unblock events of %s: %s", user, flips)
                        .isEqualTo(i % 2 == 0 ? "block" : "unblock");
            }
            boolean flagFromTrail = !flips.isEmpty() && flips.get(flips.size() - 1).equals("block");
            assertThat(users.get(user).blocked()).as("blocked flag of %s against its audit trail %s", user, flips)
                    .isEqualTo(flagFromTrail);
            long unblockCalls = calls.stream().filter(c -> c.kind().equals("unblock") && c.username().equals(user)).count();
            assertThat(flips.stream().filter("unblock"::equals).count()).isLessThanOrEqualTo(unblockCalls);
            if (calls.stream().anyMatch(c -> c.username().equals(user) && c.blocks())) {
                assertThat(flips).as("a block of %s is in the log", user).contains("block");
            }
        }
    }
}

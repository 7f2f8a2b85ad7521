package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.stream.Stream;
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

    private static RawHttp raw;

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgresql");
    }

    /** One admin call as sent, and what came back. */
    record Call(int number, String actor, String kind, String username, String sessionId, boolean allDevices,
            boolean block, String reason, int status, JsonObject body) {
    }

    @ParameterizedTest
    @MethodSource("databases")
    void conflictingAdminActionsLeaveAConsistentStateAndOneAuditEventPerChange(String database) throws Exception {
        EmbeddedPostgres postgres = database.equals("postgresql") ? EmbeddedPostgres.start() : null;
        String jdbcUrl = postgres != null ? postgres.getJdbcUrl("postgres", "postgres") : TestServers.newSqliteUrl();
        try (SessionServer server = TestServers.start(jdbcUrl, false)) {
            raw = new RawHttp(server.baseUrl());
            for (String user : USERS) {
                TestUsers.add(jdbcUrl, user, "Concurrent " + user, false);
            }
            TestUsers.add(jdbcUrl, SECOND_ADMIN, "Second Admin", true);
            runScenario(server.baseUrl());
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private void runScenario(String base) throws Exception {
        Map<String, String> tokens = Map.of(
                TestServers.ADMIN, Api.adminToken(base, TestServers.ADMIN, TestServers.ADMIN_PASSWORD),
                SECOND_ADMIN, Api.adminToken(base, SECOND_ADMIN, TestUsers.PASSWORD));

        Map<String, String> ownerOfSession = new ConcurrentHashMap<>();
        Map<String, String> tokenOfSession = new ConcurrentHashMap<>();
        for (String user : USERS) {
            for (int i = 0; i < SESSIONS_PER_USER; i++) {
                MobileLoginResponse login = Api.mobileLogin(base, Api.device(user, TestUsers.PASSWORD, i % 2 == 0
                        ? "Caregiver" : "EVV", "4." + i, "dev-" + user + "-" + (i / 2), "Pixel 7", "Android 14", "English"));
                ownerOfSession.put(login.sessionId(), user);
                tokenOfSession.put(login.sessionId(), login.token());
            }
        }
        List<String> initialSessions = List.copyOf(ownerOfSession.keySet());

        Random random = new Random(20261127);
        List<java.util.concurrent.Callable<Call>> adminWork = new ArrayList<>();
        for (int n = 0; n < ADMIN_CALLS; n++) {
            adminWork.add(plan(n, random, initialSessions, ownerOfSession, tokens));
        }
        List<java.util.concurrent.Callable<Integer>> mobileWork = new ArrayList<>();
        for (int n = 0; n < MOBILE_LOGINS; n++) {
            String user = USERS.get(n % USERS.size());
            String deviceId = "late-" + user + "-" + n;
            mobileWork.add(() -> {
                RawHttp.Reply reply = raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(Api.device(user,
                        TestUsers.PASSWORD, "Family", "1.0", deviceId, "iPhone 15", "iOS 17", "Korean")));
                if (reply.status() == 201) {
                    String id = reply.object().get("sessionId").getAsString();
                    ownerOfSession.put(id, user);
                    tokenOfSession.put(id, reply.object().get("token").getAsString());
                } else {
                    Replies.assertError(reply, 403, "account_blocked");
                }
                return reply.status();
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Call>> adminFutures = new ArrayList<>();
        List<Future<Integer>> mobileFutures = new ArrayList<>();
        try {
            for (int i = 0; i < ADMIN_CALLS; i++) {
                java.util.concurrent.Callable<Call> work = adminWork.get(i);
                adminFutures.add(pool.submit(() -> {
                    gate.await();
                    return work.call();
                }));
                if (i % 4 == 0 && i / 4 < MOBILE_LOGINS) {
                    java.util.concurrent.Callable<Integer> login = mobileWork.get(i / 4);
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
        List<Call> calls = new ArrayList<>();
        for (Future<Call> future : adminFutures) {
            calls.add(future.get());
        }
        for (Future<Integer> future : mobileFutures) {
            assertThat(future.get()).isIn(201, 403);
        }

        // every admin call succeeded: every target exists, and ending an ended session is no error
        for (Call call : calls) {
            assertThat(call.status()).as("call %s", call).isEqualTo(200);
        }

        SessionDeskApi admin = Api.withToken(base, tokens.get(TestServers.ADMIN));
        Set<String> active = ok(admin).sessions().stream()
                .filter(s -> USERS.contains(s.username())).map(Session::id).collect(Collectors.toSet());
        Map<String, User> users = Api.ok(admin.users(null, null)).users().stream()
                .collect(Collectors.toMap(User::username, u -> u));
        Set<String> allSessions = Set.copyOf(ownerOfSession.keySet());
        Set<String> ended = new HashSet<>(allSessions);
        ended.removeAll(active);

        // the list and the devices agree on which sessions live
        for (String id : allSessions) {
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

        List<AuditEvent> events = Api.ok(admin.audit(null, 1000)).events().stream()
                .filter(e -> USERS.contains(e.username()))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();

        // every ended session is in exactly one event; no live session is in any
        Map<String, Integer> endings = new HashMap<>();
        for (AuditEvent event : events) {
            for (String id : event.sessionIds()) {
                endings.merge(id, 1, Integer::sum);
                assertThat(ownerOfSession.get(id)).as("owner of %s in %s", id, event).isEqualTo(event.username());
            }
        }
        assertThat(ended).as("the calls ended sessions").isNotEmpty();
        assertThat(events).extracting(AuditEvent::action).as("the calls conflicted for real")
                .contains("block", "unblock", "logout_all");
        assertThat(endings.keySet()).isEqualTo(ended);
        assertThat(endings.values()).allMatch(count -> count == 1);

        // one event per call, matched by its unique reason: same actor, action, user and sessions
        Map<String, Call> callByReason = calls.stream().filter(c -> c.reason() != null)
                .collect(Collectors.toMap(Call::reason, c -> c));
        Map<String, List<AuditEvent>> eventsByReason = events.stream().filter(e -> e.reason() != null)
                .collect(Collectors.groupingBy(AuditEvent::reason));
        assertThat(callByReason.keySet()).containsAll(eventsByReason.keySet());
        for (Call call : callByReason.values()) {
            List<AuditEvent> recorded = eventsByReason.getOrDefault(call.reason(), List.of());
            assertThat(recorded).as("events of %s", call).hasSizeLessThanOrEqualTo(1);
            List<String> endedByCall = endedSessionIds(call);
            if (!endedByCall.isEmpty()) {
                assertThat(recorded).as("the event of %s, which ended sessions", call).hasSize(1);
            }
            if (!recorded.isEmpty()) {
                AuditEvent event = recorded.get(0);
                assertThat(event.actor()).isEqualTo(call.actor());
                assertThat(event.username()).isEqualTo(call.username());
                assertThat(event.action()).isEqualTo(expectedAction(call));
                if (!call.kind().equals("block")) { // the block route answers the User, not the ended ids
                    assertThat(event.sessionIds()).containsExactlyInAnyOrderElementsOf(endedByCall);
                }
            }
        }
        assertThat(events.stream().filter(e -> e.reason() == null && !e.action().equals("unblock")))
                .as("events with no reason are unblocks").isEmpty();

        // block / unblock: the log replayed gives each user's final flag; no more unblocks than calls
        for (String user : USERS) {
            boolean flag = false;
            for (AuditEvent event : events) {
                if (event.username().equals(user) && event.action().equals("block")) {
                    flag = true;
                } else if (event.username().equals(user) && event.action().equals("unblock")) {
                    flag = false;
                }
            }
            assertThat(users.get(user).blocked()).as("blocked flag of %s against its audit trail", user).isEqualTo(flag);
            // only effective changes are events: block and unblock alternate, starting with a block
            List<String> flips = events.stream().filter(e -> e.username().equals(user))
                    .map(AuditEvent::action).filter(a -> a.equals("block") || a.equals("unblock")).toList();
            for (int i = 0; i < flips.size(); i++) {
                assertThat(flips.get(i)).as("block/unblock events of %s: %s", user, flips)
                        .isEqualTo(i % 2 == 0 ? "block" : "unblock");
            }
            long unblockCalls = calls.stream().filter(c -> c.kind().equals("unblock") && c.username().equals(user)).count();
            long unblockEvents = events.stream().filter(e -> e.action().equals("unblock") && e.username().equals(user)).count();
            assertThat(unblockEvents).isLessThanOrEqualTo(unblockCalls);
            boolean blockedEver = calls.stream().anyMatch(c -> c.username().equals(user)
                    && (c.kind().equals("block") || c.block()));
            if (blockedEver) {
                assertThat(events).as("a block of %s is in the log", user)
                        .anyMatch(e -> e.username().equals(user) && e.action().equals("block"));
            }
        }
        // a block call answers blocked; every audit event has an admin as actor
        for (Call call : calls) {
            if (call.kind().equals("block")) {
                assertThat(call.body().get("blocked").getAsBoolean()).isTrue();
            } else if (call.kind().equals("session") && call.block()) {
                assertThat(call.body().get("blocked").getAsBoolean()).isTrue();
            } else if (call.kind().equals("unblock")) {
                assertThat(call.body().get("blocked").getAsBoolean()).isFalse();
            }
        }
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).isIn(TestServers.ADMIN, SECOND_ADMIN));
    }

    private static java.util.concurrent.Callable<Call> plan(int n, Random random, List<String> sessions,
            Map<String, String> ownerOfSession, Map<String, String> tokens) {
        String actor = n % 2 == 0 ? TestServers.ADMIN : SECOND_ADMIN;
        String token = tokens.get(actor);
        String reason = "call-" + n;
        int kind = random.nextInt(10);
        if (kind < 4) {
            String id = sessions.get(random.nextInt(sessions.size()));
            boolean allDevices = random.nextBoolean();
            boolean block = random.nextInt(3) == 0;
            String body = Json.GSON.toJson(LogoutRequest.of(allDevices, block, reason));
            return () -> record(n, actor, "session", ownerOfSession.get(id), id, allDevices, block, reason,
                    raw.post("/api/v1/sessions/" + id + "/logout", token, body));
        }
        String user = USERS.get(random.nextInt(USERS.size()));
        if (kind < 6) {
            String body = Json.GSON.toJson(new ReasonRequest(reason));
            return () -> record(n, actor, "logout", user, null, true, false, reason,
                    raw.post("/api/v1/users/" + user + "/logout", token, body));
        }
        if (kind < 8) {
            String body = Json.GSON.toJson(new ReasonRequest(reason));
            return () -> record(n, actor, "block", user, null, true, true, reason,
                    raw.post("/api/v1/users/" + user + "/block", token, body));
        }
        return () -> record(n, actor, "unblock", user, null, false, false, null,
                raw.post("/api/v1/users/" + user + "/unblock", token, null));
    }

    private static Call record(int n, String actor, String kind, String username, String sessionId,
            boolean allDevices, boolean block, String reason, RawHttp.Reply reply) {
        assertThat(reply.status()).as("call %d %s %s: %s", n, kind, username, reply).isLessThan(500);
        JsonObject body = reply.status() == 200 ? reply.object() : null;
        return new Call(n, actor, kind, username, sessionId, allDevices, block, reason, reply.status(), body);
    }

    private static List<String> endedSessionIds(Call call) {
        JsonElement ids = call.body().get("endedSessionIds");
        if (ids == null) {
            return List.of(); // block answers the User
        }
        List<String> result = new ArrayList<>();
        for (JsonElement id : (JsonArray) ids) {
            result.add(id.getAsString());
        }
        return Collections.unmodifiableList(result);
    }

    private static String expectedAction(Call call) {
        return switch (call.kind()) {
            case "session" -> call.block() ? "block" : call.allDevices() ? "logout_all" : "logout_session";
            case "logout" -> "logout_all";
            default -> call.kind();
        };
    }

    private static com.sessiondesk.api.SessionList ok(SessionDeskApi admin) {
        return Api.ok(admin.sessions(null, null, null));
    }
}

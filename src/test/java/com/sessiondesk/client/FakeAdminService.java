package com.sessiondesk.client;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.client.service.AdminService;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An in-memory AdminService for view-model tests: returns what the test put in, records calls. */
public final class FakeAdminService implements AdminService {

    public final List<Session> sessions = new ArrayList<>();
    public final List<User> users = new ArrayList<>();
    public final List<AuditEvent> events = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public Exception failNext;
    /** Every sessionsOf call fails with this (a server that stays unreachable). */
    public Exception failSessionsOf;
    /** The next sessionsOf calls fail with these, one each, in order (a server that comes back). */
    public final Deque<Exception> sessionsOfFailures = new ArrayDeque<>();
    /** Whether auditOf reports deliveries (as the session service does). */
    public boolean tracksDeliveries;
    public LogoutResult logoutResult;
    public LogoutRequest lastLogoutRequest;
    public int sessionLoads;
    /** The cursor a session list answers with; null: a server without a change feed. */
    public String cursor = "c0";
    /** What the next changes calls answer, in order (empty: no change, same cursor). */
    public final Deque<SessionChanges> changes = new ArrayDeque<>();
    public final List<String> changesAskedSince = new ArrayList<>();
    public BulkLogoutRequest lastBulkRequest;
    public BulkLogoutResult bulkResult;
    public Instant lastBlockUntil;
    /** Runs inside the next changes call (a test's way to act while the answer is on its way). */
    public Runnable duringChanges;

    public static Session session(String id, String username, String name, String model, String app,
                                  Instant lastSeen, int unsynced, boolean superseded) {
        return new Session(id, username, name, "dev-" + username + "-" + model, model, "Android 14", app, "3.2.0",
                "English", lastSeen.minusSeconds(3600), lastSeen, unsynced, superseded);
    }

    public static User user(String username, String name, boolean blocked, int sessions) {
        return new User(username, name, false, blocked, blocked ? Instant.parse("2026-11-20T10:00:00Z") : null,
                blocked ? "admin" : null, blocked ? "Lost phone" : null, sessions);
    }

    private void maybeFail() throws Exception {
        if (failNext != null) {
            Exception e = failNext;
            failNext = null;
            throw e;
        }
    }

    @Override
    public UserIdentity admin() {
        return new UserIdentity("admin", "Administrator");
    }

    @Override
    public String serverLabel() {
        return "fake";
    }

    @Override
    public SessionList sessions() throws Exception {
        calls.add("sessions");
        sessionLoads++;
        maybeFail();
        return new SessionList(List.copyOf(sessions), cursor);
    }

    @Override
    public SessionChanges changes(String since) throws Exception {
        calls.add("changes " + since);
        changesAskedSince.add(since);
        if (duringChanges != null) {
            Runnable action = duringChanges;
            duringChanges = null;
            action.run();
        }
        maybeFail();
        SessionChanges next = changes.poll();
        return next != null ? next : new SessionChanges(List.of(), List.of(), List.of(), since);
    }

    /** Whether this "server" has the push form; without it followChanges answers 404. */
    public boolean push;
    public int streamsOpened;

    @Override
    public void followChanges(String since, java.util.function.Consumer<SessionChanges> onChanges) throws Exception {
        calls.add("stream " + since);
        if (!push) {
            throw new retrofit2.HttpException(retrofit2.Response.error(404,
                    okhttp3.ResponseBody.create(okhttp3.MediaType.get("application/json"), "{\"error\":\"not_found\"}")));
        }
        streamsOpened++;
        maybeFail();
        for (SessionChanges next; (next = changes.poll()) != null; ) {
            onChanges.accept(next); // then the service closes the stream
        }
    }

    @Override
    public BulkLogoutResult logoutSessions(BulkLogoutRequest request) throws Exception {
        calls.add("logoutSessions " + request.sessionIds().size());
        lastBulkRequest = request;
        maybeFail();
        return bulkResult != null ? bulkResult : new BulkLogoutResult(request.sessionIds(), List.of(), List.of());
    }

    @Override
    public User blockUser(String username, String reason, Instant until) throws Exception {
        calls.add("blockUser " + username + " " + reason);
        lastBlockUntil = until;
        maybeFail();
        return user(username, username, true, 0);
    }

    /** What alerts() answers; acknowledgeAlert marks one of them as acknowledged by "admin". */
    public final List<com.sessiondesk.api.Alert> alerts = new ArrayList<>();
    /** What blockedDevices() answers; blockDevice adds to it, unblockDevice removes from it. */
    public final List<com.sessiondesk.api.DeviceBlock> blockedDevices = new ArrayList<>();
    public Instant lastDeviceBlockUntil;

    @Override
    public List<com.sessiondesk.api.Alert> alerts() throws Exception {
        calls.add("alerts");
        maybeFail();
        return List.copyOf(alerts);
    }

    @Override
    public com.sessiondesk.api.Alert acknowledgeAlert(long id) throws Exception {
        calls.add("acknowledgeAlert " + id);
        maybeFail();
        for (int i = 0; i < alerts.size(); i++) {
            var a = alerts.get(i);
            if (a.id() == id) {
                var done = new com.sessiondesk.api.Alert(a.id(), a.kind(), a.username(), a.deviceId(), a.deviceModel(),
                        a.address(), a.count(), a.firstAt(), a.lastAt(), "admin", Instant.parse("2026-11-27T15:10:00Z"));
                alerts.set(i, done);
                return done;
            }
        }
        throw new retrofit2.HttpException(retrofit2.Response.error(404,
                okhttp3.ResponseBody.create(okhttp3.MediaType.get("application/json"), "{\"error\":\"not_found\",\"message\":\"no such alert\"}")));
    }

    @Override
    public com.sessiondesk.api.DeviceBlockResult blockDevice(String deviceId, String reason, Instant until) throws Exception {
        calls.add("blockDevice " + deviceId + " " + reason);
        lastDeviceBlockUntil = until;
        maybeFail();
        List<String> ended = sessions.stream().filter(x -> deviceId.equals(x.deviceId())).map(Session::id).toList();
        var block = new com.sessiondesk.api.DeviceBlock(deviceId, "model", "Android 14", "someone", "admin", reason,
                Instant.parse("2026-11-27T15:10:00Z"), until);
        blockedDevices.add(0, block);
        return new com.sessiondesk.api.DeviceBlockResult(block, ended);
    }

    @Override
    public void unblockDevice(String deviceId) throws Exception {
        calls.add("unblockDevice " + deviceId);
        maybeFail();
        blockedDevices.removeIf(d -> d.deviceId().equals(deviceId));
    }

    @Override
    public List<com.sessiondesk.api.DeviceBlock> blockedDevices() throws Exception {
        calls.add("blockedDevices");
        maybeFail();
        return List.copyOf(blockedDevices);
    }

    @Override
    public LogoutResult logoutSession(String sessionId, LogoutRequest request) throws Exception {
        calls.add("logoutSession " + sessionId);
        lastLogoutRequest = request;
        maybeFail();
        return logoutResult != null ? logoutResult : new LogoutResult(List.of(sessionId), false);
    }

    @Override
    public List<User> users(Boolean blocked) throws Exception {
        calls.add("users " + blocked);
        maybeFail();
        return users.stream().filter(u -> blocked == null || u.blocked() == blocked).toList();
    }

    @Override
    public LogoutResult logoutUser(String username, String reason) throws Exception {
        calls.add("logoutUser " + username + " " + reason);
        maybeFail();
        return new LogoutResult(List.of("a", "b"), false);
    }

    @Override
    public User unblockUser(String username) throws Exception {
        calls.add("unblockUser " + username);
        maybeFail();
        return user(username, username, false, 0);
    }

    @Override
    public List<AuditEvent> audit(int limit) throws Exception {
        calls.add("audit " + limit);
        maybeFail();
        return List.copyOf(events);
    }

    /** Pages of {@link #events} (newest first) of one kind; the cursor is the last id handed out. */
    @Override
    public com.sessiondesk.api.AuditList auditPage(boolean security, String before, int limit) throws Exception {
        calls.add("auditPage " + (security ? "security" : "action") + " " + before + " " + limit);
        maybeFail();
        long below = before == null ? Long.MAX_VALUE : Long.parseLong(before);
        List<AuditEvent> matching = events.stream().filter(e -> e.security() == security && e.id() < below).toList();
        List<AuditEvent> page = matching.subList(0, Math.min(limit, matching.size()));
        String next = matching.size() > limit ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new com.sessiondesk.api.AuditList(List.copyOf(page), next);
    }

    /** How many other admin sessions a password change ends here. */
    public int otherAdminSessions;

    @Override
    public int changePassword(String currentPassword, String newPassword) throws Exception {
        calls.add("changePassword");
        maybeFail();
        return otherAdminSessions;
    }

    @Override
    public List<Session> sessionsOf(String username) throws Exception {
        calls.add("sessionsOf " + username);
        maybeFail();
        if (failSessionsOf != null) {
            throw failSessionsOf;
        }
        if (!sessionsOfFailures.isEmpty()) {
            throw sessionsOfFailures.poll();
        }
        return sessions.stream().filter(s -> s.username().equals(username)).toList();
    }

    @Override
    public List<AuditEvent> auditOf(String username, int limit) throws Exception {
        calls.add("auditOf " + username);
        maybeFail();
        return events.stream().filter(e -> username.equals(e.username())).toList();
    }

    @Override
    public boolean tracksDeliveries() {
        return tracksDeliveries;
    }

    @Override
    public void signOut() {
        calls.add("signOut");
    }
}

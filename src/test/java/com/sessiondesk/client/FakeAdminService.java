package com.sessiondesk.client;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.client.service.AdminService;
import java.time.Instant;
import java.util.ArrayList;
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
    public LogoutResult logoutResult;
    public LogoutRequest lastLogoutRequest;
    public int sessionLoads;

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
    public List<Session> sessions() throws Exception {
        calls.add("sessions");
        sessionLoads++;
        maybeFail();
        return List.copyOf(sessions);
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

    @Override
    public void changePassword(String currentPassword, String newPassword) throws Exception {
        calls.add("changePassword");
        maybeFail();
    }

    @Override
    public List<Session> sessionsOf(String username) throws Exception {
        calls.add("sessionsOf " + username);
        maybeFail();
        if (failSessionsOf != null) {
            throw failSessionsOf;
        }
        return sessions.stream().filter(s -> s.username().equals(username)).toList();
    }

    @Override
    public User blockUser(String username, String reason) throws Exception {
        calls.add("blockUser " + username + " " + reason);
        maybeFail();
        return user(username, username, true, 0);
    }

    @Override
    public List<AuditEvent> auditOf(String username, int limit) throws Exception {
        calls.add("auditOf " + username);
        maybeFail();
        return events.stream().filter(e -> username.equals(e.username())).toList();
    }

    @Override
    public void signOut() {
        calls.add("signOut");
    }
}

package com.sessiondesk.client.logout;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import java.util.ArrayList;
import com.sessiondesk.client.common.Formats;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a log out is about: one session (from Active Sessions) or every session of a user (from
 * User Accounts, {@code session} null), with the user's sessions the client knows.
 *
 * @param knownTotal how many active sessions the user has, at least as many as listed
 */
record LogoutTarget(Session session, String username, String name, int knownTotal, List<Session> userSessions) {

    LogoutTarget {
        userSessions = List.copyOf(userSessions);
        knownTotal = Math.max(knownTotal, userSessions.size());
    }

    /** One session, with every active session of the same user the client knows (this one added if missing). */
    static LogoutTarget ofSession(Session session, List<Session> userSessions) {
        List<Session> all = new ArrayList<>(userSessions);
        if (all.stream().noneMatch(s -> s.id().equals(session.id()))) {
            all.add(session);
        }
        return new LogoutTarget(session, session.username(), session.name(), 0, all);
    }

    /** Every session of a user. */
    static LogoutTarget ofUser(User user, List<Session> userSessions) {
        return new LogoutTarget(null, user.username(), user.name(), user.activeSessions(), userSessions);
    }

    /**
     * Log out after sync is offered for a session (not already ending) when the devices it would log
     * out reported unsynced items; the immediate log out keeps the seed's warning.
     */
    boolean offersAfterSync(boolean everySession) {
        if (session == null || session.ending()) {
            return false;
        }
        return targetIds(everySession).stream().anyMatch(id -> userSessions.stream()
                .anyMatch(s -> s.id().equals(id) && s.pendingSyncItems() > 0));
    }

    boolean isUser() {
        return session == null;
    }

    /** The sessions a log out ends: this one, or with every session all of the user's. */
    Set<String> targetIds(boolean everySession) {
        Set<String> ids = new HashSet<>();
        if (session != null && !everySession) {
            ids.add(session.id());
        } else {
            userSessions.forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    /** Distinct devices among these sessions; a session this client did not list counts as one. */
    int devicesOf(List<String> sessionIds) {
        Map<String, String> deviceOfSession = new HashMap<>();
        for (Session s : userSessions) {
            deviceOfSession.put(s.id(), s.deviceId());
        }
        Set<String> devices = new HashSet<>();
        for (String id : sessionIds) {
            String device = deviceOfSession.get(id);
            devices.add(device != null ? "device:" + device : "session:" + id);
        }
        return devices.size();
    }

    String displayName() {
        return Formats.displayName(name, username);
    }
}

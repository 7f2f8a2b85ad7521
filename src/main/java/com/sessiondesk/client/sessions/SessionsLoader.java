package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.service.AdminService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loading Active Sessions, in the background: the sessions, which of their users are blocked (row
 * markers), sorted in the table's order. All hashing of the 100,000 strings happens here, none on
 * the FX thread.
 */
final class SessionsLoader {

    /** What a reload brings: the rows in the table's order, the applications, users and the feed's cursor. */
    record Loaded(List<SessionRow> rows, List<String> applications, List<String> languages, int userCount, String cursor,
                  Map<String, SessionRow> byId, Map<String, Integer> userIds, Map<String, String> devices,
                  Map<String, Instant> blocks) {
    }

    private SessionsLoader() {
    }

    /** @param order the table's order; null keeps the server's */
    static Loaded load(AdminService service, Comparator<SessionRow> order) throws Exception {
        SessionList list = service.sessions();
        List<Session> sessions = list.sessions();
        StartupTrace.mark("sessions fetched: " + sessions.size());
        Map<String, Instant> blocked = blockedUsernames(service);
        List<SessionRow> loaded = new ArrayList<>(sessions.size());
        Map<String, SessionRow> byId = new HashMap<>(sessions.size() * 2);
        Set<String> apps = new HashSet<>();
        Set<String> langs = new HashSet<>();
        Map<String, Integer> userIds = new HashMap<>();
        Map<String, String> devices = new HashMap<>(); // a few hundred models: one string each
        for (Session session : sessions) {
            String device = devices.computeIfAbsent(session.deviceModel() + '\n' + session.deviceOs(),
                    k -> SessionRow.device(session.deviceModel(), session.deviceOs()));
            String username = SessionRow.text(session.username());
            Integer userId = userIds.get(username);
            if (userId == null) {
                userId = userIds.size();
                userIds.put(username, userId);
            }
            SessionRow row = SessionRow.of(session, blocked.containsKey(username), device, userId);
            loaded.add(row);
            byId.put(row.id(), row);
            apps.add(SessionRow.text(session.application()));
            langs.add(SessionRow.text(session.language()));
        }
        if (order != null) {
            loaded.sort(order);
        }
        return new Loaded(loaded, sortedChoices(apps), sortedChoices(langs), userIds.size(), list.cursor(), byId, userIds,
                devices, blocked);
    }

    private static List<String> sortedChoices(Set<String> values) {
        values.remove("");
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        return sorted;
    }

    /**
     * The blocked accounts and the ends of their blocks (null: until unblocked). The blocked
     * marker is a decoration: if this small lookup fails, the sessions still show.
     */
    private static Map<String, Instant> blockedUsernames(AdminService service) {
        try {
            Map<String, Instant> names = new HashMap<>();
            for (User user : service.users(true)) {
                names.put(user.username(), user.blockedUntil());
            }
            return names;
        } catch (Exception e) {
            return new HashMap<>();
        }
    }
}

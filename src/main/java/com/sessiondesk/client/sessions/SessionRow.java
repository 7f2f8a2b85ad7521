package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import java.util.Locale;

/**
 * One row of the Active Sessions table: the session as the server sent it plus the few strings
 * the table needs again and again, computed once (a 100,000-row table stays lean and fast).
 *
 * @param device "Galaxy A54 · Android 14"
 * @param searchKey lowercase username, name and device, for the search field
 * @param userBlocked the account is blocked (a row marker)
 */
public record SessionRow(Session session, String device, String searchKey, boolean userBlocked) {

    public static SessionRow of(Session session, boolean userBlocked) {
        String device = device(session.deviceModel(), session.deviceOs());
        String key = (text(session.username()) + '\n' + text(session.name()) + '\n' + device).toLowerCase(Locale.ROOT);
        return new SessionRow(session, device, key, userBlocked);
    }

    public String id() {
        return session.id();
    }

    public String username() {
        return text(session.username());
    }

    public String name() {
        return text(session.name());
    }

    public String application() {
        return text(session.application());
    }

    public boolean matches(String lowercaseQuery) {
        return searchKey.contains(lowercaseQuery);
    }

    static String device(String model, String os) {
        String m = text(model).trim();
        String o = text(os).trim();
        if (m.isEmpty() || o.isEmpty()) {
            return m + o;
        }
        return m + " · " + o;
    }

    /** The server may omit optional text; the table shows nothing rather than "null". */
    static String text(String value) {
        return value == null ? "" : value;
    }
}

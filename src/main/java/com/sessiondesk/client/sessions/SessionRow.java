package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import java.util.Locale;

/**
 * One row of the Active Sessions table: the session as the server sent it plus the few strings
 * the table needs again and again, computed once (a 100,000-row table stays lean and fast). Rows
 * compare by identity (see {@link #equals}).
 *
 * @param device "Galaxy A54 · Android 14"
 * @param searchKey lowercase username, name and device, for the search field
 * @param userBlocked the account is blocked (a row marker)
 * @param userId a number per distinct username within one load (counting users needs no hashing)
 */
public record SessionRow(Session session, String device, String searchKey, boolean userBlocked, int userId) {

    public static SessionRow of(Session session, boolean userBlocked) {
        return of(session, userBlocked, device(session.deviceModel(), session.deviceOs()), 0);
    }

    /** @param device the shown device text, shared by the rows of the same model and OS */
    static SessionRow of(Session session, boolean userBlocked, String device, int userId) {
        String key = (text(session.username()) + '\n' + text(session.name()) + '\n' + device).toLowerCase(Locale.ROOT);
        return new SessionRow(session, device, key, userBlocked, userId);
    }

    /**
     * A row is one snapshot of a session: equal only to itself. The TableView looks its focused and
     * selected rows up by {@code equals} over all 100,000 rows whenever a row is replaced in place;
     * a record's value comparison made each of those walks tens of milliseconds, this one a fraction.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The same row with the account's block marker set or cleared. */
    public SessionRow withBlocked(boolean blocked) {
        return blocked == userBlocked ? this : new SessionRow(session, device, searchKey, blocked, userId);
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

package com.sessiondesk.server.service;

import com.sessiondesk.server.store.ActiveSessionRow;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.ListAtCursor;
import com.sessiondesk.server.store.Superseded;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Active Sessions list: the rows of one snapshot, each with its superseded flag, searched by {@code q}. */
public final class SessionListService {

    /** One listed session: its row and whether a newer session of its user, app and device supersedes it. */
    public record Listed(ActiveSessionRow row, boolean superseded) {
    }

    /** The rows of a list, newest Last Seen first, and the change feed's cursor at the moment of the list. */
    public record Listing(List<Listed> sessions, String cursor) {
    }

    private final JdbcStore store;

    public SessionListService(JdbcStore store) {
        this.store = store;
    }

    /**
     * Active sessions; null filters match everything. {@code q} matches the username, the name, the
     * device model or its OS, ignoring case. Superseded needs every session of a (user, app, device)
     * group, so q is applied after it: the username and application filters keep or drop whole groups,
     * q might split one.
     */
    public Listing list(String username, String application, String q) {
        ListAtCursor list = store.activeSessionRowsWithCursor(username, application);
        List<ActiveSessionRow> rows = list.rows();
        boolean[] superseded = Superseded.flags(rows);
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        List<Listed> shown = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ActiveSessionRow row = rows.get(i);
            if (needle == null || matches(row, needle)) {
                shown.add(new Listed(row, superseded[i]));
            }
        }
        return new Listing(shown, list.cursor());
    }

    static boolean matches(ActiveSessionRow row, String needle) {
        return contains(row.username(), needle) || contains(row.name(), needle)
                || contains(row.deviceModel(), needle) || contains(row.deviceOs(), needle);
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}

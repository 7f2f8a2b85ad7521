package com.sessiondesk.server.store;

import com.sessiondesk.api.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads of the Active Sessions view: the whole list (fast at 100,000 rows) and one session. */
final class ActiveSessionQueries {

    private static final String SESSION_COLUMNS = "s.user_id, s.id, u.username, u.name, s.device_id, s.device_model, "
            + "s.device_os, s.application, s.app_version, s.language, s.login_at, s.last_seen_at, s.pending_sync_items, "
            + "s.address, s.end_after, s.new_device, s.new_address";

    /** Separates the text columns packed into one by {@link #activeSessionRows}; never in a value (see Fields). */
    static final char UNIT_SEPARATOR = '\u001f';
    private static final String PACKED_TEXT = String.join(" || '" + UNIT_SEPARATOR + "' || ",
            "id", "device_id", "device_model", "device_os", "application", "app_version", "language");

    private final Database db;

    ActiveSessionQueries(Database db) {
        this.db = db;
    }

    /**
     * Two sequential scans and a sort in memory: for 100,000 rows much faster than an index-ordered
     * join. {@code +ended_at} keeps SQLite from walking the partial index row by row (ten times
     * slower than scanning the table), and the seven text columns come packed in one, because the
     * driver's per-column cost, not the database, dominated.
     */
    List<ActiveSessionRow> activeSessionRows(String username, String application) {
        return db.read(c -> rows(c, username, application));
    }

    /** How many sessions are active: a count of the partial index {@code sessions_active_by_user}. */
    long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The rows and the feed's cursor at their moment, read in one snapshot (see {@link SessionFeed}). */
    ListAtCursor activeSessionRowsWithCursor(String username, String application) {
        return db.snapshot(c -> {
            String cursor = SessionFeed.position(c).cursor();
            return new ListAtCursor(rows(c, username, application), cursor);
        });
    }

    private static List<ActiveSessionRow> rows(Connection c, String username, String application) throws SQLException {
        {
            Long onlyUser = null;
            if (username != null) {
                onlyUser = Users.idOf(c, username);
                if (onlyUser == null) {
                    return List.<ActiveSessionRow>of();
                }
            }
            String sql = "SELECT user_id, login_at, last_seen_at, pending_sync_items, " + PACKED_TEXT + ", address, end_after, new_device, new_address"
                    // one user's sessions: through the partial index; all: by scanning the table
                    + (onlyUser != null ? " FROM sessions WHERE ended_at IS NULL AND user_id = ?"
                            : " FROM sessions WHERE +ended_at IS NULL")
                    + (application != null ? " AND application = ?" : "");
            Map<Long, String[]> names = userNames(c, onlyUser);
            List<ActiveSessionRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(5000);
                int index = 1;
                if (onlyUser != null) {
                    ps.setLong(index++, onlyUser);
                }
                if (application != null) {
                    ps.setString(index, application);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String[] text = new String[7];
                    while (rs.next()) {
                        long userId = rs.getLong(1);
                        String[] user = names.get(userId);
                        if (user == null) { // created after the users were read
                            user = userNames(c, userId).get(userId);
                            names.put(userId, user);
                        }
                        unpack(rs.getString(5), text);
                        Long endAfter = endAfter(rs.getLong(7), rs.wasNull());
                        rows.add(new ActiveSessionRow(userId, text[0], user[0], user[1], text[1], text[2], text[3],
                                text[4], text[5], text[6], rs.getLong(2), rs.getLong(3), rs.getInt(4),
                                rs.getString(6), endAfter, rs.getInt(8) != 0, rs.getInt(9) != 0));
                    }
                }
            }
            rows.sort(NEWEST_LAST_SEEN_FIRST);
            return rows;
        }
    }

    private static void unpack(String packed, String[] into) {
        int start = 0;
        for (int i = 0; i < into.length - 1; i++) {
            int end = packed.indexOf(UNIT_SEPARATOR, start);
            into[i] = packed.substring(start, end);
            start = end + 1;
        }
        into[into.length - 1] = packed.substring(start);
    }

    private static final Comparator<ActiveSessionRow> NEWEST_LAST_SEEN_FIRST =
            Comparator.comparingLong(ActiveSessionRow::lastSeen).reversed().thenComparing(ActiveSessionRow::id);

    /** user id -> {username, name}; all users, or only {@code onlyUser}. */
    private static Map<Long, String[]> userNames(Connection c, Long onlyUser) throws SQLException {
        Map<Long, String[]> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, name FROM users"
                + (onlyUser != null ? " WHERE id = ?" : ""))) {
            ps.setFetchSize(5000);
            if (onlyUser != null) {
                ps.setLong(1, onlyUser);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return names;
    }

    private static ActiveSessionRow toRow(ResultSet rs) throws SQLException {
        return new ActiveSessionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getInt(13), rs.getString(14),
                endAfter(rs.getLong(15), rs.wasNull()), rs.getInt(16) != 0, rs.getInt(17) != 0);
    }

    private static Long endAfter(long value, boolean wasNull) {
        return wasNull ? null : value;
    }

    Optional<Session> activeSession(String sessionId) {
        return db.read(c -> {
            ActiveSessionRow row;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.ended_at IS NULL")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Session>empty();
                    }
                    row = toRow(rs);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sessions WHERE user_id = ? AND "
                    + "application = ? AND device_id = ? AND ended_at IS NULL AND login_at > ?")) {
                ps.setLong(1, row.userId());
                ps.setString(2, row.application());
                ps.setString(3, row.deviceId());
                ps.setLong(4, row.loginTime());
                try (ResultSet rs = ps.executeQuery()) {
                    return Optional.of(row.toSession(rs.next()));
                }
            }
        });
    }
}

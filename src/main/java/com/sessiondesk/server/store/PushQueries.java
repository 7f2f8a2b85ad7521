package com.sessiondesk.server.store;

import com.sessiondesk.api.Delivery;
import com.sessiondesk.server.store.Records.SessionSignal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of push to the device: sessions made <em>ending</em> by a log out after sync,
 * what the device streams poll, and when each device was told ({@code deliveries}).
 */
final class PushQueries {

    /** What a device stream needs of a session, with the end of a time-limited block (null: none). */
    private static final String SIGNAL_COLUMNS = "s.id, s.ended_at, s.end_after, s.end_reason, u.blocked, "
            + "u.blocked_until FROM sessions s JOIN users u ON u.id = s.user_id";

    private final Database db;

    PushQueries(Database db) {
        this.db = db;
    }

    // --- inside the admin actions' transactions ---

    /**
     * Makes the still active, not yet ending sessions among {@code ids} ending: they end once their
     * device reported 0 unsynced items, or at {@code deadline}. Returns those this call changed.
     */
    static List<String> startEnding(Connection c, List<String> ids, String actor, String reason, long now,
            long deadline) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET end_after = ?, ending_at = ?, "
                + "ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL AND end_after IS NULL")) {
            for (String id : ids) {
                ps.setLong(1, deadline);
                ps.setLong(2, now);
                ps.setString(3, actor);
                ps.setString(4, reason);
                ps.setString(5, id);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (counts[i] > 0) {
                changed.add(ids.get(i));
            }
        }
        SessionFeed.changed(c, changed, now); // the live consoles show their syncDeadline
        return changed;
    }

    /**
     * Ending sessions whose deadline has passed get their {@code ended_at} (the deadline), and their
     * rows in the change feed, in the caller's transaction.
     */
    static int finishDue(Connection c, long now) throws SQLException {
        List<String[]> due = new ArrayList<>(); // id, ended_by, end_reason
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ended_by, end_reason FROM sessions "
                + "WHERE ended_at IS NULL AND end_after IS NOT NULL AND end_after <= ? ORDER BY id")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET ended_at = end_after "
                + "WHERE id = ? AND ended_at IS NULL AND end_after IS NOT NULL")) {
            for (String[] row : due) {
                ps.setString(1, row[0]);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        Map<List<String>, List<String>> endedByWhoAndWhy = new LinkedHashMap<>();
        int ended = 0;
        for (int i = 0; i < due.size(); i++) {
            if (counts[i] > 0) {
                String[] row = due.get(i);
                endedByWhoAndWhy.computeIfAbsent(Arrays.asList(row[1], row[2]), k -> new ArrayList<>()).add(row[0]);
                ended++;
            }
        }
        for (Map.Entry<List<String>, List<String>> group : endedByWhoAndWhy.entrySet()) {
            SessionFeed.ended(c, group.getValue(), group.getKey().get(0), group.getKey().get(1), now);
        }
        return ended;
    }

    /** One waiting delivery per session the audit event {@code auditId} ended or made ending. */
    static void insertDeliveries(Connection c, long auditId, List<String> sessionIds, long now) throws SQLException {
        if (sessionIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (audit_id, session_id, created_at) "
                + "VALUES (?, ?, ?)")) {
            for (String id : sessionIds) {
                ps.setLong(1, auditId);
                ps.setString(2, id);
                ps.setLong(3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // --- on their own ---

    /** Sessions ended, or made ending, at or after {@code since} (one indexed range each). */
    List<SessionSignal> signalsSince(long since) {
        return db.read(c -> {
            List<SessionSignal> signals = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SIGNAL_COLUMNS + " WHERE s.ended_at >= ? "
                    + "UNION ALL SELECT " + SIGNAL_COLUMNS + " WHERE s.ending_at >= ? AND s.ended_at IS NULL")) {
                ps.setLong(1, since);
                ps.setLong(2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        signals.add(signal(rs));
                    }
                }
            }
            return signals;
        });
    }

    Optional<SessionSignal> signal(String sessionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SIGNAL_COLUMNS + " WHERE s.id = ?")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(signal(rs)) : Optional.<SessionSignal>empty();
                }
            }
        });
    }

    private static SessionSignal signal(ResultSet rs) throws SQLException {
        return new SessionSignal(rs.getString(1), nullableLong(rs, 2), nullableLong(rs, 3), rs.getString(4),
                rs.getInt(5) != 0, nullableLong(rs, 6));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The device of an ending session reported 0 unsynced items: the session ends now. */
    boolean endAfterSync(String sessionId, long now) {
        return db.write(c -> {
            String endedBy = null;
            String reason = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT ended_by, end_reason FROM sessions WHERE id = ?")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        endedBy = rs.getString(1);
                        reason = rs.getString(2);
                    }
                }
            }
            boolean ended;
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET ended_at = ? "
                    + "WHERE id = ? AND ended_at IS NULL AND end_after IS NOT NULL")) {
                ps.setLong(1, now);
                ps.setString(2, sessionId);
                ended = ps.executeUpdate() > 0;
            }
            if (ended) {
                SessionFeed.ended(c, List.of(sessionId), endedBy, reason, now);
            }
            return ended;
        });
    }

    /** Gives due ending sessions their end, writing only when there is one. */
    int finishDueEndings(long now) {
        boolean due = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sessions "
                    + "WHERE ended_at IS NULL AND end_after IS NOT NULL AND end_after <= ? LIMIT 1")) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        return due ? db.write(c -> finishDue(c, now)) : 0;
    }

    /** The devices of these sessions have been told (the first time counts). */
    void markDelivered(Collection<String> sessionIds, String channel, long now) {
        if (sessionIds.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET delivered_at = ?, channel = ? "
                    + "WHERE session_id = ? AND delivered_at IS NULL")) {
                for (String id : sessionIds) {
                    ps.setLong(1, now);
                    ps.setString(2, channel);
                    ps.setString(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The deliveries of these audit events, by event id, in the order of their sessions. */
    static Map<Long, List<Delivery>> deliveries(Connection c, List<Long> auditIds) throws SQLException {
        Map<Long, List<Delivery>> byEvent = new HashMap<>();
        if (auditIds.isEmpty()) {
            return byEvent;
        }
        String marks = String.join(", ", Collections.nCopies(auditIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT d.audit_id, d.session_id, d.delivered_at, d.channel, "
                + "s.device_model FROM deliveries d LEFT JOIN sessions s ON s.id = d.session_id "
                + "WHERE d.audit_id IN (" + marks + ")")) {
            for (int i = 0; i < auditIds.size(); i++) {
                ps.setLong(i + 1, auditIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long at = nullableLong(rs, 3);
                    byEvent.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Delivery(rs.getString(2),
                            at == null ? null : Instant.ofEpochMilli(at), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return byEvent;
    }
}

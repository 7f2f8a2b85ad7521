package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code audit_events} table: the History of admin actions ({@link #insert}, inside each action's
 * transaction), security events counted per minute, and the reads with each event's deliveries.
 */
final class AuditLog {

    private static final long MINUTE = 60_000L;

    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    void record(AuditAction action, String actor, String username, List<String> sessionIds, String reason, long now) {
        db.write(c -> insert(c, action, actor, username, sessionIds, reason, null, now));
    }

    /** Inserts one audit event in the caller's transaction; returns its id. */
    static long insert(Connection c, AuditAction action, String actor, String username, List<String> sessionIds,
            String reason, long now) throws SQLException {
        return insert(c, action, actor, username, sessionIds, reason, null, now);
    }

    /** Inserts one audit event; returns its id. @param until the end of a time-limited block, or null */
    static long insert(Connection c, AuditAction action, String actor, String username, List<String> sessionIds,
            String reason, Long until, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                + "session_ids, reason, until_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, now);
            ps.setString(2, actor);
            ps.setString(3, action.wireName());
            ps.setString(4, username);
            ps.setString(5, String.join(",", sessionIds));
            ps.setString(6, reason);
            Rows.setNullableLong(ps, 7, until);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts the audit event of a device block or unblock, naming the device; returns its id. */
    static long insertDeviceEvent(Connection c, AuditAction action, String actor, String username, String deviceId,
            List<String> sessionIds, String reason, Long until, long now) throws SQLException {
        long id = insert(c, action, actor, username, sessionIds, reason, until, now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_events SET device_id = ? WHERE id = ?")) {
            ps.setString(1, deviceId);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * Records a security event, at most one row per account, address, kind and minute: a repeat
     * within the minute adds one to that row's count.
     */
    void recordSecurityEvent(AuditAction action, String username, String address, String reason, long now) {
        // The username is already "unknown user" for a name that does not exist: nothing typed is kept.
        String key = now / MINUTE + "|" + action.wireName() + "|" + address + "|" + username;
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                    + "session_ids, reason, address, event_count, security_key) VALUES (?, ?, ?, ?, '', ?, ?, 1, ?) "
                    + "ON CONFLICT (security_key) DO UPDATE SET event_count = audit_events.event_count + 1")) {
                ps.setLong(1, now);
                ps.setString(2, username);
                ps.setString(3, action.wireName());
                ps.setString(4, username);
                ps.setString(5, reason);
                ps.setString(6, address);
                ps.setString(7, key);
                return ps.executeUpdate();
            }
        });
    }

    /** The newest {@code limit} events (of one user, when not null), each with its deliveries. */
    List<AuditEvent> events(String username, int limit) {
        String sql = "SELECT id, at, actor, action, username, session_ids, reason, address, event_count, until_at, "
                + "device_id FROM audit_events"
                + (username != null ? " WHERE username = ?" : "") + " ORDER BY id DESC LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 1;
                if (username != null) {
                    ps.setString(index++, username);
                }
                ps.setInt(index, limit);
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ids = rs.getString(6);
                        events.add(new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5),
                                ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")), rs.getString(7),
                                rs.getString(8), Rows.nullableInt(rs, 9), Rows.instant(rs, 10), null,
                                rs.getString(11)));
                    }
                }
                return withDeliveries(c, events);
            }
        });
    }

    /** Each event that names sessions gets their deliveries ({@link PushQueries#deliveries}), in that order. */
    private static List<AuditEvent> withDeliveries(Connection c, List<AuditEvent> events) throws SQLException {
        List<Long> ids = events.stream().filter(e -> !e.sessionIds().isEmpty()).map(AuditEvent::id).toList();
        Map<Long, List<Delivery>> deliveries = PushQueries.deliveries(c, ids);
        if (deliveries.isEmpty()) {
            return events;
        }
        List<AuditEvent> withDeliveries = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            List<Delivery> found = deliveries.get(e.id());
            if (found == null) {
                withDeliveries.add(e);
                continue;
            }
            List<Delivery> ordered = new ArrayList<>(found);
            ordered.sort(Comparator.comparingInt(d -> e.sessionIds().indexOf(d.sessionId())));
            withDeliveries.add(e.withDeliveries(ordered));
        }
        return withDeliveries;
    }
}

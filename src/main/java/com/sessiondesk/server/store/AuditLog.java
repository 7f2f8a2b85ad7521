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
 * transaction), security events counted per minute ({@link AuditCategory}), the pages read with each event's deliveries, and the pruning of old rows.
 */
final class AuditLog {

    private static final String SECURITY = AuditCategory.SECURITY.column();
    /** Security rows of one kind in one minute kept per address; past them, one row counts the rest. */
    static final int ROWS_PER_KIND_AND_MINUTE = 20;
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
     * within the minute adds one to that row's count. Past {@link #ROWS_PER_KIND_AND_MINUTE} rows of
     * a kind in a minute, every further one of that kind and minute goes to one row across addresses
     * and accounts (no address, no username), which counts them: a flood adds one row a minute per
     * kind, however many addresses it comes from.
     */
    void recordSecurityEvent(AuditAction action, String username, String address, String reason, long now) {
        // The username is already "unknown user" for a name that does not exist: nothing typed is kept.
        long minute = now / MINUTE;
        String key = minute + "|" + action.wireName() + "|" + address + "|" + username;
        db.write(c -> {
            if (addOne(c, key) > 0) {
                return null;
            }
            if (rowsOfMinute(c, action, minute) < ROWS_PER_KIND_AND_MINUTE) {
                upsertSecurityRow(c, key, action, username, address, reason, now);
            } else {
                upsertSecurityRow(c, minute + "|" + action.wireName() + "|*", action, "", null, null, now);
            }
            return null;
        });
    }

    private static int addOne(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_events SET event_count = event_count + 1 WHERE security_key = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate();
        }
    }

    /** The rows of one address (not the aggregate) of this kind and minute. */
    private static int rowsOfMinute(Connection c, AuditAction action, long minute) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE category = '"
                + SECURITY + "' AND at >= ? AND at < ? AND action = ? AND address IS NOT NULL")) {
            ps.setLong(1, minute * MINUTE);
            ps.setLong(2, (minute + 1) * MINUTE);
            ps.setString(3, action.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void upsertSecurityRow(Connection c, String key, AuditAction action, String username,
            String address, String reason, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                + "session_ids, reason, address, event_count, security_key, category) "
                + "VALUES (?, ?, ?, ?, '', ?, ?, 1, ?, '" + SECURITY + "') "
                + "ON CONFLICT (security_key) DO UPDATE SET event_count = audit_events.event_count + 1")) {
            ps.setLong(1, now);
            ps.setString(2, username);
            ps.setString(3, action.wireName());
            ps.setString(4, username);
            ps.setString(5, reason);
            ps.setString(6, address);
            ps.setString(7, key);
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} events of every category (of one user, when not null), each with its deliveries. */
    List<AuditEvent> events(String username, int limit) {
        return page(null, username, null, limit);
    }

    /**
     * A page of events, newest first, each with its deliveries.
     *
     * @param category one category, or null for both
     * @param username only this user's events, or null
     * @param beforeId only events older than this id, or null (from the newest)
     */
    List<AuditEvent> page(AuditCategory category, String username, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, username, session_ids, reason, address, "
                + "event_count, until_at, device_id FROM audit_events WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (category != null) {
            sql.append(" AND category = ?");
            args.add(category.column());
        }
        if (username != null) {
            sql.append(" AND username = ?");
            args.add(username);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
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

    /** Deletes the events of {@code category} recorded before {@code olderThan}, with their deliveries; returns how many. */
    int prune(AuditCategory category, long olderThan) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM deliveries WHERE audit_id IN "
                    + "(SELECT id FROM audit_events WHERE category = ? AND at < ?)")) {
                ps.setString(1, category.column());
                ps.setLong(2, olderThan);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_events WHERE category = ? AND at < ?")) {
                ps.setString(1, category.column());
                ps.setLong(2, olderThan);
                return ps.executeUpdate();
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

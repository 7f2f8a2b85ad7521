package com.sessiondesk.server.store;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AuditAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL steps of the alerts (tables {@code alerts}, {@code failed_logins}, {@code alert_counters}),
 * each run in the caller's transaction ({@link Database#write}); when an alert is raised and what it
 * counts is the service's business ({@code server/service/AlertService}). Every change to an alert
 * appends it to the {@link SessionFeed} in the same transaction, so the live consoles of every
 * instance get it.
 */
public final class Alerts {

    /** What happened, for {@link #raise}: the kind, what repeats are matched on, and the facts of this time. */
    public record Occurrence(String kind, String subject, String username, String deviceId, String deviceModel,
            String address) {
    }

    private static final String COLUMNS = "id, kind, username, device_id, device_model, address, event_count, "
            + "first_at, last_at, acknowledged_by, acknowledged_at";

    private final Connection c;

    public Alerts(Connection c) {
        this.c = c;
    }

    // --- the facts the rules count ---

    /**
     * Records a failed login of {@code username}, forgets those before {@code keepFrom} (of every
     * account), and answers how many the account had since {@code countFrom}, this one included.
     */
    public int failedLogin(String username, long now, long keepFrom, long countFrom) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM failed_logins WHERE at < ?")) {
            ps.setLong(1, keepFrom);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO failed_logins (username, at) VALUES (?, ?)")) {
            ps.setString(1, username);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM failed_logins WHERE username = ? AND at >= ?")) {
            ps.setString(1, username);
            ps.setLong(2, countFrom);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The first failed login of {@code username} since {@code from}, or {@code now} when none. */
    public long firstFailedLogin(String username, long from, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(at) FROM failed_logins WHERE username = ? AND at >= ?")) {
            ps.setString(1, username);
            ps.setLong(2, from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Long first = Rows.nullableLong(rs, 1);
                return first == null ? now : first;
            }
        }
    }

    /**
     * Adds one to the counter {@code name} of minute {@code minute} (over all instances: the row is
     * locked until the transaction ends) and answers its new value; counters older than
     * {@code keepFrom} are dropped.
     */
    public int countInMinute(String name, long minute, long keepFrom) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_counters WHERE minute < ?")) {
            ps.setLong(1, keepFrom);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_counters (name, minute, event_count) "
                + "VALUES (?, ?, 1) ON CONFLICT (name, minute) DO UPDATE SET "
                + "event_count = alert_counters.event_count + 1 RETURNING event_count")) {
            ps.setString(1, name);
            ps.setLong(2, minute);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The account of this exact username, if there is one. */
    public Optional<String> existingUsername(String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether user {@code userId} has an active session on a device other than {@code deviceId}. */
    public boolean activeElsewhere(long userId, String deviceId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sessions WHERE user_id = ? "
                + "AND ended_at IS NULL AND (end_after IS NULL OR end_after > ?) AND device_id <> ? LIMIT 1")) {
            ps.setLong(1, userId);
            ps.setLong(2, now);
            ps.setString(3, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // --- the alerts ---

    /** When the last alert of this kind and subject was acknowledged, or null. */
    public Long lastAcknowledged(String kind, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(acknowledged_at) FROM alerts WHERE kind = ? AND subject = ?")) {
            ps.setString(1, kind);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Rows.nullableLong(rs, 1);
            }
        }
    }

    /** Whether an alert of this kind and subject is open. */
    public boolean isOpen(String kind, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM alerts WHERE kind = ? AND subject = ? AND acknowledged_at IS NULL")) {
            ps.setString(1, kind);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Raises the alert of {@code what}, or updates the open one of its kind and subject (the unique
     * index on open alerts makes this one statement, atomic across instances): {@code add} is added to
     * its count and {@code now} becomes its last time; the facts of this occurrence replace the
     * earlier ones where it has them. Appends the alert to the feed; returns its id.
     *
     * @param firstAt the first time of a new alert
     */
    public long raise(Occurrence what, int add, long firstAt, long now) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (kind, subject, username, device_id, "
                + "device_model, address, event_count, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (kind, subject) WHERE acknowledged_at IS NULL DO UPDATE SET "
                + "event_count = alerts.event_count + excluded.event_count, last_at = excluded.last_at, "
                + "username = COALESCE(excluded.username, alerts.username), "
                + "device_id = COALESCE(excluded.device_id, alerts.device_id), "
                + "device_model = COALESCE(excluded.device_model, alerts.device_model), "
                + "address = COALESCE(excluded.address, alerts.address) RETURNING id")) {
            ps.setString(1, what.kind());
            ps.setString(2, what.subject());
            ps.setString(3, what.username());
            ps.setString(4, what.deviceId());
            ps.setString(5, what.deviceModel());
            ps.setString(6, what.address());
            ps.setInt(7, add);
            ps.setLong(8, firstAt);
            ps.setLong(9, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        SessionFeed.alerted(c, id, now);
        return id;
    }

    /**
     * Acknowledges alert {@code id} by {@code actor} when it is open (audited, and appended to the
     * feed); an acknowledged one is left as it is. Empty when there is no such alert.
     */
    public Optional<Alert> acknowledge(long id, String actor, long now) throws SQLException {
        int changed;
        try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? "
                + "WHERE id = ? AND acknowledged_at IS NULL")) {
            ps.setString(1, actor);
            ps.setLong(2, now);
            ps.setLong(3, id);
            changed = ps.executeUpdate();
        }
        Optional<Alert> alert = byIds(c, List.of(id)).stream().findFirst();
        if (changed == 1 && alert.isPresent()) {
            Alert done = alert.get();
            String username = done.username() == null ? "" : done.username();
            AuditLog.insert(c, AuditAction.ALERT_ACKNOWLEDGED, actor, username, List.of(), done.kind(), now);
            SessionFeed.alerted(c, id, now);
        }
        return alert;
    }

    /** The open alerts and those last seen at {@code since} or later, newest first. */
    public List<Alert> openOrSince(long since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts "
                + "WHERE acknowledged_at IS NULL OR last_at >= ? ORDER BY last_at DESC, id DESC")) {
            ps.setLong(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                List<Alert> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(alert(rs));
                }
                return found;
            }
        }
    }

    /** The alerts of {@code ids} in their state now, in the order of {@code ids} (unknown ids left out). */
    static List<Alert> byIds(Connection c, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Alert> found = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += SessionFeed.CHUNK) {
            List<Long> chunk = all.subList(start, Math.min(all.size(), start + SessionFeed.CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id IN "
                    + SessionFeed.placeholders(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Alert alert = alert(rs);
                        found.put(alert.id(), alert);
                    }
                }
            }
        }
        List<Alert> ordered = new ArrayList<>(found.size());
        for (Long id : all) {
            Alert alert = found.get(id);
            if (alert != null) {
                ordered.add(alert);
            }
        }
        return ordered;
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), Rows.instant(rs, 8), Rows.instant(rs, 9), rs.getString(10),
                Rows.instant(rs, 11));
    }
}

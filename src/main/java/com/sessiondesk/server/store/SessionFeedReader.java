package com.sessiondesk.server.store;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.DeviceBlockChange;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.server.store.SessionFeed.Entry;
import com.sessiondesk.server.store.SessionFeed.Kind;
import com.sessiondesk.server.store.SessionFeed.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@link SessionFeed} for a follower: the changes after its cursor, each named session in
 * its state in the snapshot (or as ended) and each named account's block in force, with the cursor to
 * ask from next. Call it inside one snapshot ({@link Database#snapshot}) so the answer agrees with itself.
 */
final class SessionFeedReader {

    private SessionFeedReader() {
    }

    /**
     * The changes after {@code since}; empty when that cursor is unknown or older than the feed keeps.
     *
     * @param now for block ends: a block whose end has passed is reported as no block
     */
    static Optional<SessionChanges> after(Connection c, String since, long now) throws SQLException {
        Position position = SessionFeed.position(c);
        long from = position.parse(since);
        if (from < 0) {
            return Optional.empty();
        }
        if (from == position.lastSeq()) {
            return Optional.of(new SessionChanges(List.of(), List.of(), List.of(), position.cursor()));
        }
        Map<String, Integer> sessions = new LinkedHashMap<>(); // id -> STARTED_HERE | ENDED_HERE
        Map<String, Entry> accounts = new LinkedHashMap<>(); // username -> last block change
        Map<String, Entry> devices = new LinkedHashMap<>(); // device id -> last device block change
        Set<Long> alertIds = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, session_id, username, actor, reason, device_id, "
                + "alert_id "
                + "FROM session_feed WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setLong(1, from);
            ps.setLong(2, position.lastSeq());
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Kind kind = Kind.of(rs.getString(1));
                    if (kind == Kind.ALERT) {
                        alertIds.add(rs.getLong(7));
                    } else if (kind == Kind.BLOCKED || kind == Kind.UNBLOCKED) {
                        String username = rs.getString(3);
                        accounts.remove(username);
                        accounts.put(username, new Entry(kind, null, username, rs.getString(4), rs.getString(5)));
                    } else if (kind == Kind.DEVICE_BLOCKED || kind == Kind.DEVICE_UNBLOCKED) {
                        String deviceId = rs.getString(6);
                        devices.remove(deviceId);
                        devices.put(deviceId, new Entry(kind, null, null, rs.getString(4), rs.getString(5), deviceId));
                    } else {
                        int flag = kind == Kind.STARTED ? STARTED_HERE : kind == Kind.ENDED ? ENDED_HERE : 0;
                        sessions.merge(rs.getString(2), flag, (a, b) -> a | b);
                    }
                }
            }
        }
        List<Session> upserted = new ArrayList<>();
        List<EndedSession> ended = new ArrayList<>();
        loadSessions(c, sessions, upserted, ended);
        List<BlockChange> blockChanges = new ArrayList<>();
        for (Entry entry : accounts.values()) {
            blockChanges.add(blockChange(c, entry, now));
        }
        List<DeviceBlockChange> deviceBlockChanges = new ArrayList<>();
        for (Entry entry : devices.values()) {
            deviceBlockChanges.add(deviceBlockChange(c, entry, now));
        }
        return Optional.of(new SessionChanges(upserted, ended, blockChanges, deviceBlockChanges, position.cursor(),
                Alerts.byIds(c, alertIds)));
    }

    private static final String CHANGED_SESSION = "SELECT s.id, s.user_id, u.username, u.name, s.device_id, "
            + "s.device_model, s.device_os, s.application, s.app_version, s.language, s.login_at, s.last_seen_at, "
            + "s.pending_sync_items, s.address, s.ended_at, s.ended_by, s.end_reason, "
            + "CASE WHEN s.ended_at IS NULL AND EXISTS (SELECT 1 FROM sessions n WHERE n.user_id = s.user_id "
            + "AND n.application = s.application AND n.device_id = s.device_id AND n.ended_at IS NULL "
            + "AND n.login_at > s.login_at) THEN 1 ELSE 0 END, s.end_after, s.new_device, s.new_address "
            + "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id IN ";

    /** The session started after the cursor (the follower never had it). */
    private static final int STARTED_HERE = 1;
    /** The session ended after the cursor (its one ENDED row is in the window). */
    private static final int ENDED_HERE = 2;

    /**
     * Each named session in its state now, in feed order. An ended one is reported only when it ended
     * in the window and had started before it: a row naming a session that ended earlier (another
     * transaction saw it active just before it ended) must not end it twice.
     */
    private static void loadSessions(Connection c, Map<String, Integer> named, List<Session> upserted,
            List<EndedSession> ended) throws SQLException {
        List<String> ids = new ArrayList<>(named.keySet());
        Map<String, Session> active = new LinkedHashMap<>();
        Map<String, EndedSession> gone = new LinkedHashMap<>();
        for (int start = 0; start < ids.size(); start += SessionFeed.CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + SessionFeed.CHUNK));
            String sql = CHANGED_SESSION + SessionFeed.placeholders(chunk.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        rs.getLong(15);
                        if (rs.wasNull()) {
                            ActiveSessionRow row = new ActiveSessionRow(rs.getLong(2), id, rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                                    rs.getLong(12), rs.getInt(13), rs.getString(14), endAfter(rs),
                                    rs.getInt(20) != 0, rs.getInt(21) != 0);
                            active.put(id, row.toSession(rs.getInt(18) != 0));
                        } else if (named.get(id) == ENDED_HERE) {
                            gone.put(id, new EndedSession(id, rs.getString(3), rs.getString(16), rs.getString(17)));
                        }
                    }
                }
            }
        }
        for (String id : ids) {
            Session session = active.get(id);
            if (session != null) {
                upserted.add(session);
            } else if (gone.containsKey(id)) {
                ended.add(gone.get(id));
            }
        }
    }

    /** The sync deadline of an ending session (column 19), or null. */
    private static Long endAfter(ResultSet rs) throws SQLException {
        long value = rs.getLong(19);
        return rs.wasNull() ? null : value;
    }

    private static BlockChange blockChange(Connection c, Entry last, long now) throws SQLException {
        Long until = null;
        boolean blocked = false;
        if (last.kind() == Kind.BLOCKED) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT blocked, blocked_until FROM users WHERE username = ?")) {
                ps.setString(1, last.username());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long end = rs.getLong(2);
                        until = rs.wasNull() ? null : end;
                        blocked = Blocks.inForce(rs.getInt(1) != 0, until, now);
                    }
                }
            }
        }
        return new BlockChange(last.username(), blocked, blocked && until != null ? Instant.ofEpochMilli(until) : null,
                last.actor(), blocked ? last.reason() : null);
    }

    /** The device's block in force now (a lapsed block is reported as no block), as the last change named it. */
    private static DeviceBlockChange deviceBlockChange(Connection c, Entry last, long now) throws SQLException {
        Devices.BlockState block = last.kind() == Kind.DEVICE_BLOCKED
                ? Devices.blockOf(c, last.deviceId(), now).orElse(null) : null;
        return block == null ? new DeviceBlockChange(last.deviceId(), false, null, last.actor(), null)
                : new DeviceBlockChange(last.deviceId(), true,
                        block.until() == null ? null : Instant.ofEpochMilli(block.until()), last.actor(),
                        block.reason());
    }
}

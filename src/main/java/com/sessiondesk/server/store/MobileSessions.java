package com.sessiondesk.server.store;

import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import com.sessiondesk.server.store.Records.LoginStart;
import com.sessiondesk.server.store.Records.MobileSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code sessions} table as the mobile apps drive it: log in, the token lookup of every mobile
 * request, heartbeats, log out and expiry; and {@link #end}, which every way of ending a session
 * goes through. The admin's reads are {@link ActiveSessionQueries}, the admin's actions
 * {@link AdminQueries}, the log out after sync {@link PushQueries}.
 */
final class MobileSessions implements AutoCloseable {

    private final Database db;
    private final Clock clock;
    private final PreparedLookup byToken;
    private final RecentAddresses recentAddresses = new RecentAddresses();

    /** @param clock the time of a heartbeat flush's feed rows */
    MobileSessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.byToken = new PreparedLookup(db, "SELECT s.id, s.user_id, u.username, u.name, s.ended_at, "
                + "s.end_reason, s.login_at, s.last_seen_at, s.ended_by, s.end_after FROM sessions s "
                + "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", 4);
    }

    /** Closes the connections of the token lookup (the pool is closed with the {@link Database}). */
    @Override
    public void close() {
        byToken.close();
    }

    /**
     * Starts a session unless the account or the device is blocked (both re-checked in the transaction,
     * see {@link Devices}), recording the device and address as seen by the user.
     *
     * @param addressMemoryMillis an address the user was last seen at longer ago than this is new
     */
    LoginStart start(long userId, Device device, String tokenHash, long now, long addressMemoryMillis,
            int maxSessions) {
        return db.write(c -> {
            // Re-read the block flag under a share lock: a login racing a block either finishes first
            // (and its session is ended by the block) or sees the block.
            String username;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Blocks.inForceSql("users")
                    + ", username FROM users WHERE id = ?" + db.dialect().forShare())) {
                ps.setLong(1, now);
                ps.setLong(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 0) {
                        return LoginStart.refusedAccount();
                    }
                    username = rs.getString(2);
                }
            }
            Devices.LoginStep step = Devices.loginStep(c, userId, username, device, now, addressMemoryMillis);
            if (step.block() != null) {
                return LoginStart.refusedDevice(step.block());
            }
            List<String> older = activeOldestFirst(c, userId);
            String id = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, token_hash, user_id, application, "
                    + "app_version, device_id, device_model, device_os, language, login_at, last_seen_at, "
                    + "pending_sync_items, address, fed_last_seen_at, new_device, new_address) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, tokenHash);
                ps.setLong(3, userId);
                ps.setString(4, device.application());
                ps.setString(5, device.appVersion());
                ps.setString(6, device.deviceId());
                ps.setString(7, device.deviceModel());
                ps.setString(8, device.deviceOs());
                ps.setString(9, device.language());
                ps.setLong(10, now);
                ps.setLong(11, now);
                ps.setString(12, device.address());
                ps.setLong(13, now);
                ps.setInt(14, step.seen().newDevice() ? 1 : 0);
                ps.setInt(15, step.seen().newAddress() ? 1 : 0);
                ps.executeUpdate();
            }
            int over = older.size() + 1 - maxSessions; // beyond the limit, the oldest end
            if (over > 0) {
                end(c, older.subList(0, over), username, MobileSession.SIGNED_IN_ELSEWHERE, now);
            }
            SessionFeed.started(c, id, now);
            return new LoginStart(id, step.seen().newDevice(), step.seen().newAddress(), false, null);
        });
    }

    /** The user's active sessions (ending ones included), the oldest login first. */
    private static List<String> activeOldestFirst(Connection c, long userId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sessions WHERE user_id = ? "
                + "AND ended_at IS NULL ORDER BY login_at, id")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The hot path: one prepared statement on connections of its own ({@link PreparedLookup}). */
    Optional<MobileSession> byToken(String tokenHash) {
        return byToken.query(ps -> ps.setString(1, tokenHash), rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            rs.getLong(5);
            boolean ended = !rs.wasNull();
            Long endAfter = Rows.nullableLong(rs, 10);
            return Optional.of(new MobileSession(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), ended, rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                    endAfter));
        });
    }

    /** The user ended their own session. */
    void endByUser(String sessionId, String username, long now) {
        db.write(c -> end(c, List.of(sessionId), username, null, now));
    }

    /** Writes coalesced heartbeats ({@link HeartbeatFeed}); sessions that ended meanwhile are left alone. */
    void recordHeartbeats(Map<String, Heartbeat> heartbeats) {
        if (heartbeats.isEmpty()) {
            return;
        }
        recentAddresses.written(db.write(c -> HeartbeatFeed.record(c, db.dialect(), heartbeats, recentAddresses,
                clock.millis())));
    }

    /** Ends a session that outlived its lifetime. */
    void expire(String sessionId, long now) {
        db.write(c -> end(c, List.of(sessionId), MobileSession.EXPIRED, null, now));
    }

    /** Ends every active session last seen before {@code idleBefore} or started before {@code startedBefore}. */
    int expire(long idleBefore, long startedBefore, long now) {
        return db.write(c -> {
            // the ids first, so that these endings reach the change feed through end, like any other
            List<String> expired = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sessions "
                    + "WHERE ended_at IS NULL AND (last_seen_at < ? OR login_at < ?)")) {
                ps.setLong(1, idleBefore);
                ps.setLong(2, startedBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expired.add(rs.getString(1));
                    }
                }
            }
            return end(c, expired, MobileSession.EXPIRED, null, now).size();
        });
    }

    /**
     * Ends the sessions still active among {@code ids}, in the caller's transaction, with their rows
     * in the change feed; returns those this call ended, in the order of {@code ids}.
     */
    static List<String> end(Connection c, List<String> ids, String endedBy, String reason, long now)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Rows are locked in id order, as the heartbeat flush locks them: no deadlock on PostgreSQL.
        List<String> inIdOrder = new ArrayList<>(ids);
        inIdOrder.sort(null);
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET ended_at = ?, ended_by = ?, end_reason = ? "
                + "WHERE id = ? AND ended_at IS NULL")) {
            for (String id : inIdOrder) {
                ps.setLong(1, now);
                ps.setString(2, endedBy);
                ps.setString(3, reason);
                ps.setString(4, id);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        Set<String> endedNow = new HashSet<>();
        for (int i = 0; i < inIdOrder.size(); i++) {
            if (counts[i] > 0) {
                endedNow.add(inIdOrder.get(i));
            }
        }
        List<String> ended = new ArrayList<>();
        for (String id : ids) {
            if (endedNow.remove(id)) {
                ended.add(id);
            }
        }
        SessionFeed.ended(c, ended, endedBy, reason, now);
        return ended;
    }
}

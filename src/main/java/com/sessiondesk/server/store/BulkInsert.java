package com.sessiondesk.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Batched inserts for seeding (the demo agency, benchmark loads): thousands of rows per round trip. */
public final class BulkInsert {

    private static final int BATCH = 1000;

    /** A user row to insert. */
    public record UserRow(String username, String name, String passwordHash, boolean superUser, boolean blocked,
            Long blockedAt, String blockedBy, String blockReason, long createdAt) {
    }

    /** A session row to insert; {@code endedAt} null for an active one. */
    public record SessionRow(String id, String tokenHash, String username, String application, String appVersion,
            String deviceId, String deviceModel, String deviceOs, String language, long loginAt, long lastSeenAt,
            int pendingSyncItems, Long endedAt, String endedBy, String endReason) {
    }

    private BulkInsert() {
    }

    public static Set<String> existingUsernames(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM users");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    public static void users(Connection c, List<UserRow> users) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, name, password_hash, super_user, "
                + "blocked, blocked_at, blocked_by, block_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (UserRow u : users) {
                ps.setString(1, u.username());
                ps.setString(2, u.name());
                ps.setString(3, u.passwordHash());
                ps.setInt(4, u.superUser() ? 1 : 0);
                ps.setInt(5, u.blocked() ? 1 : 0);
                setLong(ps, 6, u.blockedAt());
                ps.setString(7, u.blockedBy());
                ps.setString(8, u.blockReason());
                ps.setLong(9, u.createdAt());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    public static void sessions(Connection c, List<SessionRow> sessions) throws SQLException {
        Map<String, Long> ids = userIds(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, token_hash, user_id, application, "
                + "app_version, device_id, device_model, device_os, language, login_at, last_seen_at, "
                + "pending_sync_items, ended_at, ended_by, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (SessionRow s : sessions) {
                Long userId = ids.get(s.username());
                if (userId == null) {
                    throw new StoreException("no user " + s.username());
                }
                ps.setString(1, s.id());
                ps.setString(2, s.tokenHash());
                ps.setLong(3, userId);
                ps.setString(4, s.application());
                ps.setString(5, s.appVersion());
                ps.setString(6, s.deviceId());
                ps.setString(7, s.deviceModel());
                ps.setString(8, s.deviceOs());
                ps.setString(9, s.language());
                ps.setLong(10, s.loginAt());
                ps.setLong(11, s.lastSeenAt());
                ps.setInt(12, s.pendingSyncItems());
                setLong(ps, 13, s.endedAt());
                ps.setString(14, s.endedBy());
                ps.setString(15, s.endReason());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Long> userIds(Connection c) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username FROM users");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
            }
        }
        return ids;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}

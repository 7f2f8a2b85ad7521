package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin actions: each one transaction that locks the user row first, so conflicting actions
 * serialize, and records one audit event only when it changed something.
 */
final class AdminActions {

    private final Database db;

    AdminActions(Database db) {
        this.db = db;
    }

    /** The user row, locked until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
    private record LockedUser(long id, String username, boolean blocked) {
    }

    private Optional<LockedUser> lockUser(Connection c, String column, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, blocked FROM users WHERE " + column + " = ?"
                + db.dialect().forUpdate())) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new LockedUser(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0))
                        : Optional.empty();
            }
        }
    }

    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            String actor, long now) {
        return db.write(c -> {
            Long userId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM sessions WHERE id = ?")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        userId = rs.getLong(1);
                    }
                }
            }
            if (userId == null) {
                return Optional.<LogoutResult>empty();
            }
            LockedUser user = lockUser(c, "id", userId).orElseThrow();
            if (block) {
                refuseSelfBlock(user, actor);
            }
            List<String> ended = block || allDevices
                    ? endSessions(c, activeSessionIds(c, user.id()), actor, reason, now)
                    : endSessions(c, List.of(sessionId), actor, reason, now);
            boolean newlyBlocked = block && !user.blocked() && setBlocked(c, user.id(), actor, reason, now);
            AuditAction action = block ? AuditAction.BLOCK
                    : allDevices ? AuditAction.LOGOUT_ALL : AuditAction.LOGOUT_SESSION;
            if (!ended.isEmpty() || newlyBlocked) {
                JdbcStore.insertAudit(c, action, actor, user.username(), ended, reason, now);
            }
            if (block) {
                revokeAdminTokens(c, user, actor, now);
            }
            return Optional.of(new LogoutResult(ended, user.blocked() || newlyBlocked));
        });
    }

    Optional<LogoutResult> logoutUser(String username, String reason, String actor, long now) {
        return db.write(c -> {
            Optional<LockedUser> found = lockUser(c, "username", username);
            if (found.isEmpty()) {
                return Optional.<LogoutResult>empty();
            }
            LockedUser user = found.get();
            List<String> ended = endSessions(c, activeSessionIds(c, user.id()), actor, reason, now);
            if (!ended.isEmpty()) {
                JdbcStore.insertAudit(c, AuditAction.LOGOUT_ALL, actor, user.username(), ended, reason, now);
            }
            return Optional.of(new LogoutResult(ended, user.blocked()));
        });
    }

    Optional<User> blockUser(String username, String reason, String actor, long now) {
        return db.write(c -> {
            Optional<LockedUser> found = lockUser(c, "username", username);
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            LockedUser user = found.get();
            refuseSelfBlock(user, actor);
            List<String> ended = endSessions(c, activeSessionIds(c, user.id()), actor, reason, now);
            boolean newlyBlocked = !user.blocked() && setBlocked(c, user.id(), actor, reason, now);
            if (!ended.isEmpty() || newlyBlocked) {
                JdbcStore.insertAudit(c, AuditAction.BLOCK, actor, user.username(), ended, reason, now);
            }
            revokeAdminTokens(c, user, actor, now);
            return JdbcStore.loadUser(c, username);
        });
    }

    Optional<User> unblockUser(String username, String actor, long now) {
        return db.write(c -> {
            Optional<LockedUser> found = lockUser(c, "username", username);
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            LockedUser user = found.get();
            if (user.blocked()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET blocked = 0, blocked_at = NULL, "
                        + "blocked_by = NULL, block_reason = NULL WHERE id = ?")) {
                    ps.setLong(1, user.id());
                    ps.executeUpdate();
                }
                JdbcStore.insertAudit(c, AuditAction.UNBLOCK, actor, user.username(), List.of(), null, now);
            }
            return JdbcStore.loadUser(c, username);
        });
    }

    /** A blocked user's admin tokens go in the block's transaction: nothing revives them on unblock. */
    private static void revokeAdminTokens(Connection c, LockedUser user, String actor, long now) throws SQLException {
        SecurityQueries.auditRevokedTokens(c, SecurityQueries.revokeAdminTokens(c, user.id(), null), actor,
                user.username(), "account blocked", now);
    }

    private static void refuseSelfBlock(LockedUser user, String actor) {
        if (user.username().equals(actor)) {
            throw new ActionRefused("You cannot block your own account.");
        }
    }

    private static List<String> activeSessionIds(Connection c, long userId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL "
                + "ORDER BY login_at, id")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Ends the sessions still active among {@code ids}; returns those this call ended. */
    static List<String> endSessions(Connection c, List<String> ids, String endedBy, String reason, long now)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET ended_at = ?, ended_by = ?, end_reason = ? "
                + "WHERE id = ? AND ended_at IS NULL")) {
            for (String id : ids) {
                ps.setLong(1, now);
                ps.setString(2, endedBy);
                ps.setString(3, reason);
                ps.setString(4, id);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (counts[i] > 0) {
                ended.add(ids.get(i));
            }
        }
        return ended;
    }

    private static boolean setBlocked(Connection c, long userId, String actor, String reason, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET blocked = 1, blocked_at = ?, blocked_by = ?, "
                + "block_reason = ? WHERE id = ? AND blocked = 0")) {
            ps.setLong(1, now);
            ps.setString(2, actor);
            ps.setString(3, reason);
            ps.setLong(4, userId);
            return ps.executeUpdate() > 0;
        }
    }
}

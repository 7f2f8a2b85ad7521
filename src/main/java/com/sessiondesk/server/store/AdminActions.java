package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The admin actions: each one transaction that locks the user row first, so conflicting actions
 * serialize, and records one audit event only when it changed something.
 */
final class AdminActions {

    private final Database db;

    AdminActions(Database db) {
        this.db = db;
    }

    /**
     * The user row, locked until the transaction ends (PostgreSQL; SQLite has one writer anyway).
     * {@code blocked} is whether a block is in force now; {@code flagged} whether the row still carries
     * one (perhaps lapsed); {@code until} the end of the block, or null.
     */
    private record LockedUser(long id, String username, boolean blocked, boolean flagged, Long until) {
    }

    private Optional<LockedUser> lockUser(Connection c, String column, Object value, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, blocked, blocked_until FROM users WHERE "
                + column + " = ?" + db.dialect().forUpdate())) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean flagged = rs.getInt(3) != 0;
                long end = rs.getLong(4);
                Long until = rs.wasNull() ? null : end;
                return Optional.of(new LockedUser(rs.getLong(1), rs.getString(2), Blocks.inForce(flagged, until, now),
                        flagged, until));
            }
        }
    }

    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            String actor, long now) {
        return logoutSession(sessionId, allDevices, block, reason, null, actor, now, null);
    }

    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            Long until, String actor, long now) {
        return logoutSession(sessionId, allDevices, block, reason, until, actor, now, null);
    }

    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            String actor, long now, Long syncDeadline) {
        return logoutSession(sessionId, allDevices, block, reason, null, actor, now, syncDeadline);
    }

    /**
     * {@code until} (with {@code block}) ends the block at that instant. With a {@code syncDeadline} the
     * sessions are made ending (log out after sync) instead of ended.
     */
    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            Long until, String actor, long now, Long syncDeadline) {
        return db.write(c -> {
            PushQueries.finishDue(c, now);
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
            LockedUser user = lockUser(c, "id", userId, now).orElseThrow();
            if (block) {
                refuseSelfBlock(user, actor);
            }
            List<String> targets = block || allDevices ? activeSessionIds(c, user.id()) : List.of(sessionId);
            List<String> ended = syncDeadline == null ? MobileSessions.end(c, targets, actor, reason, now) : List.of();
            List<String> ending = syncDeadline == null ? List.of()
                    : PushQueries.startEnding(c, targets, actor, reason, now, syncDeadline);
            boolean newlyBlocked = block && applyBlock(c, user, actor, reason, until, now);
            AuditAction action = block ? AuditAction.BLOCK
                    : allDevices ? AuditAction.LOGOUT_ALL : AuditAction.LOGOUT_SESSION;
            audit(c, action, actor, user.username(), ended, ending, reason, block ? until : null, now, newlyBlocked);
            if (block) {
                revokeAdminTokens(c, user, actor, now);
            }
            return Optional.of(result(ended, user.blocked() || newlyBlocked, ending, syncDeadline));
        });
    }

    Optional<LogoutResult> logoutUser(String username, String reason, String actor, long now) {
        return logoutUser(username, reason, actor, now, null);
    }

    Optional<LogoutResult> logoutUser(String username, String reason, String actor, long now, Long syncDeadline) {
        return db.write(c -> {
            PushQueries.finishDue(c, now);
            Optional<LockedUser> found = lockUser(c, "username", username, now);
            if (found.isEmpty()) {
                return Optional.<LogoutResult>empty();
            }
            LockedUser user = found.get();
            List<String> targets = activeSessionIds(c, user.id());
            List<String> ended = syncDeadline == null ? MobileSessions.end(c, targets, actor, reason, now) : List.of();
            List<String> ending = syncDeadline == null ? List.of()
                    : PushQueries.startEnding(c, targets, actor, reason, now, syncDeadline);
            audit(c, AuditAction.LOGOUT_ALL, actor, user.username(), ended, ending, reason, null, now, false);
            return Optional.of(result(ended, user.blocked(), ending, syncDeadline));
        });
    }

    Optional<User> blockUser(String username, String reason, String actor, long now) {
        return blockUser(username, reason, null, actor, now, null);
    }

    Optional<User> blockUser(String username, String reason, Long until, String actor, long now) {
        return blockUser(username, reason, until, actor, now, null);
    }

    Optional<User> blockUser(String username, String reason, String actor, long now, Long syncDeadline) {
        return blockUser(username, reason, null, actor, now, syncDeadline);
    }

    /**
     * {@code until} ends the block at that instant (null: until unblocked). With a {@code syncDeadline}
     * the account is blocked at once, but its sessions may finish syncing.
     */
    Optional<User> blockUser(String username, String reason, Long until, String actor, long now, Long syncDeadline) {
        return db.write(c -> {
            PushQueries.finishDue(c, now);
            Optional<LockedUser> found = lockUser(c, "username", username, now);
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            LockedUser user = found.get();
            refuseSelfBlock(user, actor);
            List<String> targets = activeSessionIds(c, user.id());
            List<String> ended = syncDeadline == null ? MobileSessions.end(c, targets, actor, reason, now) : List.of();
            List<String> ending = syncDeadline == null ? List.of()
                    : PushQueries.startEnding(c, targets, actor, reason, now, syncDeadline);
            boolean newlyBlocked = applyBlock(c, user, actor, reason, until, now);
            audit(c, AuditAction.BLOCK, actor, user.username(), ended, ending, reason, until, now, newlyBlocked);
            revokeAdminTokens(c, user, actor, now);
            return Users.load(c, username, now);
        });
    }

    /**
     * One audit event when the action changed something, listing the sessions it ended or made
     * ending, each with a delivery that waits for its device to be told.
     */
    private static void audit(Connection c, AuditAction action, String actor, String username, List<String> ended,
            List<String> ending, String reason, Long until, long now, boolean newlyBlocked) throws SQLException {
        List<String> sessions = ended.isEmpty() ? ending : ended;
        if (sessions.isEmpty() && !newlyBlocked) {
            return;
        }
        long auditId = AuditLog.insert(c, action, actor, username, sessions, reason, until, now);
        PushQueries.insertDeliveries(c, auditId, sessions, now);
    }

    private static LogoutResult result(List<String> ended, boolean blocked, List<String> ending, Long syncDeadline) {
        return syncDeadline == null ? new LogoutResult(ended, blocked)
                : new LogoutResult(ended, blocked, ending, Instant.ofEpochMilli(syncDeadline));
    }

    Optional<User> unblockUser(String username, String actor, long now) {
        return db.write(c -> {
            Optional<LockedUser> found = lockUser(c, "username", username, now);
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            LockedUser user = found.get();
            if (user.flagged()) { // a lapsed block is cleared too, but it was no block: nothing to record
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET blocked = 0, blocked_at = NULL, "
                        + "blocked_by = NULL, block_reason = NULL, blocked_until = NULL WHERE id = ?")) {
                    ps.setLong(1, user.id());
                    ps.executeUpdate();
                }
            }
            if (user.blocked()) {
                AuditLog.insert(c, AuditAction.UNBLOCK, actor, user.username(), List.of(), null, now);
                SessionFeed.unblocked(c, user.username(), actor, now);
            }
            return Users.load(c, username, now);
        });
    }

    /** A blocked user's admin tokens go in the block's transaction: nothing revives them on unblock. */
    private static void revokeAdminTokens(Connection c, LockedUser user, String actor, long now) throws SQLException {
        AdminTokens.revokeAllAudited(c, user.id(), actor, user.username(), "account blocked", now);
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

    /**
     * Blocks the account until {@code until} (null: until unblocked). An account already blocked keeps
     * its block, with the new end when that differs. Returns whether anything changed.
     */
    private static boolean applyBlock(Connection c, LockedUser user, String actor, String reason, Long until,
            long now) throws SQLException {
        if (user.blocked() && Objects.equals(user.until(), until)) {
            return false;
        }
        String sql = user.blocked() ? "UPDATE users SET blocked_until = ? WHERE id = ?"
                : "UPDATE users SET blocked_until = ?, blocked = 1, blocked_at = ?, blocked_by = ?, block_reason = ? "
                        + "WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (until == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, until);
            }
            int index = 2;
            if (!user.blocked()) {
                ps.setLong(index++, now);
                ps.setString(index++, actor);
                ps.setString(index++, reason);
            }
            ps.setLong(index, user.id());
            ps.executeUpdate();
        }
        SessionFeed.blocked(c, user.username(), actor, reason, now);
        return true;
    }

    // --- bulk log out ---

    /** Bulk answers are written once per call; 100,000 ids fit in a few MB. */
    BulkLogoutResult logoutSessions(List<String> requested, boolean block, String reason, Long until, String actor,
            long now) {
        return db.write(c -> {
            List<String> ids = new ArrayList<>(new TreeSet<>(requested));
            Map<String, Long> owners = activeOwners(c, ids);
            List<String> skipped = new ArrayList<>();
            for (String id : requested) {
                if (!owners.containsKey(id)) {
                    skipped.add(id);
                }
            }
            List<String> ended;
            List<String> blockedNames = new ArrayList<>();
            Set<String> usernames = new TreeSet<>();
            if (block) {
                List<LockedUser> users = new ArrayList<>();
                for (long userId : new TreeSet<>(owners.values())) { // in id order: no deadlock between two of these
                    LockedUser user = lockUser(c, "id", userId, now).orElseThrow();
                    refuseSelfBlock(user, actor);
                    users.add(user);
                }
                List<String> all = new ArrayList<>();
                for (LockedUser user : users) {
                    all.addAll(activeSessionIds(c, user.id()));
                    usernames.add(user.username());
                }
                ended = MobileSessions.end(c, all, actor, reason, now);
                for (LockedUser user : users) {
                    if (applyBlock(c, user, actor, reason, until, now)) {
                        blockedNames.add(user.username());
                    }
                    revokeAdminTokens(c, user, actor, now);
                }
            } else {
                ended = MobileSessions.end(c, new ArrayList<>(owners.keySet()), actor, reason, now);
                usernames.addAll(usernamesOf(c, new TreeSet<>(owners.values())));
            }
            if (!ended.isEmpty() || !blockedNames.isEmpty()) {
                long auditId = AuditLog.insert(c, block ? AuditAction.BLOCK_SESSIONS : AuditAction.LOGOUT_SESSIONS,
                        actor, usernames.size() == 1 ? usernames.iterator().next() : "", ended, reason,
                        block ? until : null, now);
                PushQueries.insertDeliveries(c, auditId, ended, now); // when each device was told
            }
            return new BulkLogoutResult(ended, blockedNames, skipped);
        });
    }

    /** session id -> user id of those of {@code ids} that are active, in id order (PostgreSQL locks in it). */
    private static Map<String, Long> activeOwners(Connection c, List<String> ids) throws SQLException {
        Map<String, Long> owners = new TreeMap<>();
        for (int start = 0; start < ids.size(); start += 500) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            // +ended_at: by the primary key, not by walking the partial index of active sessions (SQLite)
            try (PreparedStatement ps = c.prepareStatement("SELECT id, user_id FROM sessions WHERE +ended_at IS NULL "
                    + "AND id IN " + SessionFeed.placeholders(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return owners;
    }

    private static List<String> usernamesOf(Connection c, Set<Long> userIds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM users WHERE id = ?")) {
            for (long id : userIds) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return names;
    }
}

package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.User;
import com.sessiondesk.server.security.identity.Usernames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SQL steps of the admin actions (log out, block, unblock), each run in the caller's
 * transaction ({@link Database#write}); which steps an action takes is the service's business
 * ({@code server/service/LogoutService}).
 */
public final class AdminQueries {

    /**
     * A user row, locked until the transaction ends (PostgreSQL; SQLite has one writer anyway).
     * {@code blocked} is whether a block is in force now; {@code flagged} whether the row still carries
     * one (perhaps lapsed); {@code until} the end of the block, or null.
     */
    public record LockedAccount(long id, String username, boolean blocked, boolean flagged, Long until) {
    }

    private final Connection c;
    private final Dialect dialect;

    public AdminQueries(Connection c, Dialect dialect) {
        this.c = c;
        this.dialect = dialect;
    }

    /** Locks the account of user id {@code userId}; empty when there is none. */
    public Optional<LockedAccount> lockAccount(long userId, long now) throws SQLException {
        return lock("id", userId, now);
    }

    /** Locks the account {@code username}; empty when there is none. */
    public Optional<LockedAccount> lockAccount(String username, long now) throws SQLException {
        return lock("username", Usernames.normalize(username), now);
    }

    private Optional<LockedAccount> lock(String column, Object value, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, blocked, blocked_until FROM users WHERE "
                + column + " = ?" + dialect.forUpdate())) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean flagged = rs.getInt(3) != 0;
                long end = rs.getLong(4);
                Long until = rs.wasNull() ? null : end;
                return Optional.of(new LockedAccount(rs.getLong(1), rs.getString(2),
                        Blocks.inForce(flagged, until, now), flagged, until));
            }
        }
    }

    /** The user id of session {@code sessionId} (ended or not); empty when there is no such session. */
    public Optional<Long> sessionOwner(String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM sessions WHERE id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The active sessions of a user, oldest login first. */
    public List<String> activeSessionIds(long userId) throws SQLException {
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

    /** session id -> user id of those of {@code ids} that are active, in id order (PostgreSQL locks in it). */
    public Map<String, Long> activeOwners(List<String> ids) throws SQLException {
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

    /** The username of each of these user ids (an unknown id is left out). */
    public Map<Long, String> usernamesById(Set<Long> userIds) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM users WHERE id = ?")) {
            for (long id : userIds) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        names.put(id, rs.getString(1));
                    }
                }
            }
        }
        return names;
    }

    /** Ending sessions past their deadline get their end first (see {@link PushQueries#finishDue}). */
    public void finishDueEndings(long now) throws SQLException {
        PushQueries.finishDue(c, now);
    }

    /** Ends the still active sessions among {@code ids}; returns those this call ended. */
    public List<String> end(List<String> ids, String actor, String reason, long now) throws SQLException {
        return MobileSessions.end(c, ids, actor, reason, now);
    }

    /** Makes the active sessions among {@code ids} ending, by {@code deadline}; returns those this call changed. */
    public List<String> startEnding(List<String> ids, String actor, String reason, long now, long deadline)
            throws SQLException {
        return PushQueries.startEnding(c, ids, actor, reason, now, deadline);
    }

    /**
     * Blocks the account until {@code until} (null: until unblocked). An account already blocked keeps
     * its block, with the new end when that differs. Returns whether anything changed.
     */
    public boolean applyBlock(LockedAccount account, String actor, String reason, Long until, long now)
            throws SQLException {
        if (account.blocked() && Objects.equals(account.until(), until)) {
            return false;
        }
        String sql = account.blocked() ? "UPDATE users SET blocked_until = ? WHERE id = ?"
                : "UPDATE users SET blocked_until = ?, blocked = 1, blocked_at = ?, blocked_by = ?, block_reason = ? "
                        + "WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (until == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, until);
            }
            int index = 2;
            if (!account.blocked()) {
                ps.setLong(index++, now);
                ps.setString(index++, actor);
                ps.setString(index++, reason);
            }
            ps.setLong(index, account.id());
            ps.executeUpdate();
        }
        SessionFeed.blocked(c, account.username(), actor, reason, now);
        return true;
    }

    /** Clears the block flag of the account (in force or lapsed). */
    public void clearBlock(LockedAccount account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET blocked = 0, blocked_at = NULL, "
                + "blocked_by = NULL, block_reason = NULL, blocked_until = NULL WHERE id = ?")) {
            ps.setLong(1, account.id());
            ps.executeUpdate();
        }
    }

    /** The live consoles learn that the account was unblocked. */
    public void feedUnblocked(LockedAccount account, String actor, long now) throws SQLException {
        SessionFeed.unblocked(c, account.username(), actor, now);
    }

    /** Deletes every admin token of the account, with a security event when there were any. */
    public void revokeAdminTokens(LockedAccount account, String actor, String why, long now) throws SQLException {
        AdminTokens.revokeAllAudited(c, account.id(), actor, account.username(), why, now);
    }

    /** Stores a new password hash for the account. */
    public void setPasswordHash(LockedAccount account, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, passwordHash);
            ps.setLong(2, account.id());
            ps.executeUpdate();
        }
    }

    /** Deletes the admin tokens of the account but {@code keepTokenHash} (null: all); returns how many. */
    public int revokeAdminTokensExcept(LockedAccount account, String keepTokenHash) throws SQLException {
        return AdminTokens.revokeAllOf(c, account.id(), keepTokenHash);
    }

    /**
     * Records one audit event listing {@code sessionIds}, each with a delivery that waits for its
     * device to be told. {@code until}: the end of a time-limited block, or null.
     */
    public void audit(AuditAction action, String actor, String username, List<String> sessionIds, String reason,
            Long until, long now) throws SQLException {
        long auditId = AuditLog.insert(c, action, actor, username, sessionIds, reason, until, now);
        PushQueries.insertDeliveries(c, auditId, sessionIds, now);
    }

    /** The account as the API shows it, read in this transaction. */
    public Optional<User> user(String username, long now) throws SQLException {
        return Users.load(c, username, now);
    }
}

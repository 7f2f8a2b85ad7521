package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.server.store.Records.ThrottleCounter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * The security side of the store: login throttle counters (in the database, so that every service
 * instance on one PostgreSQL counts the same attempts) and rate-limited security events.
 */
final class SecurityQueries {

    private static final long MINUTE = 60_000L;

    private final Database db;

    SecurityQueries(Database db) {
        this.db = db;
    }

    long reserveLoginAttempts(List<ThrottleCounter> counters, long now) {
        // Always lock in key order: two logins touching the same counters cannot deadlock.
        List<ThrottleCounter> ordered = counters.stream().sorted(Comparator.comparing(ThrottleCounter::key)).toList();
        return db.write(c -> {
            long[] starts = new long[ordered.size()];
            int[] attempts = new int[ordered.size()];
            long wait = 0;
            for (int i = 0; i < ordered.size(); i++) {
                ThrottleCounter counter = ordered.get(i);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_throttle (throttle_key, window_start, "
                        + "attempts) VALUES (?, ?, 0) ON CONFLICT (throttle_key) DO NOTHING")) {
                    ps.setString(1, counter.key());
                    ps.setLong(2, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT window_start, attempts FROM login_throttle "
                        + "WHERE throttle_key = ?" + db.dialect().forUpdate())) {
                    ps.setString(1, counter.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        starts[i] = rs.getLong(1);
                        attempts[i] = rs.getInt(2);
                    }
                }
                if (starts[i] + counter.windowMillis() <= now) {
                    starts[i] = now;
                    attempts[i] = 0;
                }
                if (attempts[i] >= counter.limit()) {
                    wait = Math.max(wait, starts[i] + counter.windowMillis() - now);
                }
            }
            if (wait > 0) {
                return wait;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET window_start = ?, attempts = ? "
                    + "WHERE throttle_key = ?")) {
                for (int i = 0; i < ordered.size(); i++) {
                    ps.setLong(1, starts[i]);
                    ps.setInt(2, attempts[i] + 1);
                    ps.setString(3, ordered.get(i).key());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return 0L;
        });
    }

    void settleLoginAttempts(List<String> release, List<String> reset, String knownKey, long knownUntil) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET attempts = attempts - 1 "
                    + "WHERE throttle_key = ? AND attempts > 0")) {
                for (String key : release) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET attempts = 0 WHERE throttle_key = ?")) {
                for (String key : reset) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
            }
            if (knownKey != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET known_until = ? "
                        + "WHERE throttle_key = ?")) {
                    ps.setLong(1, knownUntil);
                    ps.setString(2, knownKey);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    boolean isKnownLoginClient(String key, long now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM login_throttle WHERE throttle_key = ? "
                    + "AND known_until > ?")) {
                ps.setString(1, key);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    void purgeLoginThrottle(long before, long now) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE window_start < ? "
                    + "AND (known_until IS NULL OR known_until < ?)")) {
                ps.setLong(1, before);
                ps.setLong(2, now);
                return ps.executeUpdate();
            }
        });
    }

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

    /** Deletes a user's admin tokens but one; returns how many were deleted. */
    static int revokeAdminTokens(Connection c, long userId, String keepTokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_tokens WHERE user_id = ?"
                + (keepTokenHash != null ? " AND token_hash <> ?" : ""))) {
            ps.setLong(1, userId);
            if (keepTokenHash != null) {
                ps.setString(2, keepTokenHash);
            }
            return ps.executeUpdate();
        }
    }

    /** Audits that a blocked or demoted super user's admin sessions were ended (when there were any). */
    static void auditRevokedTokens(Connection c, int count, String actor, String username, String why, long now)
            throws SQLException {
        if (count > 0) {
            JdbcStore.insertAudit(c, AuditAction.ADMIN_TOKENS_REVOKED, actor, username, List.of(),
                    count + (count == 1 ? " admin session" : " admin sessions") + " ended: " + why, now);
        }
    }
}

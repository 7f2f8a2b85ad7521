package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.server.store.Records.AdminToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code admin_tokens} table: the admins' signed-in sessions, checked on every admin request. */
final class AdminTokens {

    private final Database db;
    private final Clock clock;

    /** @param clock whether the token's user is blocked is asked of this clock */
    AdminTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a new token, deleting the expired ones on the way. */
    void create(String tokenHash, long userId, long now, long expiresAt) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_tokens WHERE expires_at < ?")) {
                ps.setLong(1, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_tokens (token_hash, user_id, created_at, "
                    + "last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, tokenHash);
                ps.setLong(2, userId);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.setLong(5, expiresAt);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The token with its user. */
    Optional<AdminToken> find(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.user_id, u.username, u.name, u.super_user, "
                    + Blocks.inForceSql("u") + ", t.last_used_at, t.expires_at FROM admin_tokens t "
                    + "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new AdminToken(tokenHash, rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4) != 0, rs.getInt(5) != 0, rs.getLong(6), rs.getLong(7)));
                }
            }
        });
    }

    /**
     * Which of these tokens still give their holder the admin routes: not revoked (signed out,
     * password set, demoted), not past their absolute end, of a super user who is not blocked.
     */
    Set<String> live(Collection<String> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return Set.of();
        }
        long now = clock.millis();
        return db.read(c -> {
            Set<String> live = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.token_hash FROM admin_tokens t "
                    + "JOIN users u ON u.id = t.user_id WHERE t.token_hash IN ("
                    + String.join(", ", Collections.nCopies(tokenHashes.size(), "?")) + ") AND t.expires_at > ? "
                    + "AND u.super_user <> 0 AND " + Blocks.inForceSql("u") + " = 0")) {
                int i = 1;
                for (String hash : tokenHashes) {
                    ps.setString(i++, hash);
                }
                ps.setLong(i++, now);
                ps.setLong(i, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        live.add(rs.getString(1));
                    }
                }
            }
            return live;
        });
    }

    /** Moves Last Used forward to {@code now} (an older time never overwrites a newer one). */
    void touch(String tokenHash, long now) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE admin_tokens SET last_used_at = ? "
                    + "WHERE token_hash = ? AND last_used_at < ?")) {
                ps.setLong(1, now);
                ps.setString(2, tokenHash);
                ps.setLong(3, now);
                return ps.executeUpdate();
            }
        });
    }

    void revoke(String tokenHash) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_tokens WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Deletes every token of a user but {@code keepTokenHash} (may be null), in the caller's
     * transaction; returns how many.
     */
    static int revokeAllOf(Connection c, long userId, String keepTokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_tokens WHERE user_id = ?"
                + (keepTokenHash != null ? " AND token_hash <> ?" : ""))) {
            ps.setLong(1, userId);
            if (keepTokenHash != null) {
                ps.setString(2, keepTokenHash);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * A blocked or demoted super user loses every admin session, in the caller's transaction; one
     * audit event says so when there were any.
     */
    static void revokeAllAudited(Connection c, long userId, String actor, String username, String why, long now)
            throws SQLException {
        int count = revokeAllOf(c, userId, null);
        if (count > 0) {
            AuditLog.insert(c, AuditAction.ADMIN_TOKENS_REVOKED, actor, username, List.of(),
                    count + (count == 1 ? " admin session" : " admin sessions") + " ended: " + why, now);
        }
    }
}

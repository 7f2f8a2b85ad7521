package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.User;
import com.sessiondesk.server.security.identity.Usernames;
import com.sessiondesk.server.store.Records.Credentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code users} table: accounts, their credentials and super-user flag. Blocking and unblocking
 * are admin actions ({@link AdminQueries}); a block's end is asked of the clock at read time ({@link Blocks}).
 */
final class Users {

    private static final String USER_COLUMNS = "u.username, u.name, u.super_user, u.blocked, u.blocked_at, "
            + "u.blocked_by, u.block_reason, COALESCE(a.active, 0) AS active, u.blocked_until";
    private static final String USER_FROM = " FROM users u LEFT JOIN (SELECT user_id, COUNT(*) AS active FROM sessions "
            + "WHERE ended_at IS NULL GROUP BY user_id) a ON a.user_id = u.id";

    private final Database db;
    private final Clock clock;

    Users(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean any() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Creates the account under its normalized username ({@link Usernames#normalize}); when that
     * username is taken or looks like an existing one ({@link Usernames#skeleton}), creates nothing
     * and returns the existing username.
     */
    Optional<String> create(String username, String name, String passwordHash, boolean superUser, long now) {
        String normalized = Usernames.normalize(username);
        String skeleton = Usernames.skeleton(normalized);
        return db.write(c -> {
            if (idOf(c, normalized) != null) {
                return Optional.of(normalized);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT username FROM users");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Usernames.skeleton(rs.getString(1)).equals(skeleton)) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, name, password_hash, "
                    + "super_user, blocked, created_at) VALUES (?, ?, ?, ?, 0, ?)")) {
                ps.setString(1, normalized);
                ps.setString(2, name);
                ps.setString(3, passwordHash);
                ps.setInt(4, superUser ? 1 : 0);
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            return Optional.<String>empty();
        });
    }

    /** False when the username is unknown. */
    boolean setPasswordHash(String username, String passwordHash) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
                ps.setString(1, passwordHash);
                ps.setString(2, Usernames.normalize(username));
                return ps.executeUpdate() == 1;
            }
        });
    }

    Optional<Credentials> credentials(String username) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, username, name, password_hash, super_user, "
                    + Blocks.inForceSql("users") + " FROM users WHERE username = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, Usernames.normalize(username));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5) != 0, rs.getInt(6) != 0));
                }
            }
        });
    }

    Optional<User> user(String username) {
        return db.read(c -> load(c, username, clock.millis()));
    }

    /** Every user, by username. */
    List<User> all() {
        long now = clock.millis();
        return db.read(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + " ORDER BY u.username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(toUser(rs, now));
                }
            }
            return users;
        });
    }

    /**
     * Makes the user a super user or a staff user again, audited with its actor when it changes;
     * demoting deletes the user's admin tokens in the same transaction (audited too).
     */
    Optional<User> setSuperUser(String username, boolean superUser, String actor, long now) {
        return db.write(c -> {
            Optional<User> before = load(c, username, now);
            if (before.isEmpty()) {
                return Optional.<User>empty();
            }
            if (before.get().superUser() == superUser) {
                return before;
            }
            long id = idOf(c, username);
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET super_user = ? WHERE id = ?")) {
                ps.setInt(1, superUser ? 1 : 0);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            String name = before.get().username();
            AuditLog.insert(c, superUser ? AuditAction.SUPER_USER_PROMOTED : AuditAction.SUPER_USER_DEMOTED, actor,
                    name, List.of(), null, now);
            if (!superUser) {
                AdminTokens.revokeAllAudited(c, id, actor, name, "no longer a super user", now);
            }
            return load(c, username, now);
        });
    }

    // --- in the caller's transaction ---

    /** The id of the user, or null when there is none of that name. */
    static Long idOf(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            ps.setString(1, Usernames.normalize(username));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The user as the API shows it, with its count of active sessions and its block as in force at {@code now}. */
    static Optional<User> load(Connection c, String username, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + " WHERE u.username = ?")) {
            ps.setString(1, Usernames.normalize(username));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs, now)) : Optional.empty();
            }
        }
    }

    /** A block whose end has passed is no block: the account reads as unblocked. */
    private static User toUser(ResultSet rs, long now) throws SQLException {
        Instant until = Rows.instant(rs, 9);
        boolean blocked = Blocks.inForce(rs.getInt(4) != 0, until == null ? null : until.toEpochMilli(), now);
        return blocked
                ? new User(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, true, Rows.instant(rs, 5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), until)
                : new User(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, false, null, null, null,
                        rs.getInt(8), null);
    }
}

package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import com.sessiondesk.server.store.Records.MobileSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link Store} over JDBC, for SQLite and PostgreSQL alike (see {@link Dialect} for the differences). */
public final class JdbcStore implements Store {

    private static final String USER_COLUMNS = "u.username, u.name, u.super_user, u.blocked, u.blocked_at, "
            + "u.blocked_by, u.block_reason, COALESCE(a.active, 0) AS active";
    private static final String USER_FROM = " FROM users u LEFT JOIN (SELECT user_id, COUNT(*) AS active FROM sessions "
            + "WHERE ended_at IS NULL GROUP BY user_id) a ON a.user_id = u.id";
    private static final String SESSION_COLUMNS = "s.user_id, s.id, u.username, u.name, s.device_id, s.device_model, "
            + "s.device_os, s.application, s.app_version, s.language, s.login_at, s.last_seen_at, s.pending_sync_items";

    private final Database db;
    private final PreparedLookup sessionByToken;

    public JdbcStore(Database db) {
        this.db = db;
        this.sessionByToken = new PreparedLookup(db, "SELECT s.id, s.user_id, u.username, u.name, s.ended_at, "
                + "s.end_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", 4);
    }

    /** Closes the connections of the hot-path lookup (the pool is closed with the {@link Database}). */
    public void close() {
        sessionByToken.close();
    }

    public Database database() {
        return db;
    }

    // --- users ---

    @Override
    public boolean hasUsers() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public boolean createUser(String username, String name, String passwordHash, boolean superUser, long now) {
        return db.write(c -> {
            if (userId(c, username) != null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, name, password_hash, "
                    + "super_user, blocked, created_at) VALUES (?, ?, ?, ?, 0, ?)")) {
                ps.setString(1, username);
                ps.setString(2, name);
                ps.setString(3, passwordHash);
                ps.setInt(4, superUser ? 1 : 0);
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            return true;
        });
    }

    private static Long userId(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, username, name, password_hash, super_user, "
                    + "blocked FROM users WHERE username = ?")) {
                ps.setString(1, username);
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

    @Override
    public Optional<User> user(String username) {
        return db.read(c -> loadUser(c, username));
    }

    private static Optional<User> loadUser(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + " WHERE u.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<User> users() {
        return db.read(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + " ORDER BY u.username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(toUser(rs));
                }
            }
            return users;
        });
    }

    private static User toUser(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4) != 0,
                instant(rs, 5), rs.getString(6), rs.getString(7), rs.getInt(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    // --- mobile sessions ---

    @Override
    public Optional<String> startSession(long userId, Device device, String tokenHash, long now) {
        return db.write(c -> {
            // Re-read the block flag under a share lock: a login racing a block either finishes first
            // (and its session is ended by the block) or sees the block.
            try (PreparedStatement ps = c.prepareStatement("SELECT blocked FROM users WHERE id = ?"
                    + db.dialect().forShare())) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 0) {
                        return Optional.<String>empty();
                    }
                }
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, token_hash, user_id, application, "
                    + "app_version, device_id, device_model, device_os, language, login_at, last_seen_at, "
                    + "pending_sync_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
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
                ps.executeUpdate();
            }
            return Optional.of(id);
        });
    }

    @Override
    public Optional<MobileSession> mobileSession(String tokenHash) {
        return sessionByToken.query(ps -> ps.setString(1, tokenHash), rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            rs.getLong(5);
            boolean ended = !rs.wasNull();
            return Optional.of(new MobileSession(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), ended, rs.getString(6)));
        });
    }

    @Override
    public void endSessionByUser(String sessionId, String username, long now) {
        db.write(c -> endSessions(c, List.of(sessionId), username, null, now));
    }

    @Override
    public void recordHeartbeats(Map<String, Heartbeat> heartbeats) {
        if (heartbeats.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_seen_at = ?, "
                    + "pending_sync_items = COALESCE(?, pending_sync_items) WHERE id = ? AND ended_at IS NULL")) {
                for (Map.Entry<String, Heartbeat> entry : heartbeats.entrySet()) {
                    Heartbeat beat = entry.getValue();
                    ps.setLong(1, beat.lastSeen());
                    if (beat.pendingSyncItems() == null) {
                        ps.setNull(2, Types.INTEGER);
                    } else {
                        ps.setInt(2, beat.pendingSyncItems());
                    }
                    ps.setString(3, entry.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean isSessionToken(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    // --- admin tokens ---

    @Override
    public void createAdminToken(String tokenHash, long userId, long now, long expiresAt) {
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

    @Override
    public Optional<AdminToken> adminToken(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.user_id, u.username, u.name, u.super_user, "
                    + "u.blocked, t.last_used_at, t.expires_at FROM admin_tokens t JOIN users u ON u.id = t.user_id "
                    + "WHERE t.token_hash = ?")) {
                ps.setString(1, tokenHash);
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

    @Override
    public void touchAdminToken(String tokenHash, long now) {
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

    @Override
    public void revokeAdminToken(String tokenHash) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_tokens WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    // --- admin reads ---

    /** Separates the text columns packed into one by {@link #activeSessionRows}; never in a value (see Fields). */
    static final char UNIT_SEPARATOR = '\u001f';
    private static final String PACKED_TEXT = String.join(" || '" + UNIT_SEPARATOR + "' || ",
            "id", "device_id", "device_model", "device_os", "application", "app_version", "language");

    /**
     * Two sequential scans and a sort in memory: for 100,000 rows much faster than an index-ordered
     * join. {@code +ended_at} keeps SQLite from walking the partial index row by row (ten times
     * slower than scanning the table), and the seven text columns come packed in one, because the
     * driver's per-column cost, not the database, dominated.
     */
    @Override
    public List<ActiveSessionRow> activeSessionRows(String username, String application) {
        return db.read(c -> {
            Long onlyUser = null;
            if (username != null) {
                onlyUser = userId(c, username);
                if (onlyUser == null) {
                    return List.<ActiveSessionRow>of();
                }
            }
            String sql = "SELECT user_id, login_at, last_seen_at, pending_sync_items, " + PACKED_TEXT
                    + " FROM sessions WHERE +ended_at IS NULL"
                    + (onlyUser != null ? " AND user_id = ?" : "") + (application != null ? " AND application = ?" : "");
            Map<Long, String[]> names = userNames(c, onlyUser);
            List<ActiveSessionRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(5000);
                int index = 1;
                if (onlyUser != null) {
                    ps.setLong(index++, onlyUser);
                }
                if (application != null) {
                    ps.setString(index, application);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String[] text = new String[7];
                    while (rs.next()) {
                        long userId = rs.getLong(1);
                        String[] user = names.get(userId);
                        if (user == null) { // created after the users were read
                            user = userNames(c, userId).get(userId);
                            names.put(userId, user);
                        }
                        unpack(rs.getString(5), text);
                        rows.add(new ActiveSessionRow(userId, text[0], user[0], user[1], text[1], text[2], text[3],
                                text[4], text[5], text[6], rs.getLong(2), rs.getLong(3), rs.getInt(4)));
                    }
                }
            }
            rows.sort(NEWEST_LAST_SEEN_FIRST);
            return rows;
        });
    }

    private static void unpack(String packed, String[] into) {
        int start = 0;
        for (int i = 0; i < into.length - 1; i++) {
            int end = packed.indexOf(UNIT_SEPARATOR, start);
            into[i] = packed.substring(start, end);
            start = end + 1;
        }
        into[into.length - 1] = packed.substring(start);
    }

    private static final Comparator<ActiveSessionRow> NEWEST_LAST_SEEN_FIRST =
            Comparator.comparingLong(ActiveSessionRow::lastSeen).reversed().thenComparing(ActiveSessionRow::id);

    /** user id -> {username, name}; all users, or only {@code onlyUser}. */
    private static Map<Long, String[]> userNames(Connection c, Long onlyUser) throws SQLException {
        Map<Long, String[]> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, name FROM users"
                + (onlyUser != null ? " WHERE id = ?" : ""))) {
            ps.setFetchSize(5000);
            if (onlyUser != null) {
                ps.setLong(1, onlyUser);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return names;
    }

    private static ActiveSessionRow toRow(ResultSet rs) throws SQLException {
        return new ActiveSessionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getInt(13));
    }

    @Override
    public Optional<Session> activeSession(String sessionId) {
        return db.read(c -> {
            ActiveSessionRow row;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.ended_at IS NULL")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Session>empty();
                    }
                    row = toRow(rs);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sessions WHERE user_id = ? AND "
                    + "application = ? AND device_id = ? AND ended_at IS NULL AND login_at > ?")) {
                ps.setLong(1, row.userId());
                ps.setString(2, row.application());
                ps.setString(3, row.deviceId());
                ps.setLong(4, row.loginTime());
                try (ResultSet rs = ps.executeQuery()) {
                    return Optional.of(row.toSession(rs.next()));
                }
            }
        });
    }

    // --- admin actions: each one transaction, the user row locked first ---

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

    @Override
    public Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
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
                insertAudit(c, action, actor, user.username(), ended, reason, now);
            }
            return Optional.of(new LogoutResult(ended, user.blocked() || newlyBlocked));
        });
    }

    @Override
    public Optional<LogoutResult> logoutUser(String username, String reason, String actor, long now) {
        return db.write(c -> {
            Optional<LockedUser> found = lockUser(c, "username", username);
            if (found.isEmpty()) {
                return Optional.<LogoutResult>empty();
            }
            LockedUser user = found.get();
            List<String> ended = endSessions(c, activeSessionIds(c, user.id()), actor, reason, now);
            if (!ended.isEmpty()) {
                insertAudit(c, AuditAction.LOGOUT_ALL, actor, user.username(), ended, reason, now);
            }
            return Optional.of(new LogoutResult(ended, user.blocked()));
        });
    }

    @Override
    public Optional<User> blockUser(String username, String reason, String actor, long now) {
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
                insertAudit(c, AuditAction.BLOCK, actor, user.username(), ended, reason, now);
            }
            return loadUser(c, username);
        });
    }

    @Override
    public Optional<User> unblockUser(String username, String actor, long now) {
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
                insertAudit(c, AuditAction.UNBLOCK, actor, user.username(), List.of(), null, now);
            }
            return loadUser(c, username);
        });
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
    private static List<String> endSessions(Connection c, List<String> ids, String endedBy, String reason, long now)
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

    // --- audit ---

    @Override
    public void recordAudit(AuditAction action, String actor, String username, List<String> sessionIds, String reason,
            long now) {
        db.write(c -> {
            insertAudit(c, action, actor, username, sessionIds, reason, now);
            return null;
        });
    }

    private static void insertAudit(Connection c, AuditAction action, String actor, String username,
            List<String> sessionIds, String reason, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                + "session_ids, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, now);
            ps.setString(2, actor);
            ps.setString(3, action.wireName());
            ps.setString(4, username);
            ps.setString(5, String.join(",", sessionIds));
            ps.setString(6, reason);
            ps.executeUpdate();
        }
    }

    @Override
    public List<AuditEvent> audit(String username, int limit) {
        String sql = "SELECT id, at, actor, action, username, session_ids, reason FROM audit_events"
                + (username != null ? " WHERE username = ?" : "") + " ORDER BY id DESC LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 1;
                if (username != null) {
                    ps.setString(index++, username);
                }
                ps.setInt(index, limit);
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ids = rs.getString(6);
                        events.add(new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5),
                                ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")), rs.getString(7)));
                    }
                }
                return events;
            }
        });
    }

    // --- meta ---

    @Override
    public Optional<String> meta(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT meta_value FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void setMeta(String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}

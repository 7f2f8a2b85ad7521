package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.User;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import com.sessiondesk.server.store.Records.MobileSession;
import com.sessiondesk.server.store.Records.ThrottleCounter;
import com.sessiondesk.server.store.Records.SessionSignal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link Store} over JDBC, for SQLite and PostgreSQL alike (see {@link Dialect} for the differences). */
public final class JdbcStore implements Store {

    private static final String USER_COLUMNS = "u.username, u.name, u.super_user, u.blocked, u.blocked_at, "
            + "u.blocked_by, u.block_reason, COALESCE(a.active, 0) AS active, u.blocked_until";
    private static final String USER_FROM = " FROM users u LEFT JOIN (SELECT user_id, COUNT(*) AS active FROM sessions "
            + "WHERE ended_at IS NULL GROUP BY user_id) a ON a.user_id = u.id";

    private final Database db;
    private final PreparedLookup sessionByToken;
    private final ActiveSessionQueries activeSessions;
    private final AdminActions adminActions;
    private final Clock clock;
    private final SecurityQueries security;
    private final PushQueries push;

    public JdbcStore(Database db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock whether a time-limited block is still in force is asked at read time, of this clock */
    public JdbcStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.activeSessions = new ActiveSessionQueries(db);
        this.adminActions = new AdminActions(db);
        this.security = new SecurityQueries(db);
        this.sessionByToken = new PreparedLookup(db, "SELECT s.id, s.user_id, u.username, u.name, s.ended_at, "
                + "s.end_reason, s.login_at, s.last_seen_at, s.ended_by, s.end_after FROM sessions s "
                + "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", 4);
        this.push = new PushQueries(db);
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

    @Override
    public boolean setPasswordHash(String username, String passwordHash) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
                ps.setString(1, passwordHash);
                ps.setString(2, username);
                return ps.executeUpdate() == 1;
            }
        });
    }

    static Long userId(Connection c, String username) throws SQLException {
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
                    + Blocks.inForceSql("users") + " FROM users WHERE username = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, username);
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
        return db.read(c -> loadUser(c, username, clock.millis()));
    }

    static Optional<User> loadUser(Connection c, String username, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + USER_FROM + " WHERE u.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs, now)) : Optional.empty();
            }
        }
    }

    @Override
    public List<User> users() {
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

    /** A block whose end has passed is no block: the account reads as unblocked. */
    private static User toUser(ResultSet rs, long now) throws SQLException {
        Instant until = instant(rs, 9);
        boolean blocked = Blocks.inForce(rs.getInt(4) != 0, until == null ? null : until.toEpochMilli(), now);
        return blocked
                ? new User(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, true, instant(rs, 5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), until)
                : new User(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, false, null, null, null,
                        rs.getInt(8), null);
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
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
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Blocks.inForceSql("users")
                    + " FROM users WHERE id = ?" + db.dialect().forShare())) {
                ps.setLong(1, now);
                ps.setLong(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 0) {
                        return Optional.<String>empty();
                    }
                }
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, token_hash, user_id, application, "
                    + "app_version, device_id, device_model, device_os, language, login_at, last_seen_at, "
                    + "pending_sync_items, address, fed_last_seen_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
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
                ps.executeUpdate();
            }
            SessionFeed.started(c, id, now);
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
            long endAfterValue = rs.getLong(10);
            Long endAfter = rs.wasNull() ? null : endAfterValue;
            return Optional.of(new MobileSession(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), ended, rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                    endAfter));
        });
    }

    @Override
    public void endSessionByUser(String sessionId, String username, long now) {
        db.write(c -> AdminActions.endSessions(c, List.of(sessionId), username, null, now));
    }

    @Override
    public void recordHeartbeats(Map<String, Heartbeat> heartbeats) {
        if (heartbeats.isEmpty()) {
            return;
        }
        db.write(c -> {
            HeartbeatFeed.record(c, db.dialect(), heartbeats, clock.millis());
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

    // --- admin reads and actions ---

    @Override
    public List<ActiveSessionRow> activeSessionRows(String username, String application) {
        return activeSessions.activeSessionRows(username, application);
    }

    @Override
    public Optional<Session> activeSession(String sessionId) {
        return activeSessions.activeSession(sessionId);
    }

    @Override
    public Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            String actor, long now) {
        return adminActions.logoutSession(sessionId, allDevices, block, reason, actor, now);
    }

    @Override
    public Optional<LogoutResult> logoutUser(String username, String reason, String actor, long now) {
        return adminActions.logoutUser(username, reason, actor, now);
    }

    @Override
    public Optional<User> blockUser(String username, String reason, String actor, long now) {
        return adminActions.blockUser(username, reason, actor, now);
    }

    @Override
    public Optional<User> unblockUser(String username, String actor, long now) {
        return adminActions.unblockUser(username, actor, now);
    }

    // --- the live console (issue 8) ---

    @Override
    public ListAtCursor activeSessionRowsWithCursor(String username, String application) {
        return activeSessions.activeSessionRowsWithCursor(username, application);
    }

    @Override
    public Optional<SessionChanges> sessionChanges(String since) {
        long now = clock.millis();
        return db.snapshot(c -> SessionFeed.changes(c, since, now));
    }

    @Override
    public String sessionFeedCursor() {
        return db.read(c -> SessionFeed.position(c).cursor());
    }

    @Override
    public int pruneSessionFeed(long olderThan) {
        return db.write(c -> SessionFeed.prune(c, olderThan));
    }

    @Override
    public BulkLogoutResult logoutSessions(List<String> sessionIds, boolean block, String reason, Long until,
            String actor, long now) {
        return adminActions.logoutSessions(sessionIds, block, reason, until, actor, now);
    }

    @Override
    public Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            Long until, String actor, long now) {
        return adminActions.logoutSession(sessionId, allDevices, block, reason, until, actor, now);
    }

    @Override
    public Optional<User> blockUser(String username, String reason, Long until, String actor, long now) {
        return adminActions.blockUser(username, reason, until, actor, now);
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

    /** Inserts one audit event; returns its id. */
    static long insertAudit(Connection c, AuditAction action, String actor, String username,
            List<String> sessionIds, String reason, long now) throws SQLException {
        return insertAudit(c, action, actor, username, sessionIds, reason, null, now);
    }

    /** Inserts one audit event; returns its id. @param until the end of a time-limited block, or null */
    static long insertAudit(Connection c, AuditAction action, String actor, String username,
            List<String> sessionIds, String reason, Long until, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                + "session_ids, reason, until_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, now);
            ps.setString(2, actor);
            ps.setString(3, action.wireName());
            ps.setString(4, username);
            ps.setString(5, String.join(",", sessionIds));
            ps.setString(6, reason);
            if (until == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, until);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<AuditEvent> audit(String username, int limit) {
        String sql = "SELECT id, at, actor, action, username, session_ids, reason, address, event_count, until_at "
                + "FROM audit_events"
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
                                ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")), rs.getString(7),
                                rs.getString(8), nullableInt(rs, 9), instant(rs, 10)));
                    }
                }
                return withDeliveries(c, events);
            }
        });
    }

    // --- security ---

    @Override
    public long reserveLoginAttempts(List<ThrottleCounter> counters, long now) {
        return security.reserveLoginAttempts(counters, now);
    }

    @Override
    public void settleLoginAttempts(List<String> release, List<String> reset, String knownKey, long knownUntil) {
        security.settleLoginAttempts(release, reset, knownKey, knownUntil);
    }

    @Override
    public boolean isKnownLoginClient(String key, long now) {
        return security.isKnownLoginClient(key, now);
    }

    @Override
    public void purgeLoginThrottle(long before, long now) {
        security.purgeLoginThrottle(before, now);
    }

    @Override
    public void recordSecurityEvent(AuditAction action, String username, String address, String reason, long now) {
        security.recordSecurityEvent(action, username, address, reason, now);
    }

    @Override
    public Optional<User> setSuperUser(String username, boolean superUser, String actor, long now) {
        return db.write(c -> {
            Long id = userId(c, username);
            if (id == null) {
                return Optional.<User>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET super_user = ? WHERE id = ?")) {
                ps.setInt(1, superUser ? 1 : 0);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            if (!superUser) {
                SecurityQueries.auditRevokedTokens(c, SecurityQueries.revokeAdminTokens(c, id, null), actor, username,
                        "no longer a super user", now);
            }
            return loadUser(c, username, now);
        });
    }

    @Override
    public void expireSession(String sessionId, long now) {
        db.write(c -> AdminActions.endSessions(c, List.of(sessionId), MobileSession.EXPIRED, null, now));
    }

    @Override
    public int expireSessions(long idleBefore, long startedBefore, long now) {
        return db.write(c -> {
            // the ids first, so that the endings reach the change feed like any other (AdminActions.endSessions)
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
            return AdminActions.endSessions(c, expired, MobileSession.EXPIRED, null, now).size();
        });
    }

    @Override
    public int revokeAdminTokensOf(long userId, String keepTokenHash) {
        return db.write(c -> SecurityQueries.revokeAdminTokens(c, userId, keepTokenHash));
    }

    @Override
    public String metaIfAbsent(String key, String value) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?) "
                    + "ON CONFLICT (meta_key) DO NOTHING")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT meta_value FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    // --- push to the device, delivery, log out after sync ---

    private static List<AuditEvent> withDeliveries(Connection c, List<AuditEvent> events) throws SQLException {
        List<Long> ids = events.stream().filter(e -> !e.sessionIds().isEmpty()).map(AuditEvent::id).toList();
        Map<Long, List<Delivery>> deliveries = PushQueries.deliveries(c, ids);
        if (deliveries.isEmpty()) {
            return events;
        }
        List<AuditEvent> withDeliveries = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            List<Delivery> found = deliveries.get(e.id());
            if (found == null) {
                withDeliveries.add(e);
                continue;
            }
            List<Delivery> ordered = new ArrayList<>(found);
            ordered.sort(Comparator.comparingInt(d -> e.sessionIds().indexOf(d.sessionId())));
            withDeliveries.add(e.withDeliveries(ordered));
        }
        return withDeliveries;
    }

    @Override
    public Optional<LogoutResult> logoutSessionAfterSync(String sessionId, boolean allDevices, boolean block,
            String reason, Long until, String actor, long now, long syncDeadline) {
        return adminActions.logoutSession(sessionId, allDevices, block, reason, until, actor, now, syncDeadline);
    }

    @Override
    public Optional<LogoutResult> logoutUserAfterSync(String username, String reason, String actor, long now,
            long syncDeadline) {
        return adminActions.logoutUser(username, reason, actor, now, syncDeadline);
    }

    @Override
    public Optional<User> blockUserAfterSync(String username, String reason, Long until, String actor, long now,
            long syncDeadline) {
        return adminActions.blockUser(username, reason, until, actor, now, syncDeadline);
    }

    @Override
    public List<SessionSignal> sessionSignalsSince(long since) {
        return push.signalsSince(since);
    }

    @Override
    public Optional<SessionSignal> sessionSignal(String sessionId) {
        return push.signal(sessionId);
    }

    @Override
    public boolean endSessionAfterSync(String sessionId, long now) {
        return push.endAfterSync(sessionId, now);
    }

    @Override
    public int finishDueEndings(long now) {
        return push.finishDueEndings(now);
    }

    @Override
    public void markDelivered(Collection<String> sessionIds, String channel, long now) {
        push.markDelivered(sessionIds, channel, now);
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

package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.User;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import com.sessiondesk.server.store.Records.MobileSession;
import com.sessiondesk.server.store.Records.SessionSignal;
import com.sessiondesk.server.store.Records.ThrottleCounter;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Store} over JDBC, for SQLite and PostgreSQL alike (see {@link Dialect} for the
 * differences). A facade: every method is one call to the class that holds its SQL, one class per
 * table or concern, which also runs the transaction (only the change feed's reads and prune run
 * {@link SessionFeed} in a transaction opened here). None of those classes calls back into this one.
 *
 * <pre>
 * users                          Users
 * sessions (mobile side)         MobileSessions (and HeartbeatFeed for the heartbeat flush)
 * sessions (Active Sessions)     ActiveSessionQueries
 * log out, block, bulk           AdminActions (one transaction each, user row locked first)
 * admin_tokens                   AdminTokens
 * audit_events                   AuditLog
 * login_throttle                 ThrottleCounters
 * deliveries, after sync         PushQueries
 * session_feed, feed_state       SessionFeed
 * meta                           Meta
 * </pre>
 */
public final class JdbcStore implements Store {

    private final Database db;
    private final Clock clock;
    private final Users users;
    private final MobileSessions sessions;
    private final ActiveSessionQueries activeSessions;
    private final AdminActions adminActions;
    private final AdminTokens adminTokens;
    private final AuditLog auditLog;
    private final ThrottleCounters throttle;
    private final PushQueries push;
    private final Meta meta;

    public JdbcStore(Database db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock whether a time-limited block is still in force is asked at read time, of this clock */
    public JdbcStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.users = new Users(db, clock);
        this.sessions = new MobileSessions(db, clock);
        this.activeSessions = new ActiveSessionQueries(db);
        this.adminActions = new AdminActions(db);
        this.adminTokens = new AdminTokens(db, clock);
        this.auditLog = new AuditLog(db);
        this.throttle = new ThrottleCounters(db);
        this.push = new PushQueries(db);
        this.meta = new Meta(db);
    }

    /** Closes the connections of the hot-path lookup (the pool is closed with the {@link Database}). */
    public void close() {
        sessions.close();
    }

    public Database database() {
        return db;
    }

    // --- users ---

    @Override
    public boolean hasUsers() {
        return users.any();
    }

    @Override
    public boolean createUser(String username, String name, String passwordHash, boolean superUser, long now) {
        return users.create(username, name, passwordHash, superUser, now);
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash) {
        return users.setPasswordHash(username, passwordHash);
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        return users.credentials(username);
    }

    @Override
    public Optional<User> user(String username) {
        return users.user(username);
    }

    @Override
    public List<User> users() {
        return users.all();
    }

    // --- mobile sessions ---

    @Override
    public Optional<String> startSession(long userId, Device device, String tokenHash, long now) {
        return sessions.start(userId, device, tokenHash, now);
    }

    @Override
    public Optional<MobileSession> mobileSession(String tokenHash) {
        return sessions.byToken(tokenHash);
    }

    @Override
    public void endSessionByUser(String sessionId, String username, long now) {
        sessions.endByUser(sessionId, username, now);
    }

    @Override
    public void recordHeartbeats(Map<String, Heartbeat> heartbeats) {
        sessions.recordHeartbeats(heartbeats);
    }

    @Override
    public boolean isSessionToken(String tokenHash) {
        return sessions.isToken(tokenHash);
    }

    // --- admin tokens ---

    @Override
    public void createAdminToken(String tokenHash, long userId, long now, long expiresAt) {
        adminTokens.create(tokenHash, userId, now, expiresAt);
    }

    @Override
    public Optional<AdminToken> adminToken(String tokenHash) {
        return adminTokens.find(tokenHash);
    }

    @Override
    public void touchAdminToken(String tokenHash, long now) {
        adminTokens.touch(tokenHash, now);
    }

    @Override
    public void revokeAdminToken(String tokenHash) {
        adminTokens.revoke(tokenHash);
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
    public long countActiveSessions() {
        return activeSessions.count();
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

    // --- the live console: change feed, bulk log out, time-limited blocks ---

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
        auditLog.record(action, actor, username, sessionIds, reason, now);
    }

    @Override
    public List<AuditEvent> audit(String username, int limit) {
        return auditLog.events(username, limit);
    }

    // --- security ---

    @Override
    public long reserveLoginAttempts(List<ThrottleCounter> counters, long now) {
        return throttle.reserveLoginAttempts(counters, now);
    }

    @Override
    public void settleLoginAttempts(List<String> release, List<String> reset, String knownKey, long knownUntil) {
        throttle.settleLoginAttempts(release, reset, knownKey, knownUntil);
    }

    @Override
    public boolean isKnownLoginClient(String key, long now) {
        return throttle.isKnownLoginClient(key, now);
    }

    @Override
    public void purgeLoginThrottle(long before, long now) {
        throttle.purgeLoginThrottle(before, now);
    }

    @Override
    public void recordSecurityEvent(AuditAction action, String username, String address, String reason, long now) {
        auditLog.recordSecurityEvent(action, username, address, reason, now);
    }

    @Override
    public Optional<User> setSuperUser(String username, boolean superUser, String actor, long now) {
        return users.setSuperUser(username, superUser, actor, now);
    }

    @Override
    public void expireSession(String sessionId, long now) {
        sessions.expire(sessionId, now);
    }

    @Override
    public int expireSessions(long idleBefore, long startedBefore, long now) {
        return sessions.expire(idleBefore, startedBefore, now);
    }

    @Override
    public int revokeAdminTokensOf(long userId, String keepTokenHash) {
        return adminTokens.revokeAllOf(userId, keepTokenHash);
    }

    @Override
    public String metaIfAbsent(String key, String value) {
        return meta.getOrSet(key, value);
    }

    // --- push to the device, delivery, log out after sync ---

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
        return meta.get(key);
    }

    @Override
    public void setMeta(String key, String value) {
        meta.set(key, value);
    }
}

package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.User;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import com.sessiondesk.server.store.Records.LoginStart;
import com.sessiondesk.server.store.Records.MobileSession;
import com.sessiondesk.server.store.Records.SessionSignal;
import com.sessiondesk.server.store.Records.ThrottleCounter;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the service keeps, over JDBC, for SQLite and PostgreSQL alike (see {@link Dialect} for the
 * differences). A facade: every method is one call to the class that holds its SQL, one class per
 * table or concern, which also runs the transaction (only the change feed's reads and prune run
 * {@link SessionFeed} in a transaction opened here). None of those classes calls back into this one.
 *
 * <pre>
 * users                          Users
 * sessions (mobile side)         MobileSessions (and HeartbeatFeed for the heartbeat flush)
 * sessions (Active Sessions)     ActiveSessionQueries
 * log out, block, bulk           AdminQueries (the SQL steps; the transaction and the rules are
 *                                server/service/LogoutService's)
 * admin_tokens                   AdminTokens
 * audit_events                   AuditLog
 * login_throttle                 ThrottleCounters
 * deliveries, after sync         PushQueries
 * session_feed, feed_state       SessionFeed
 * meta                           Meta
 * </pre>
 * Times are epoch milliseconds; {@code actor} is an admin's username.
 */
public final class JdbcStore {

    private final Database db;
    private final Clock clock;
    private final Users users;
    private final MobileSessions sessions;
    private final ActiveSessionQueries activeSessions;
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

    public boolean hasUsers() {
        return users.any();
    }

    /** Creates a user; false when the username is taken or looks like an existing one. */
    public boolean createUser(String username, String name, String passwordHash, boolean superUser, long now) {
        return addUser(username, name, passwordHash, superUser, now).isEmpty();
    }

    /**
     * Creates a user under its normalized username; when that is taken or looks like an existing
     * username (a confusable), creates nothing and returns the existing username.
     */
    public Optional<String> addUser(String username, String name, String passwordHash, boolean superUser, long now) {
        return users.create(username, name, passwordHash, superUser, now);
    }

    /** Replaces a user's password hash; false when the username is unknown. */
    public boolean setPasswordHash(String username, String passwordHash) {
        return users.setPasswordHash(username, passwordHash);
    }

    public Optional<Credentials> credentials(String username) {
        return users.credentials(username);
    }

    public Optional<User> user(String username) {
        return users.user(username);
    }

    public List<User> users() {
        return users.all();
    }

    // --- mobile sessions ---

    /**
     * Starts a session, re-checking inside the transaction that the user and the device are not
     * blocked; an address unseen for {@link Devices#ADDRESS_MEMORY_MILLIS} counts as new.
     *
     * @return the new session id, or empty when the user or the device was blocked meanwhile
     */
    public Optional<String> startSession(long userId, Device device, String tokenHash, long now) {
        return Optional.ofNullable(startLogin(userId, device, tokenHash, now, Devices.ADDRESS_MEMORY_MILLIS)
                .sessionId());
    }

    /**
     * Starts a session unless the user or the device is blocked (both re-checked in the transaction),
     * recording the device and the address as seen by the user.
     *
     * @param addressMemoryMillis an address the user was last seen at longer ago than this is new
     */
    public LoginStart startLogin(long userId, Device device, String tokenHash, long now, long addressMemoryMillis) {
        return startLogin(userId, device, tokenHash, now, addressMemoryMillis, Integer.MAX_VALUE);
    }

    /** As above; a login beyond {@code maxSessions} active sessions of its user ends the oldest. */
    public LoginStart startLogin(long userId, Device device, String tokenHash, long now, long addressMemoryMillis,
            int maxSessions) {
        return sessions.start(userId, device, tokenHash, now, addressMemoryMillis, maxSessions);
    }

    public Optional<MobileSession> mobileSession(String tokenHash) {
        return sessions.byToken(tokenHash);
    }

    /** The user ended their own session. */
    public void endSessionByUser(String sessionId, String username, long now) {
        sessions.endByUser(sessionId, username, now);
    }

    /**
     * Whether the heartbeat flush records a session's new address as seen by its user (on in the
     * service). Only the benchmark of that tracking (DeviceTrackingBench) turns it off.
     */
    public static void trackAddressesAtHeartbeat(boolean on) {
        HeartbeatFeed.trackAddresses(on);
    }

    /** Writes coalesced heartbeats; sessions that ended meanwhile are left alone. */
    public void recordHeartbeats(Map<String, Heartbeat> heartbeats) {
        sessions.recordHeartbeats(heartbeats);
    }


    // --- admin tokens ---

    public void createAdminToken(String tokenHash, long userId, long now, long expiresAt) {
        adminTokens.create(tokenHash, userId, now, expiresAt);
    }

    /** Those of these admin tokens that still give access (not revoked or expired, super user, not blocked). */
    public Set<String> liveAdminTokens(Collection<String> tokenHashes) {
        return adminTokens.live(tokenHashes);
    }

    public Optional<AdminToken> adminToken(String tokenHash) {
        return adminTokens.find(tokenHash);
    }

    public void touchAdminToken(String tokenHash, long now) {
        adminTokens.touch(tokenHash, now);
    }

    public void revokeAdminToken(String tokenHash) {
        adminTokens.revoke(tokenHash);
    }

    // --- admin reads ---

    /** Active sessions, newest Last Seen first; null filters match everything. */
    public List<ActiveSessionRow> activeSessionRows(String username, String application) {
        return activeSessions.activeSessionRows(username, application);
    }

    public Optional<Session> activeSession(String sessionId) {
        return activeSessions.activeSession(sessionId);
    }

    /** How many sessions are active (one count of the active sessions' index; for the metrics). */
    public long countActiveSessions() {
        return activeSessions.count();
    }

    // --- the live console: change feed ---

    /** Like {@link #activeSessionRows}, with the change feed's cursor at the moment of the list (one snapshot). */
    public ListAtCursor activeSessionRowsWithCursor(String username, String application) {
        return activeSessions.activeSessionRowsWithCursor(username, application);
    }

    /** What changed since the cursor; empty when it is unknown or older than the feed keeps (410). */
    public Optional<SessionChanges> sessionChanges(String since) {
        long now = clock.millis();
        return db.snapshot(c -> SessionFeedReader.after(c, since, now));
    }

    /** The feed's position now: the cursor a list read now would carry. */
    public String sessionFeedCursor() {
        return db.read(c -> SessionFeed.position(c).cursor());
    }

    /** Drops feed rows written before {@code olderThan} (their cursors expire); returns how many. */
    public int pruneSessionFeed(long olderThan) {
        return db.write(c -> SessionFeed.prune(c, olderThan));
    }

    // --- audit ---

    public void recordAudit(AuditAction action, String actor, String username, List<String> sessionIds, String reason,
            long now) {
        auditLog.record(action, actor, username, sessionIds, reason, now);
    }

    public List<AuditEvent> audit(String username, int limit) {
        return auditLog.events(username, limit);
    }

    /**
     * Up to {@code limit} events of {@code category} (null: both), of {@code username} (null: anyone),
     * older than {@code beforeId} (null: from the newest), newest first.
     */
    public List<AuditEvent> auditPage(AuditCategory category, String username, Long beforeId, int limit) {
        return auditLog.page(category, username, beforeId, limit);
    }

    /** Deletes the events of {@code category} recorded before {@code olderThan}; returns how many. */
    public int pruneAudit(AuditCategory category, long olderThan) {
        return auditLog.prune(category, olderThan);
    }

    // --- security ---

    public long reserveLoginAttempts(List<ThrottleCounter> counters, long now) {
        return throttle.reserveLoginAttempts(counters, now);
    }

    /** How long a counter at its limit still holds (0: none is), read without taking the write lock. */
    public long loginWait(List<ThrottleCounter> counters, long now) {
        return throttle.loginWait(counters, now);
    }

    /**
     * After an attempt: gives back one attempt of each of {@code release} (it did not fail), starts
     * {@code reset} over, and marks {@code knownKey} (when not null) as known until {@code knownUntil}.
     */
    public void settleLoginAttempts(List<String> release, List<String> reset, String knownKey, long knownUntil) {
        throttle.settleLoginAttempts(release, reset, knownKey, knownUntil);
    }

    /** True when the counter {@code key} was marked known until after {@code now}. */
    public boolean isKnownLoginClient(String key, long now) {
        return throttle.isKnownLoginClient(key, now);
    }

    /** Deletes counters whose window ended before {@code before} and that are not known any more. */
    public void purgeLoginThrottle(long before, long now) {
        throttle.purgeLoginThrottle(before, now);
    }

    /**
     * Records a security event, at most one row per account, address, kind and minute: a repeat
     * within the minute adds one to that row's count.
     */
    public void recordSecurityEvent(AuditAction action, String username, String address, String reason, long now) {
        auditLog.recordSecurityEvent(action, username, address, reason, now);
    }

    /**
     * Makes a user a super user or not. Demoting deletes their admin tokens in the same transaction
     * (audited); empty when the username is unknown.
     */
    public Optional<User> setSuperUser(String username, boolean superUser, String actor, long now) {
        return users.setSuperUser(username, superUser, actor, now);
    }

    /** Ends a session that outlived its lifetime (ended by {@link MobileSession#EXPIRED}). */
    public void expireSession(String sessionId, long now) {
        sessions.expire(sessionId, now);
    }

    /**
     * Ends every active session last seen before {@code idleBefore} or started before
     * {@code startedBefore} (ended by {@link MobileSession#EXPIRED}); returns how many.
     */
    public int expireSessions(long idleBefore, long startedBefore, long now) {
        return sessions.expire(idleBefore, startedBefore, now);
    }

    /** The value of {@code key}, storing {@code value} first when there is none (atomic across instances). */
    public String metaIfAbsent(String key, String value) {
        return meta.getOrSet(key, value);
    }

    // --- push to the device, delivery, log out after sync ---

    /** Sessions ended, or made ending, at or after {@code since}: what the device streams poll. */
    public List<SessionSignal> sessionSignalsSince(long since) {
        return push.signalsSince(since);
    }

    public Optional<SessionSignal> sessionSignal(String sessionId) {
        return push.signal(sessionId);
    }

    /** The device of an ending session has synced: the session ends now. False when it was not ending. */
    public boolean endSessionAfterSync(String sessionId, long now) {
        return push.endAfterSync(sessionId, now);
    }

    /** Gives ending sessions past their deadline their end (they already count as ended when read). */
    public int finishDueEndings(long now) {
        return push.finishDueEndings(now);
    }

    /** The devices of these sessions were told ({@code channel} "stream" or "response"); the first time counts. */
    public void markDelivered(Collection<String> sessionIds, String channel, long now) {
        push.markDelivered(sessionIds, channel, now);
    }

    // --- meta ---

    public Optional<String> meta(String key) {
        return meta.get(key);
    }

    public void setMeta(String key, String value) {
        meta.set(key, value);
    }
}

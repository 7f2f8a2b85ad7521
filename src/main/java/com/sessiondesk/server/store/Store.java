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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the service keeps. Times are epoch milliseconds; {@code actor} is an admin's username. */
public interface Store {

    // --- users ---

    boolean hasUsers();

    /** Creates a user; false when the username is taken. */
    boolean createUser(String username, String name, String passwordHash, boolean superUser, long now);

    Optional<Credentials> credentials(String username);

    /** Replaces a user's password hash; false when the username is unknown. */
    boolean setPasswordHash(String username, String passwordHash);

    Optional<User> user(String username);

    List<User> users();

    // --- mobile sessions ---

    /**
     * Starts a session, re-checking inside the transaction that the user is not blocked.
     *
     * @return the new session id, or empty when the user was blocked meanwhile
     */
    Optional<String> startSession(long userId, Device device, String tokenHash, long now);

    Optional<MobileSession> mobileSession(String tokenHash);

    /** The user ended their own session. */
    void endSessionByUser(String sessionId, String username, long now);

    /** Writes coalesced heartbeats; sessions that ended meanwhile are left alone. */
    void recordHeartbeats(Map<String, Heartbeat> heartbeats);

    boolean isSessionToken(String tokenHash);

    // --- admin tokens ---

    void createAdminToken(String tokenHash, long userId, long now, long expiresAt);

    Optional<AdminToken> adminToken(String tokenHash);

    void touchAdminToken(String tokenHash, long now);

    void revokeAdminToken(String tokenHash);

    // --- admin reads and actions ---

    /** Active sessions, newest Last Seen first; null filters match everything. */
    List<ActiveSessionRow> activeSessionRows(String username, String application);

    Optional<Session> activeSession(String sessionId);

    /** How many sessions are active (one count of the active sessions' index; for the metrics). */
    long countActiveSessions();

    /** Forced log out of a session (or all the user's, or block); empty when the session is unknown. */
    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            String actor, long now);

    Optional<LogoutResult> logoutUser(String username, String reason, String actor, long now);

    Optional<User> blockUser(String username, String reason, String actor, long now);

    Optional<User> unblockUser(String username, String actor, long now);

    // --- the live console: change feed, bulk log out, time-limited blocks ---

    /** Like {@link #activeSessionRows}, with the change feed's cursor at the moment of the list (one snapshot). */
    ListAtCursor activeSessionRowsWithCursor(String username, String application);

    /** What changed since the cursor; empty when it is unknown or older than the feed keeps (410). */
    Optional<SessionChanges> sessionChanges(String since);

    /** The feed's position now: the cursor a list read now would carry. */
    String sessionFeedCursor();

    /** Drops feed rows written before {@code olderThan} (their cursors expire); returns how many. */
    int pruneSessionFeed(long olderThan);

    /**
     * Ends many sessions in one transaction with one audit event; with {@code block} blocks their
     * accounts (until {@code until}, epoch ms, when not null) and ends all their sessions.
     *
     * @throws ActionRefused when {@code actor} would block their own account
     */
    BulkLogoutResult logoutSessions(List<String> sessionIds, boolean block, String reason, Long until, String actor,
            long now);

    /** {@link #logoutSession} with a time-limited block: {@code until} epoch ms, or null for none. */
    Optional<LogoutResult> logoutSession(String sessionId, boolean allDevices, boolean block, String reason,
            Long until, String actor, long now);

    /** {@link #blockUser} with a time-limited block: {@code until} epoch ms, or null for none. */
    Optional<User> blockUser(String username, String reason, Long until, String actor, long now);

    // --- audit ---

    void recordAudit(AuditAction action, String actor, String username, List<String> sessionIds, String reason,
            long now);

    List<AuditEvent> audit(String username, int limit);

    // --- security (login throttle shared by every instance, security events) ---

    /**
     * Counts one attempt on every counter, in one transaction, unless one of them is at its limit:
     * then nothing is counted.
     *
     * @return 0 when counted; otherwise the milliseconds until the full counter's window ends
     */
    long reserveLoginAttempts(List<Records.ThrottleCounter> counters, long now);

    /**
     * After an attempt: gives back one attempt of each of {@code release} (it did not fail), starts
     * {@code reset} over, and marks {@code knownKey} (when not null) as known until {@code knownUntil}.
     */
    void settleLoginAttempts(List<String> release, List<String> reset, String knownKey, long knownUntil);

    /** True when the counter {@code key} was marked known until after {@code now}. */
    boolean isKnownLoginClient(String key, long now);

    /** Deletes counters whose window ended before {@code before} and that are not known any more. */
    void purgeLoginThrottle(long before, long now);

    /**
     * Records a security event, at most one row per account, address, kind and minute: a repeat
     * within the minute adds one to that row's count.
     */
    void recordSecurityEvent(AuditAction action, String username, String address, String reason, long now);

    /**
     * Makes a user a super user or not. Demoting deletes their admin tokens in the same transaction
     * (audited); empty when the username is unknown.
     */
    Optional<User> setSuperUser(String username, boolean superUser, String actor, long now);

    /** Ends a session that outlived its lifetime (ended by {@link MobileSession#EXPIRED}). */
    void expireSession(String sessionId, long now);

    /**
     * Ends every active session last seen before {@code idleBefore} or started before
     * {@code startedBefore} (ended by {@link MobileSession#EXPIRED}); returns how many.
     */
    int expireSessions(long idleBefore, long startedBefore, long now);

    /** Deletes every admin token of a user but {@code keepTokenHash} (may be null); returns how many. */
    int revokeAdminTokensOf(long userId, String keepTokenHash);

    /** The value of {@code key}, storing {@code value} first when there is none (atomic across instances). */
    String metaIfAbsent(String key, String value);

    // --- push to the device, delivery, log out after sync ---

    /** {@link #logoutSession}, but the sessions are made ending: they end once synced, by the deadline at the latest. */
    Optional<LogoutResult> logoutSessionAfterSync(String sessionId, boolean allDevices, boolean block, String reason,
            Long until, String actor, long now, long syncDeadline);

    Optional<LogoutResult> logoutUserAfterSync(String username, String reason, String actor, long now,
            long syncDeadline);

    /** Blocks at once (no new login) and makes the user's sessions ending. */
    Optional<User> blockUserAfterSync(String username, String reason, Long until, String actor, long now,
            long syncDeadline);

    /** Sessions ended, or made ending, at or after {@code since}: what the device streams poll. */
    List<SessionSignal> sessionSignalsSince(long since);

    Optional<SessionSignal> sessionSignal(String sessionId);

    /** The device of an ending session has synced: the session ends now. False when it was not ending. */
    boolean endSessionAfterSync(String sessionId, long now);

    /** Gives ending sessions past their deadline their end (they already count as ended when read). */
    int finishDueEndings(long now);

    /** The devices of these sessions were told ({@code channel} "stream" or "response"); the first time counts. */
    void markDelivered(Collection<String> sessionIds, String channel, long now);

    // --- meta ---

    Optional<String> meta(String key);

    void setMeta(String key, String value);
}

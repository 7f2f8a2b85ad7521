package com.sessiondesk.server.store;

/** Small value types the store hands to the routes. */
public final class Records {

    private Records() {
    }

    /** What a login checks. */
    public record Credentials(long userId, String username, String name, String passwordHash,
            boolean superUser, boolean blocked) {
    }

    /**
     * The state of a mobile session, looked up by its token on every mobile request. {@code endedBy}
     * is {@link #EXPIRED} for a session that outlived its idle or absolute lifetime.
     */
    public record MobileSession(String sessionId, long userId, String username, String name,
            boolean ended, String endReason, long loginAt, long lastSeenAt, String endedBy, Long endAfter) {

        public static final String EXPIRED = "(expired)";
        /** The reason a session is given when its user's login elsewhere went over the sessions allowed. */
        public static final String SIGNED_IN_ELSEWHERE = "signed in on another device";

        /** A session that is not ending (no sync deadline). */
        public MobileSession(String sessionId, long userId, String username, String name, boolean ended,
                String endReason, long loginAt, long lastSeenAt, String endedBy) {
            this(sessionId, userId, username, name, ended, endReason, loginAt, lastSeenAt, endedBy, null);
        }

        public boolean expired() {
            return ended && EXPIRED.equals(endedBy);
        }

        /** Ended, or ending with its sync deadline passed (which counts as ended when read). */
        public boolean endedAt(long now) {
            return ended || endAfter != null && endAfter <= now;
        }

        /** Logged out after sync and not yet ended: the device should sync, then report 0. */
        public boolean endingAt(long now) {
            return !ended && endAfter != null && endAfter > now;
        }
    }

    /**
     * A session that ended or is ending, as the device streams see it. {@code endAfter} is the sync
     * deadline of a log out after sync; {@code blockedUntil} is the end of a time-limited block
     * (null: none, or not known to this version of the schema).
     */
    public record SessionSignal(String sessionId, Long endedAt, Long endAfter, String reason, boolean blocked,
            Long blockedUntil) {

        public boolean endedAt(long now) {
            return endedAt != null || endAfter != null && endAfter <= now;
        }

        public boolean endingAt(long now) {
            return !endedAt(now) && endAfter != null;
        }
    }

    /**
     * One login throttle counter: at most {@code limit} attempts per window of {@code windowMillis}.
     * {@code key} is already hashed (see LoginThrottle).
     */
    public record ThrottleCounter(String key, int limit, long windowMillis) {
    }

    /** An admin token with its user, checked on every admin request. */
    public record AdminToken(String tokenHash, long userId, String username, String name,
            boolean superUser, boolean blocked, long lastUsedAt, long expiresAt) {
    }

    /** The device fields of a mobile login, and the device's network address (null: unknown). */
    public record Device(String application, String appVersion, String deviceId, String deviceModel,
            String deviceOs, String language, String address) {

        public Device(String application, String appVersion, String deviceId, String deviceModel,
                String deviceOs, String language) {
            this(application, appVersion, deviceId, deviceModel, deviceOs, language, null);
        }
    }

    /**
     * Coalesced heartbeat data of one session; {@code pendingSyncItems} null keeps the stored count,
     * {@code address} null the stored address.
     */
    public record Heartbeat(long lastSeen, Integer pendingSyncItems, String address) {

        public Heartbeat(long lastSeen, Integer pendingSyncItems) {
            this(lastSeen, pendingSyncItems, null);
        }
    }

    /**
     * What a login's transaction did: the new session ({@code sessionId}, and whether its device and
     * address were new to the user), or why none was started: the account was blocked meanwhile
     * ({@code accountBlocked}) or the device is blocked ({@code deviceBlock}).
     */
    public record LoginStart(String sessionId, boolean newDevice, boolean newAddress, boolean accountBlocked,
            Devices.BlockState deviceBlock) {

        static LoginStart refusedAccount() {
            return new LoginStart(null, false, false, true, null);
        }

        static LoginStart refusedDevice(Devices.BlockState block) {
            return new LoginStart(null, false, false, false, block);
        }

        public boolean started() {
            return sessionId != null;
        }
    }
}

package com.sessiondesk.server.store;

/** Small value types the store hands to the routes. */
public final class Records {

    private Records() {
    }

    /** What a login checks. */
    public record Credentials(long userId, String username, String name, String passwordHash,
            boolean superUser, boolean blocked) {
    }

    /** The state of a mobile session, looked up by its token on every mobile request. */
    public record MobileSession(String sessionId, long userId, String username, String name,
            boolean ended, String endReason, Long endAfter) {

        public MobileSession(String sessionId, long userId, String username, String name, boolean ended,
                String endReason) {
            this(sessionId, userId, username, name, ended, endReason, null);
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

    /** An admin token with its user, checked on every admin request. */
    public record AdminToken(String tokenHash, long userId, String username, String name,
            boolean superUser, boolean blocked, long lastUsedAt, long expiresAt) {
    }

    /** The device fields of a mobile login. */
    public record Device(String application, String appVersion, String deviceId, String deviceModel,
            String deviceOs, String language) {
    }

    /** Coalesced heartbeat data of one session; {@code pendingSyncItems} null keeps the stored count. */
    public record Heartbeat(long lastSeen, Integer pendingSyncItems) {
    }
}

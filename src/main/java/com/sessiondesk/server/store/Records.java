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
            boolean ended, String endReason, long loginAt, long lastSeenAt, String endedBy) {

        public static final String EXPIRED = "(expired)";

        public boolean expired() {
            return ended && EXPIRED.equals(endedBy);
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
}

package com.sessiondesk.api;

import java.time.Instant;

/**
 * One active session of a mobile app. {@code superseded} is true when the same user has a newer
 * session of the same application on the same device (the app was updated without logging out).
 * {@code address} is the device's network address at its last request (login or heartbeat); null
 * when none was recorded.
 * {@code syncDeadline} is set while the session is ending (logged out after sync): it ends once the
 * device has synced, at that time at the latest.
 * {@code newDevice}: the user had never used this device id before this session's login;
 * {@code newAddress}: the login's address had not been seen for this user in the 90 days before it.
 */
public record Session(
        String id,
        String username,
        String name,
        String deviceId,
        String deviceModel,
        String deviceOs,
        String application,
        String appVersion,
        String language,
        Instant loginTime,
        Instant lastSeen,
        int pendingSyncItems,
        boolean superseded,
        String address,
        Instant syncDeadline,
        boolean newDevice,
        boolean newAddress) {

    /** A session from a known device and address. */
    public Session(String id, String username, String name, String deviceId, String deviceModel, String deviceOs,
            String application, String appVersion, String language, Instant loginTime, Instant lastSeen,
            int pendingSyncItems, boolean superseded, String address, Instant syncDeadline) {
        this(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language, loginTime,
                lastSeen, pendingSyncItems, superseded, address, syncDeadline, false, false);
    }

    /** A session without a recorded address, not ending. */
    public Session(String id, String username, String name, String deviceId, String deviceModel, String deviceOs,
            String application, String appVersion, String language, Instant loginTime, Instant lastSeen,
            int pendingSyncItems, boolean superseded) {
        this(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language, loginTime,
                lastSeen, pendingSyncItems, superseded, null, null);
    }

    /** A session with a recorded address, not ending. */
    public Session(String id, String username, String name, String deviceId, String deviceModel, String deviceOs,
            String application, String appVersion, String language, Instant loginTime, Instant lastSeen,
            int pendingSyncItems, boolean superseded, String address) {
        this(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language, loginTime,
                lastSeen, pendingSyncItems, superseded, address, null);
    }

    /** A session without a recorded address, ending at {@code syncDeadline} (null: not ending). */
    public Session(String id, String username, String name, String deviceId, String deviceModel, String deviceOs,
            String application, String appVersion, String language, Instant loginTime, Instant lastSeen,
            int pendingSyncItems, boolean superseded, Instant syncDeadline) {
        this(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language, loginTime,
                lastSeen, pendingSyncItems, superseded, null, syncDeadline);
    }

    /** True while the session is ending: logged out after sync, until {@code syncDeadline}. */
    public boolean ending() {
        return syncDeadline != null;
    }
}

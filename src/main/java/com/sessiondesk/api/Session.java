package com.sessiondesk.api;

import java.time.Instant;

/**
 * One active session of a mobile app. {@code superseded} is true when the same user has a newer
 * session of the same application on the same device (the app was updated without logging out).
 * {@code address} is the device's network address at its last request (login or heartbeat); null
 * when none was recorded.
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
        String address) {

    /** A session without a recorded address. */
    public Session(String id, String username, String name, String deviceId, String deviceModel, String deviceOs,
            String application, String appVersion, String language, Instant loginTime, Instant lastSeen,
            int pendingSyncItems, boolean superseded) {
        this(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language, loginTime,
                lastSeen, pendingSyncItems, superseded, null);
    }
}

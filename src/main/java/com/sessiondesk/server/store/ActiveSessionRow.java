package com.sessiondesk.server.store;

import com.sessiondesk.api.Session;
import java.time.Instant;

/**
 * One active session as read from the database, before its {@code superseded} flag is known.
 * {@code address} is the device's network address at its last request (null when none was recorded).
 * {@code newDevice} and {@code newAddress}: at its login the device, the address, was new to the user.
 */
public record ActiveSessionRow(
        long userId,
        String id,
        String username,
        String name,
        String deviceId,
        String deviceModel,
        String deviceOs,
        String application,
        String appVersion,
        String language,
        long loginTime,
        long lastSeen,
        int pendingSyncItems,
        String address,
        Long syncDeadline,
        boolean newDevice,
        boolean newAddress) {

    /** A row from a known device and address. */
    public ActiveSessionRow(long userId, String id, String username, String name, String deviceId,
            String deviceModel, String deviceOs, String application, String appVersion, String language,
            long loginTime, long lastSeen, int pendingSyncItems, String address, Long syncDeadline) {
        this(userId, id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language,
                loginTime, lastSeen, pendingSyncItems, address, syncDeadline, false, false);
    }

    /** A row without an address, not ending. */
    public ActiveSessionRow(long userId, String id, String username, String name, String deviceId,
            String deviceModel, String deviceOs, String application, String appVersion, String language,
            long loginTime, long lastSeen, int pendingSyncItems) {
        this(userId, id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language,
                loginTime, lastSeen, pendingSyncItems, null, null);
    }

    /** A row with an address, not ending. */
    public ActiveSessionRow(long userId, String id, String username, String name, String deviceId,
            String deviceModel, String deviceOs, String application, String appVersion, String language,
            long loginTime, long lastSeen, int pendingSyncItems, String address) {
        this(userId, id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language,
                loginTime, lastSeen, pendingSyncItems, address, null);
    }

    /** A row without an address, ending at {@code syncDeadline} (null: not ending). */
    public ActiveSessionRow(long userId, String id, String username, String name, String deviceId,
            String deviceModel, String deviceOs, String application, String appVersion, String language,
            long loginTime, long lastSeen, int pendingSyncItems, Long syncDeadline) {
        this(userId, id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language,
                loginTime, lastSeen, pendingSyncItems, null, syncDeadline);
    }

    public Session toSession(boolean superseded) {
        return new Session(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion,
                language, Instant.ofEpochMilli(loginTime), Instant.ofEpochMilli(lastSeen), pendingSyncItems,
                superseded, address, syncDeadline == null ? null : Instant.ofEpochMilli(syncDeadline), newDevice,
                newAddress);
    }
}

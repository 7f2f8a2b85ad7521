package com.sessiondesk.server.store;

import com.sessiondesk.api.Session;
import java.time.Instant;

/** One active session as read from the database, before its {@code superseded} flag is known. */
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
        Long syncDeadline) {

    /** A session that is not ending. */
    public ActiveSessionRow(long userId, String id, String username, String name, String deviceId,
            String deviceModel, String deviceOs, String application, String appVersion, String language,
            long loginTime, long lastSeen, int pendingSyncItems) {
        this(userId, id, username, name, deviceId, deviceModel, deviceOs, application, appVersion, language,
                loginTime, lastSeen, pendingSyncItems, null);
    }

    public Session toSession(boolean superseded) {
        return new Session(id, username, name, deviceId, deviceModel, deviceOs, application, appVersion,
                language, Instant.ofEpochMilli(loginTime), Instant.ofEpochMilli(lastSeen), pendingSyncItems,
                superseded, syncDeadline == null ? null : Instant.ofEpochMilli(syncDeadline));
    }
}

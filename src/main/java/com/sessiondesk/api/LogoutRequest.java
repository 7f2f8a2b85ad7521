package com.sessiondesk.api;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/sessions/{id}/logout}. Absent flags mean false; {@code block} implies
 * {@code allDevices}; {@code until} (only with {@code block}) makes the block lapse at that instant.
 * The reason is returned to the device with its next 401. With {@code afterSync}
 * the sessions are <em>ending</em> instead: their devices are told to sync, and each ends once its
 * device reported 0 unsynced items, or {@code syncMinutes} (default 15) after the request.
 */
public record LogoutRequest(Boolean allDevices, Boolean block, String reason, Instant until, Boolean afterSync,
        Integer syncMinutes) {

    public LogoutRequest(Boolean allDevices, Boolean block, String reason) {
        this(allDevices, block, reason, null, null, null);
    }

    public LogoutRequest(Boolean allDevices, Boolean block, String reason, Instant until) {
        this(allDevices, block, reason, until, null, null);
    }

    public LogoutRequest(Boolean allDevices, Boolean block, String reason, Boolean afterSync, Integer syncMinutes) {
        this(allDevices, block, reason, null, afterSync, syncMinutes);
    }

    /** A log out after sync: the sessions end once their devices synced, at most {@code syncMinutes} from now. */
    public static LogoutRequest afterSync(boolean allDevices, boolean block, String reason, int syncMinutes) {
        return new LogoutRequest(allDevices, block, reason, null, true, syncMinutes);
    }

    public static LogoutRequest of(boolean allDevices, boolean block, String reason) {
        return new LogoutRequest(allDevices, block, reason, null, null, null);
    }
}

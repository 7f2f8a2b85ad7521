package com.sessiondesk.api;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/sessions/{id}/logout}. Absent flags mean false; {@code block} implies
 * {@code allDevices}; {@code until} (only with {@code block}) makes the block lapse at that instant.
 * The reason is returned to the device with its next 401.
 */
public record LogoutRequest(Boolean allDevices, Boolean block, String reason, Instant until) {

    public LogoutRequest(Boolean allDevices, Boolean block, String reason) {
        this(allDevices, block, reason, null);
    }

    public static LogoutRequest of(boolean allDevices, boolean block, String reason) {
        return new LogoutRequest(allDevices, block, reason, null);
    }
}

package com.sessiondesk.api;

/**
 * Body of {@code POST /api/v1/sessions/{id}/logout}. Absent flags mean false; {@code block} implies
 * {@code allDevices}. The reason is returned to the device with its next 401.
 */
public record LogoutRequest(Boolean allDevices, Boolean block, String reason) {

    public static LogoutRequest of(boolean allDevices, boolean block, String reason) {
        return new LogoutRequest(allDevices, block, reason);
    }
}

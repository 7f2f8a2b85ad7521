package com.sessiondesk.api;

import java.time.Instant;

/**
 * Every error answer: {@code {"error": CODE, "message": TEXT}}; {@code reason} only with
 * {@code session_ended} (the admin's reason, may be null) and {@code device_blocked} (the reason of
 * the device block, may be null); {@code blockedUntil} only with {@code account_blocked} and
 * {@code device_blocked} when the block has an end.
 */
public record ErrorBody(String error, String message, String reason, Instant blockedUntil) {

    public ErrorBody(String error, String message, String reason) {
        this(error, message, reason, null);
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.wireName(), message, null, null);
    }
}

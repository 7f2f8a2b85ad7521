package com.sessiondesk.api;

/**
 * Every error answer: {@code {"error": CODE, "message": TEXT}}; {@code reason} only with
 * {@code session_ended} (the admin's reason, may be null).
 */
public record ErrorBody(String error, String message, String reason) {

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.wireName(), message, null);
    }
}

package com.sessiondesk.api;

/** The error codes of API v1 with their HTTP status. */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CREDENTIALS("invalid_credentials", 401),
    INVALID_TOKEN("invalid_token", 401),
    SESSION_ENDED("session_ended", 401),
    SESSION_EXPIRED("session_expired", 401),
    FORBIDDEN("forbidden", 403),
    ACCOUNT_BLOCKED("account_blocked", 403),
    DEVICE_BLOCKED("device_blocked", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    CURSOR_EXPIRED("cursor_expired", 410),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    RATE_LIMITED("rate_limited", 429),
    INTERNAL("internal", 500),
    SERVICE_BUSY("service_busy", 503);

    private final String wireName;
    private final int status;

    ErrorCode(String wireName, int status) {
        this.wireName = wireName;
        this.status = status;
    }

    public String wireName() {
        return wireName;
    }

    public int status() {
        return status;
    }

    /** The code for a wire name, or null when the server sent one this client does not know. */
    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        return null;
    }
}

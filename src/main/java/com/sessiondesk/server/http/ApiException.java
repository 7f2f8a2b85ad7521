package com.sessiondesk.server.http;

import com.sessiondesk.api.ErrorCode;
import java.time.Instant;

/** An error answer: {@code {"error", "message"}} with the code's status (openapi.yaml; docs/architecture.md, "The API contract"). */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String reason;
    private final long retryAfterSeconds;
    private final Instant blockedUntil;

    private ApiException(ErrorCode code, String message, String reason, long retryAfterSeconds) {
        this(code, message, reason, retryAfterSeconds, null);
    }

    private ApiException(ErrorCode code, String message, String reason, long retryAfterSeconds,
            Instant blockedUntil) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
        this.blockedUntil = blockedUntil;
    }

    /** 403 {@code account_blocked}; {@code until} the end of a time-limited block, or null. */
    public static ApiException accountBlocked(String message, Instant until) {
        return new ApiException(ErrorCode.ACCOUNT_BLOCKED, message, null, 0, until);
    }

    /**
     * 403 {@code device_blocked}: this device id is blocked, whoever signs in; {@code reason} the
     * admin's (or null), {@code until} the end of a time-limited block (or null).
     */
    public static ApiException deviceBlocked(String reason, Instant until) {
        return new ApiException(ErrorCode.DEVICE_BLOCKED, until == null
                ? "This device is blocked. Ask your office; you can still sign in on another device."
                : "This device is blocked until " + until + ". Ask your office; you can still sign in on another device.",
                reason, 0, until);
    }

    /** 410 {@code cursor_expired}: the client reloads the list. */
    public static ApiException cursorExpired() {
        return of(ErrorCode.CURSOR_EXPIRED,
                "This cursor is too old or unknown. Reload the list and follow its cursor.");
    }

    public static ApiException of(ErrorCode code, String message) {
        return new ApiException(code, message, null, 0);
    }

    public static ApiException invalid(String message) {
        return of(ErrorCode.INVALID_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return of(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException invalidToken(String message) {
        return of(ErrorCode.INVALID_TOKEN, message);
    }

    public static ApiException forbidden(String message) {
        return of(ErrorCode.FORBIDDEN, message);
    }

    /** 401 {@code session_ended}; {@code reason} is the admin's, or null. */
    public static ApiException sessionEnded(String reason) {
        return new ApiException(ErrorCode.SESSION_ENDED,
                "This session was signed out. Sign in again.", reason, 0);
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMITED,
                "Too many failed sign-in attempts for this account. Try again in " + retryAfterSeconds + " s.",
                null, retryAfterSeconds);
    }

    public ErrorCode code() {
        return code;
    }

    /** 503 {@code service_busy} with Retry-After: the password hashing queue is full. */
    public static ApiException busy(long retryAfterSeconds) {
        return new ApiException(ErrorCode.SERVICE_BUSY,
                "The service is busy checking other sign-ins. Try again in " + retryAfterSeconds + " s.", null,
                retryAfterSeconds);
    }

    /** 503 {@code service_busy} with Retry-After: the service is still starting (server/http/StartupGate). */
    public static ApiException starting() {
        return new ApiException(ErrorCode.SERVICE_BUSY, "The service is starting. Try again in 1 s.", null, 1);
    }

    public String reason() {
        return reason;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Instant blockedUntil() {
        return blockedUntil;
    }
}

package com.sessiondesk.server.http;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.User;
import com.sessiondesk.server.security.HashingQueue;
import com.sessiondesk.server.security.LoginThrottle;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.service.AlertService;
import com.sessiondesk.server.store.Records.Credentials;
import java.time.Instant;
import java.util.Optional;

/**
 * The password step of every login and of a password change: admitted by the {@link HashingQueue}
 * (503 at once when as many logins as it holds are in progress), counted by the {@link LoginThrottle}
 * before the hash runs (429 when a limit is reached), hashed on the {@link HashingQueue} (503 when
 * it is full), the same cost for unknown users, failures recorded as security events, and an old
 * hash upgraded to the current iterations after a success.
 */
final class PasswordCheck {

    /** How an account is named in the audit when the username typed does not exist. */
    static final String UNKNOWN_USER = "unknown user";

    private PasswordCheck() {
    }

    /** Who tries to sign in, from where, and what a wrong password is recorded as. */
    record Attempt(String username, String password, String address, String deviceTicketId,
            AuditAction failureEvent, String failureReason) {
    }

    /** The user when the password is right; 429 when throttled; empty when wrong (recorded). */
    static Optional<Credentials> check(Services services, Attempt attempt) {
        HashingQueue.Permit permit;
        try {
            permit = services.hashing().admit();
        } catch (HashingQueue.Busy e) {
            throw ApiException.busy(HashingQueue.RETRY_AFTER_SECONDS);
        }
        try (permit) {
            return admitted(services, attempt);
        }
    }

    private static Optional<Credentials> admitted(Services services, Attempt attempt) {
        Optional<Credentials> user = services.store().credentials(attempt.username());
        String auditName = user.map(Credentials::username).orElse(UNKNOWN_USER);
        LoginThrottle.Attempt counted;
        try {
            counted = services.throttle().begin(attempt.username(), attempt.address(), attempt.deviceTicketId());
        } catch (LoginThrottle.Throttled e) {
            services.store().recordSecurityEvent(AuditAction.LOGIN_THROTTLED, auditName, attempt.address(),
                    "too many failed sign-ins", services.now());
            new AlertService(services.store().database()).throttled(attempt.address(), services.now());
            throw ApiException.rateLimited(e.retryAfterSeconds());
        }
        Verdict verdict;
        try {
            verdict = services.hashing().run(() -> verify(user, attempt.password()));
        } catch (HashingQueue.Busy e) {
            services.throttle().abandoned(counted);
            throw ApiException.busy(HashingQueue.RETRY_AFTER_SECONDS);
        }
        if (!verdict.ok()) {
            services.store().recordSecurityEvent(attempt.failureEvent(), auditName, attempt.address(),
                    attempt.failureReason(), services.now());
            user.ifPresent(u -> new AlertService(services.store().database()).failedLogin(u.username(),
                    attempt.address(), services.now()));
            return Optional.empty();
        }
        services.throttle().succeeded(counted);
        if (verdict.upgradedHash() != null) {
            services.store().setPasswordHash(user.get().username(), verdict.upgradedHash());
        }
        return user;
    }

    /** The result of a check on the hashing queue; {@code upgradedHash} replaces a weaker stored one. */
    private record Verdict(boolean ok, String upgradedHash) {
    }

    private static Verdict verify(Optional<Credentials> user, String password) {
        if (user.isEmpty()) {
            return new Verdict(Passwords.verifyUnknownUser(password), null);
        }
        String stored = user.get().passwordHash();
        if (!Passwords.verify(password, stored)) {
            return new Verdict(false, null);
        }
        return new Verdict(true, Passwords.needsRehash(stored) ? Passwords.hash(password) : null);
    }

    /** A hash of a new password, made on the hashing queue (503 when it is full). */
    static String hashNew(Services services, String password) {
        try {
            return services.hashing().run(() -> Passwords.hash(password));
        } catch (HashingQueue.Busy e) {
            throw ApiException.busy(HashingQueue.RETRY_AFTER_SECONDS);
        }
    }

    static ApiException wrongPassword() {
        return ApiException.of(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password.");
    }

    /** 403 {@code account_blocked} that says until when, for a time-limited block. */
    static ApiException blocked(Services services, String username) {
        Instant until = services.store().user(username).map(User::blockedUntil).orElse(null);
        if (until == null) {
            return blocked();
        }
        return ApiException.accountBlocked("This account is blocked until " + until
                + ". Ask your office to unblock it sooner.", until);
    }

    static ApiException blocked() {
        return ApiException.of(ErrorCode.ACCOUNT_BLOCKED,
                "This account is blocked. Ask your office to unblock it.");
    }
}

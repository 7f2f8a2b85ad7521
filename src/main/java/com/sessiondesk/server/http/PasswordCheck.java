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
 * The password step of every login and of a password change, in this order (docs/security.md):
 * <ol>
 * <li>the {@link LoginThrottle} counts the attempt before anything else: past a limit it is
 * refused with 429 and takes no place on the hashing queue;</li>
 * <li>the {@link HashingQueue} admits it into its lane (a device ticket the throttle honours and
 * the admin's sign-in with its ticket have lanes of their own, so unknown clients never delay
 * them), or refuses it with 503, which stays counted for its client;</li>
 * <li>the hash, the same cost for unknown users; a wrong password is a security event; an old
 * hash is replaced by a current one after a success.</li>
 * </ol>
 * Both refusals are recorded as security events in one place, {@link #refused}.
 */
final class PasswordCheck {

    /** How an account is named in the audit when the username typed does not exist. */
    static final String UNKNOWN_USER = "unknown user";

    private PasswordCheck() {
    }

    /** What is being signed in to: its lane when trusted, and what a wrong password is recorded as. */
    enum Kind {
        MOBILE_LOGIN(HashingQueue.Lane.DEVICE, AuditAction.MOBILE_LOGIN_FAILED, "wrong username or password"),
        ADMIN_LOGIN(HashingQueue.Lane.ADMIN, AuditAction.ADMIN_LOGIN_FAILED, "wrong username or password"),
        /** A signed-in admin: always the admin lane. */
        PASSWORD_CHANGE(HashingQueue.Lane.ADMIN, AuditAction.ADMIN_LOGIN_FAILED,
                "wrong current password (password change)");

        private final HashingQueue.Lane trustedLane;
        private final AuditAction failureEvent;
        private final String failureReason;

        Kind(HashingQueue.Lane trustedLane, AuditAction failureEvent, String failureReason) {
            this.trustedLane = trustedLane;
            this.failureEvent = failureEvent;
            this.failureReason = failureReason;
        }
    }

    /** Who tries to sign in, from where, with which device ticket (its id when valid, else null). */
    record Attempt(String username, String password, String address, String deviceTicketId, Kind kind) {
    }

    /** The user when the password is right; 429 when throttled, 503 when its lane is full; empty when wrong. */
    static Optional<Credentials> check(Services services, Attempt attempt) {
        LoginThrottle.Attempt counted;
        try {
            counted = services.throttle().begin(attempt.username(), attempt.address(), attempt.deviceTicketId());
        } catch (LoginThrottle.Throttled e) {
            new AlertService(services.store().database()).throttled(attempt.address(), services.now());
            throw refused(services, attempt, AuditAction.LOGIN_THROTTLED, "too many failed sign-ins",
                    ApiException.rateLimited(e.retryAfterSeconds()));
        }
        HashingQueue.Permit permit;
        try {
            permit = services.hashing().admit(laneOf(attempt, counted));
        } catch (HashingQueue.Busy e) {
            services.throttle().busy(counted);
            throw refused(services, attempt, AuditAction.LOGIN_BUSY, "service busy",
                    ApiException.busy(HashingQueue.RETRY_AFTER_SECONDS));
        }
        try (permit) {
            return admitted(services, attempt, counted, permit);
        }
    }

    /** A device ticket the throttle honoured, or a signed-in admin, has its own lane; anyone else the open one. */
    private static HashingQueue.Lane laneOf(Attempt attempt, LoginThrottle.Attempt counted) {
        boolean trusted = counted.knownDevice() || attempt.kind() == Kind.PASSWORD_CHANGE;
        return trusted ? attempt.kind().trustedLane : HashingQueue.Lane.OPEN;
    }

    /** Every refused attempt (429 throttled, 503 busy) passes here: a security event, then the answer. */
    private static ApiException refused(Services services, Attempt attempt, AuditAction event, String why,
            ApiException answer) {
        services.store().recordSecurityEvent(event, auditName(services, attempt), attempt.address(), why,
                services.now());
        return answer;
    }

    private static String auditName(Services services, Attempt attempt) {
        return services.store().credentials(attempt.username()).map(Credentials::username).orElse(UNKNOWN_USER);
    }

    private static Optional<Credentials> admitted(Services services, Attempt attempt, LoginThrottle.Attempt counted,
            HashingQueue.Permit permit) {
        Optional<Credentials> user = services.store().credentials(attempt.username());
        Verdict verdict = permit.run(() -> verify(user, attempt.password()));
        if (!verdict.ok()) {
            services.store().recordSecurityEvent(attempt.kind().failureEvent,
                    user.map(Credentials::username).orElse(UNKNOWN_USER), attempt.address(),
                    attempt.kind().failureReason, services.now());
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

    /** A hash of a signed-in admin's new password, made on the admin lane (503 when it is full). */
    static String hashNew(Services services, String password) {
        try (HashingQueue.Permit permit = services.hashing().admit(HashingQueue.Lane.ADMIN)) {
            return permit.run(() -> Passwords.hash(password));
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

package com.sessiondesk.server.http;

import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.User;
import com.sessiondesk.server.security.LoginThrottle;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.Store;
import java.time.Instant;
import java.util.Optional;

/** The password step of both logins: throttled per (account, address), same cost for unknown users. */
final class PasswordCheck {

    private PasswordCheck() {
    }

    /** The user when the password is right; 429 when throttled; empty when wrong (a failure is recorded). */
    static Optional<Credentials> check(Services services, String username, String password, String address) {
        LoginThrottle throttle = services.throttle();
        long wait = throttle.retryAfterSeconds(username, address);
        if (wait > 0) {
            throw ApiException.rateLimited(wait);
        }
        Store store = services.store();
        Optional<Credentials> user = store.credentials(username);
        boolean ok = user.isPresent()
                ? Passwords.verify(password, user.get().passwordHash())
                : Passwords.verifyUnknownUser(password);
        if (!ok) {
            throttle.recordFailure(username, address);
            return Optional.empty();
        }
        throttle.recordSuccess(username, address);
        return user;
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

package com.sessiondesk.server.security;

import java.util.Optional;

/**
 * The one rule for every password that is set (CLI, environment, API): at least 12 characters for
 * super users, 8 for staff. Checked wherever a password is set, never at login.
 */
public final class PasswordPolicy {

    public static final int SUPER_USER_MIN_LENGTH = 12;
    public static final int STAFF_MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    /** Why the password is refused, in a sentence for the person setting it; empty when it is acceptable. */
    public static Optional<String> problem(String password, boolean superUser) {
        int min = superUser ? SUPER_USER_MIN_LENGTH : STAFF_MIN_LENGTH;
        if (password == null || password.isBlank()) {
            return Optional.of("The password is empty.");
        }
        if (password.codePointCount(0, password.length()) < min) {
            return Optional.of("The password is too short: at least " + min + " characters for "
                    + (superUser ? "a super user." : "a staff member."));
        }
        return Optional.empty();
    }
}

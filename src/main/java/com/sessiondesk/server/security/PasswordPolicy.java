package com.sessiondesk.server.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for every password that is set (CLI, environment, API): at least 12 characters for
 * super users, 8 for staff; not one character repeated ({@code aaaaaaaaaaaa}); not one of the
 * 10,000 most common passwords ({@value #COMMON_PASSWORDS}, compared without regard to case).
 * Checked wherever a password is set, never at login.
 */
public final class PasswordPolicy {

    public static final int SUPER_USER_MIN_LENGTH = 12;
    public static final int STAFF_MIN_LENGTH = 8;
    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

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
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("The password is one character repeated: choose another.");
        }
        if (Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password is one of the most common passwords: choose another.");
        }
        return Optional.empty();
    }

    /** True when the only thing wrong with the password is its length (or it is empty). */
    public static boolean tooShort(String password, boolean superUser) {
        return password == null || password.isBlank()
                || password.codePointCount(0, password.length()) < (superUser ? SUPER_USER_MIN_LENGTH : STAFF_MIN_LENGTH);
    }

    /** The list, read once on first use (those shorter than the staff minimum are never asked about). */
    private static final class Common {
        static final Set<String> PASSWORDS = read();

        private static Set<String> read() {
            Set<String> passwords = new HashSet<>();
            try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.startsWith("#") && line.length() >= STAFF_MIN_LENGTH) {
                        passwords.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + COMMON_PASSWORDS, e);
            }
            return passwords;
        }
    }
}

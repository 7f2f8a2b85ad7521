package com.sessiondesk.server.http;

import java.time.Instant;
import java.time.ZoneOffset;

/** Field checks with messages that name the field; all failures are 400 {@code invalid_request}. */
public final class Fields {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_REASON = 500;
    public static final int MAX_TEXT = 200;
    /** How far ahead a block's end may be set. */
    public static final int MAX_UNTIL_YEARS = 10;

    private Fields() {
    }

    /** A present, non-blank string of at most {@code max} characters, returned as given. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("The field '" + field + "' is required.");
        }
        return limited(value, field, max);
    }

    /** A present, non-empty password of at most {@code max} characters, any characters. */
    public static String password(String value) {
        return password(value, "password");
    }

    /** A present, non-empty password in the field {@code field}. */
    public static String password(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid("The field '" + field + "' is required.");
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.invalid("The field '" + field + "' is too long (at most " + MAX_TEXT + " characters).");
        }
        return value;
    }

    /**
     * An optional reason: null when absent or blank, else trimmed of surrounding spaces and at most
     * {@link #MAX_REASON} characters (Unicode code points, as JSON Schema's maxLength counts them)
     * of printable text. It is shown on the admin's screen and the user's device, so it is refused
     * (400, nothing silently changed) when it holds a control character (C0 and C1, so also line
     * breaks, tab and ESC, and the separators U+2028, U+2029), a bidi control (embeddings and overrides U+202A to U+202E, isolates
     * U+2066 to U+2069, the marks U+200E, U+200F and U+061C) or a lone surrogate.
     */
    public static String reason(String value) {
        if (value == null) {
            return null;
        }
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                throw ApiException.invalid("The field 'reason' contains a control character (U+"
                        + hex(c) + "); line breaks, tabs and escape codes are not allowed.");
            }
            if (isBidiControl(c)) {
                throw ApiException.invalid("The field 'reason' contains a bidirectional text control (U+"
                        + hex(c) + "), which could disguise the text.");
            }
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                throw ApiException.invalid("The field 'reason' contains an unpaired surrogate (U+" + hex(c)
                        + "), which is no character.");
            }
        });
        String reason = value.strip();
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw ApiException.invalid("The field 'reason' is too long (at most " + MAX_REASON + " characters).");
        }
        return reason.isEmpty() ? null : reason;
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }

    /** At most {@code max} characters and no control characters (they have no place in names and ids). */
    public static String limited(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.invalid("The field '" + field + "' is too long (at most " + max + " characters).");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ApiException.invalid("The field '" + field + "' contains a control character.");
            }
        }
        return value;
    }

    /**
     * The end of a time-limited block as epoch ms: null when absent; 400 when given without a block,
     * not in the future (a block that ended already would be no block) or more than
     * {@link #MAX_UNTIL_YEARS} years ahead. Compared as instants, so no value can overflow.
     */
    public static Long until(Instant until, boolean block, long now) {
        if (until == null) {
            return null;
        }
        if (!block) {
            throw ApiException.invalid("The field 'until' applies only to a block.");
        }
        Instant start = Instant.ofEpochMilli(now);
        if (!until.isAfter(start)) {
            throw ApiException.invalid("The field 'until' must be in the future.");
        }
        if (until.isAfter(start.atOffset(ZoneOffset.UTC).plusYears(MAX_UNTIL_YEARS).toInstant())) {
            throw ApiException.invalid("The field 'until' is too far in the future (at most " + MAX_UNTIL_YEARS
                    + " years from now).");
        }
        return until.toEpochMilli();
    }

    /** An optional query parameter: null when absent or empty. */
    public static String query(String value, String field, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return limited(value, field, max);
    }
}

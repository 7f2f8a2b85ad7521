package com.sessiondesk.server.http;

import java.time.Instant;

/** Field checks with messages that name the field; all failures are 400 {@code invalid_request}. */
public final class Fields {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_REASON = 500;
    public static final int MAX_TEXT = 200;
    private static final Instant LATEST_UNTIL = Instant.parse("9999-12-31T23:59:59Z");

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

    /** An optional reason, free text (line breaks allowed): trimmed, null when blank. */
    public static String reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String reason = value.strip();
        if (reason.length() > MAX_REASON) {
            throw ApiException.invalid("The field 'reason' is too long (at most " + MAX_REASON + " characters).");
        }
        return reason;
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
     * The end of a time-limited block as epoch ms: null when absent; 400 when given without a block
     * or not in the future (a block that ended already would be no block).
     */
    public static Long until(Instant until, boolean block, long now) {
        if (until == null) {
            return null;
        }
        if (!block) {
            throw ApiException.invalid("The field 'until' applies only to a block.");
        }
        if (until.isAfter(LATEST_UNTIL)) {
            throw ApiException.invalid("The field 'until' is too far in the future (at most year 9999).");
        }
        if (until.toEpochMilli() <= now) {
            throw ApiException.invalid("The field 'until' must be in the future.");
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

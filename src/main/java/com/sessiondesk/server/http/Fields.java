package com.sessiondesk.server.http;

/** Field checks with messages that name the field; all failures are 400 {@code invalid_request}. */
public final class Fields {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_REASON = 500;
    public static final int MAX_TEXT = 200;

    private Fields() {
    }

    /** A present, non-blank string of at most {@code max} characters, returned as given. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("The field '" + field + "' is required.");
        }
        return limited(value, field, max);
    }

    /** An optional reason: trimmed, null when blank. */
    public static String reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limited(value.strip(), "reason", MAX_REASON);
    }

    public static String limited(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.invalid("The field '" + field + "' is too long (at most " + max + " characters).");
        }
        return value;
    }

    /** An optional query parameter: null when absent or empty. */
    public static String query(String value, String field, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return limited(value, field, max);
    }
}

package com.sessiondesk.server.store;

import java.util.Locale;

/**
 * The two kinds of History rows, kept apart so that one cannot push the other out: what a signed-in
 * admin or the command line did, and what refused clients caused (failed or throttled sign-ins,
 * refused admin calls). Each is paged and pruned on its own.
 */
public enum AuditCategory {
    ACTION,
    SECURITY;

    /** The value of the {@code category} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}

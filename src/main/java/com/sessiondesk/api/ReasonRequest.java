package com.sessiondesk.api;

/**
 * Body of the user routes (log out, block): an optional reason shown to the user, and optionally a
 * log out after sync (see {@link LogoutRequest}).
 */
public record ReasonRequest(String reason, Boolean afterSync, Integer syncMinutes) {

    public ReasonRequest(String reason) {
        this(reason, null, null);
    }
}

package com.sessiondesk.api;

import java.time.Instant;

/**
 * Body of the user routes (log out, block): an optional reason shown to the user, for a block an
 * optional {@code until} (the block lapses by itself at that instant; absent: until unblocked), and
 * optionally a log out after sync (see {@link LogoutRequest}).
 */
public record ReasonRequest(String reason, Instant until, Boolean afterSync, Integer syncMinutes) {

    public ReasonRequest(String reason) {
        this(reason, null, null, null);
    }

    public ReasonRequest(String reason, Instant until) {
        this(reason, until, null, null);
    }

    public ReasonRequest(String reason, Boolean afterSync, Integer syncMinutes) {
        this(reason, null, afterSync, syncMinutes);
    }
}

package com.sessiondesk.api;

import java.time.Instant;

/**
 * Body of the user routes (log out, block): an optional reason shown to the user, and for a block an
 * optional {@code until} (the block lapses by itself at that instant; absent: until unblocked).
 */
public record ReasonRequest(String reason, Instant until) {

    public ReasonRequest(String reason) {
        this(reason, null);
    }
}

package com.sessiondesk.api;

import java.time.Instant;

/**
 * An account blocked or unblocked. {@code blockedUntil} is the end of a time-limited block (the
 * block lapses by itself at that instant, without another change in the feed); null for a block
 * without end and for an unblock. {@code by} is the admin who acted.
 */
public record BlockChange(String username, boolean blocked, Instant blockedUntil, String by, String reason) {
}

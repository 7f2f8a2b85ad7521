package com.sessiondesk.api;

import java.time.Instant;

/**
 * An account. {@code blocked} is true while a block is in force; {@code blockedUntil} is the end of
 * a time-limited block (null: blocked until unblocked). A block whose end has passed is no block.
 */
public record User(
        String username,
        String name,
        boolean superUser,
        boolean blocked,
        Instant blockedAt,
        String blockedBy,
        String blockReason,
        int activeSessions,
        Instant blockedUntil) {

    /** An account without a time limit on its block. */
    public User(String username, String name, boolean superUser, boolean blocked, Instant blockedAt,
            String blockedBy, String blockReason, int activeSessions) {
        this(username, name, superUser, blocked, blockedAt, blockedBy, blockReason, activeSessions, null);
    }
}

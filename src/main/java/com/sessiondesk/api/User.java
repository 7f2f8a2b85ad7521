package com.sessiondesk.api;

import java.time.Instant;

public record User(
        String username,
        String name,
        boolean superUser,
        boolean blocked,
        Instant blockedAt,
        String blockedBy,
        String blockReason,
        int activeSessions) {
}

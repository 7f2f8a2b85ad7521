package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code POST /api/v1/sessions/logout} did: the sessions this call ended, the accounts it
 * blocked, and the requested ids that named no active session (unknown or already ended: reported,
 * not an error). After sync, the sessions it made ending instead and when they end at the latest
 * (both null for an immediate log out).
 */
public record BulkLogoutResult(List<String> endedSessionIds, List<String> blockedUsernames,
        List<String> skippedSessionIds, List<String> endingSessionIds, Instant syncDeadline) {

    public BulkLogoutResult(List<String> endedSessionIds, List<String> blockedUsernames,
            List<String> skippedSessionIds) {
        this(endedSessionIds, blockedUsernames, skippedSessionIds, null, null);
    }
}

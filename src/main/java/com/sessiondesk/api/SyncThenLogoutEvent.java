package com.sessiondesk.api;

import java.time.Instant;

/**
 * Data of the {@code sync_then_logout} event of {@code GET /api/v1/mobile/events}: the office logged
 * the session out after sync. Upload the pending work, then heartbeat {@code pendingSyncItems: 0};
 * the session ends then, or at {@code syncDeadline} whatever is left.
 */
public record SyncThenLogoutEvent(String sessionId, Instant syncDeadline, String reason, boolean blocked,
        Instant blockedUntil) {
}

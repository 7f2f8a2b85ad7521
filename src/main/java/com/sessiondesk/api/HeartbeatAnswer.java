package com.sessiondesk.api;

import java.time.Instant;

/**
 * The 200 answer of {@code POST /api/v1/mobile/heartbeat} while the session is ending: the office
 * logged it out after sync. {@code status} is {@code sync_then_logout}: upload the pending work,
 * then heartbeat {@code pendingSyncItems: 0}; the session ends at {@code syncDeadline} in any case.
 * Otherwise a heartbeat answers 204 with no body, as always.
 */
public record HeartbeatAnswer(String status, Instant syncDeadline, String reason, boolean blocked) {

    public static final String SYNC_THEN_LOGOUT = "sync_then_logout";
}

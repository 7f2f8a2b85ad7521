package com.sessiondesk.api;

import java.time.Instant;

/**
 * Data of the {@code session_ended} event of {@code GET /api/v1/mobile/events}: the session has
 * ended (the stream closes after it). {@code reason} is the admin's, absent when none was given or
 * the user ended it; {@code blocked} says the account is blocked (a new login is refused), until
 * {@code blockedUntil} where the block has an end.
 */
public record SessionEndedEvent(String sessionId, String reason, boolean blocked, Instant blockedUntil) {
}

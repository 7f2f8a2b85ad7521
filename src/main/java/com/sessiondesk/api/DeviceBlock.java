package com.sessiondesk.api;

import java.time.Instant;

/**
 * A blocked device ({@code GET /api/v1/devices?blocked=true}): its id as the app sends it, the model
 * and system of its last session, the user who last signed in on it, and the block (who, why, when,
 * and {@code blockedUntil}, the end of a time-limited block; null for a block without end).
 */
public record DeviceBlock(
        String deviceId,
        String deviceModel,
        String deviceOs,
        String lastUsername,
        String blockedBy,
        String reason,
        Instant blockedAt,
        Instant blockedUntil) {
}

package com.sessiondesk.api;

import java.time.Instant;

/**
 * A device blocked or unblocked, in the change feed. {@code blockedUntil} is the end of a
 * time-limited block (it lapses by itself, without another change in the feed); null for a block
 * without end and for an unblock. {@code by} is the admin who acted.
 */
public record DeviceBlockChange(String deviceId, boolean blocked, Instant blockedUntil, String by, String reason) {
}

package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/** One admin action. {@code action} is one of the {@link AuditAction} wire names. */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String username,
        List<String> sessionIds,
        String reason) {
}

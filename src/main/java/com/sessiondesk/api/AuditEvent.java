package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * One admin action. {@code action} is one of the {@link AuditAction} wire names; {@code until} the
 * end of a time-limited block (null otherwise).
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String username,
        List<String> sessionIds,
        String reason,
        Instant until) {

    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason) {
        this(id, at, actor, action, username, sessionIds, reason, null);
    }
}

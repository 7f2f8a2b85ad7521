package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * One admin action. {@code action} is one of the {@link AuditAction} wire names. {@code deliveries}
 * lists, for an action that ended sessions (or made them ending), when each device was told.
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String username,
        List<String> sessionIds,
        String reason,
        List<Delivery> deliveries) {

    /** An event without delivery data (actions that ended no session, or recorded before it existed). */
    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason) {
        this(id, at, actor, action, username, sessionIds, reason, null);
    }
}

package com.sessiondesk.api;

import java.util.List;

/**
 * A page of the audit log, newest first. {@code nextCursor} reads the next (older) page as
 * {@code before}; it is absent on the last page.
 */
public record AuditList(List<AuditEvent> events, String nextCursor) {

    /** The last (or only) page. */
    public AuditList(List<AuditEvent> events) {
        this(events, null);
    }
}

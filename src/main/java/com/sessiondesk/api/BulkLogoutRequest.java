package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/sessions/logout}: end these sessions in one transaction. With
 * {@code block} the accounts that own them are blocked too (which ends every session of theirs),
 * until {@code until} when given. The reason is returned to the devices with their next 401.
 * With {@code afterSync} the sessions are made <em>ending</em> instead: their devices are told to
 * sync, and each ends once its device reported 0 unsynced items, or {@code syncMinutes} (default
 * 15) after the request.
 */
public record BulkLogoutRequest(List<String> sessionIds, Boolean block, String reason, Instant until,
        Boolean afterSync, Integer syncMinutes) {

    public BulkLogoutRequest(List<String> sessionIds, Boolean block, String reason, Instant until) {
        this(sessionIds, block, reason, until, null, null);
    }
}

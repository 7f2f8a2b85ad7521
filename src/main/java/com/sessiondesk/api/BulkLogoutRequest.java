package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/sessions/logout}: end these sessions in one transaction. With
 * {@code block} the accounts that own them are blocked too (which ends every session of theirs),
 * until {@code until} when given. The reason is returned to the devices with their next 401.
 */
public record BulkLogoutRequest(List<String> sessionIds, Boolean block, String reason, Instant until) {
}

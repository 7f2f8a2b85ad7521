package com.sessiondesk.api;

import java.util.List;

/**
 * What {@code POST /api/v1/sessions/logout} did: the sessions this call ended, the accounts it
 * blocked, and the requested ids that named no active session (unknown or already ended: reported,
 * not an error).
 */
public record BulkLogoutResult(List<String> endedSessionIds, List<String> blockedUsernames,
        List<String> skippedSessionIds) {
}

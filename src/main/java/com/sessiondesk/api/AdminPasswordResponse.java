package com.sessiondesk.api;

/**
 * What a password change ended: the account's other admin sessions (signed-in windows) and its
 * mobile sessions. The answer of {@code POST /api/v1/admin/password}.
 */
public record AdminPasswordResponse(int endedAdminSessions, int endedSessions) {
}

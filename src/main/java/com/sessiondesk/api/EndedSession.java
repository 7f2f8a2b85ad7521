package com.sessiondesk.api;

/**
 * A session that ended: {@code endedBy} is the admin who ended it, or the user themselves (a log out
 * from the app); {@code reason} the admin's reason, if any.
 */
public record EndedSession(String id, String username, String endedBy, String reason) {
}

package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * What a log out did: the sessions it ended, and with {@code afterSync} the sessions it made ending
 * (they end once synced, by {@code syncDeadline} at the latest).
 */
public record LogoutResult(List<String> endedSessionIds, boolean blocked, List<String> endingSessionIds,
        Instant syncDeadline) {

    public LogoutResult(List<String> endedSessionIds, boolean blocked) {
        this(endedSessionIds, blocked, null, null);
    }
}

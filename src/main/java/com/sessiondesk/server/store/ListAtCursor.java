package com.sessiondesk.server.store;

import java.util.List;

/** The active sessions and the feed's cursor at their moment (read in one snapshot). */
public record ListAtCursor(List<ActiveSessionRow> rows, String cursor) {
}

package com.sessiondesk.api;

import java.util.List;

/**
 * The active sessions and the {@code cursor} of the change feed at the moment of the list: pass it
 * to {@code GET /api/v1/sessions/changes?since=CURSOR} to follow the list from there.
 */
public record SessionList(List<Session> sessions, String cursor) {

    public SessionList(List<Session> sessions) {
        this(sessions, null);
    }
}

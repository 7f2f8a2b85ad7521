package com.sessiondesk.api;

import java.util.List;

/**
 * What changed in the set of active sessions since a cursor ({@code GET /api/v1/sessions/changes}):
 * sessions to insert or replace (their state now), sessions that ended, accounts blocked or
 * unblocked, devices blocked or unblocked, and the {@code cursor} to ask from next. Applying it to the list of the old cursor
 * gives the list of the new one (Last Seen moves under 30 s excepted: they are coalesced).
 * {@code alerts} are the alerts raised or updated since the cursor, in their state now.
 */
public record SessionChanges(
        List<Session> upserted,
        List<EndedSession> ended,
        List<BlockChange> blockChanges,
        List<DeviceBlockChange> deviceBlockChanges,
        String cursor,
        List<Alert> alerts) {

    /** Changes without device blocks and alerts. */
    public SessionChanges(List<Session> upserted, List<EndedSession> ended, List<BlockChange> blockChanges,
            String cursor) {
        this(upserted, ended, blockChanges, List.of(), cursor, List.of());
    }

    /** Changes without alerts. */
    public SessionChanges(List<Session> upserted, List<EndedSession> ended, List<BlockChange> blockChanges,
            List<DeviceBlockChange> deviceBlockChanges, String cursor) {
        this(upserted, ended, blockChanges, deviceBlockChanges, cursor, List.of());
    }

    /** Never null: an answer of an older service has no device block changes. */
    @Override
    public List<DeviceBlockChange> deviceBlockChanges() {
        return deviceBlockChanges == null ? List.of() : deviceBlockChanges;
    }

    /** Never null: an answer of an older service has no alerts. */
    @Override
    public List<Alert> alerts() {
        return alerts == null ? List.of() : alerts;
    }
}

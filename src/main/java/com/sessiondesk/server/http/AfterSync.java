package com.sessiondesk.server.http;

import com.sessiondesk.api.HeartbeatAnswer;
import com.sessiondesk.server.store.Records.MobileSession;
import com.sessiondesk.server.store.Records.SessionSignal;
import io.javalin.http.Context;
import java.time.Instant;

/** Log out after sync: the request fields of the admin routes, and the heartbeat of an ending session. */
final class AfterSync {

    static final int DEFAULT_SYNC_MINUTES = 15;
    static final int MAX_SYNC_MINUTES = 24 * 60;

    private AfterSync() {
    }

    /** The sync deadline asked for, or null for an immediate log out. */
    static Long deadline(Boolean afterSync, Integer syncMinutes, long now) {
        if (!Boolean.TRUE.equals(afterSync)) {
            if (syncMinutes != null) {
                throw ApiException.invalid("The field 'syncMinutes' goes with \"afterSync\": true.");
            }
            return null;
        }
        int minutes = syncMinutes == null ? DEFAULT_SYNC_MINUTES : syncMinutes;
        if (minutes < 1 || minutes > MAX_SYNC_MINUTES) {
            throw ApiException.invalid("The field 'syncMinutes' must be from 1 to " + MAX_SYNC_MINUTES + ".");
        }
        return now + minutes * 60_000L;
    }

    /**
     * The heartbeat of an ending session: 0 unsynced items ends it now (401 {@code session_ended}
     * with the reason); otherwise 200 {@code sync_then_logout} with the deadline.
     */
    static void answerHeartbeat(Services services, Context ctx, MobileSession session, Integer pendingSyncItems) {
        long now = services.now();
        if (pendingSyncItems != null && pendingSyncItems == 0) {
            services.store().endSessionAfterSync(session.sessionId(), now);
            ctx.attribute(AccessFilter.TOLD_SESSION, session.sessionId());
            throw ApiException.sessionEnded(session.endReason());
        }
        boolean blocked = services.store().sessionSignal(session.sessionId()).map(SessionSignal::blocked)
                .orElse(false);
        ctx.attribute(AccessFilter.TOLD_SESSION, session.sessionId());
        ctx.json(new HeartbeatAnswer(HeartbeatAnswer.SYNC_THEN_LOGOUT, Instant.ofEpochMilli(session.endAfter()),
                session.endReason(), blocked));
    }
}

package com.sessiondesk.client.sessions;

import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The rows following the service's change feed after a load: the feed's cursor, the stream (or,
 * from a server without one, polling), and each answer applied in place as one change of the
 * lists, never by reloading the list. Only answers for the list shown count: a reload or sign-out
 * in between turns the ticket, and older answers are dropped.
 */
final class LiveRows {

    private final ViewContext context;
    private final LoadState state;
    private final SessionRows rows;
    private final BlockMarkers markers;
    private final Runnable reload;
    private final Consumer<Runnable> keepingPosition;
    private final LiveFeed feed = new LiveFeed(ZoneId.systemDefault());
    private String cursor;
    private FeedListener listener = FeedListener.NONE;
    private boolean polling;
    private volatile int feedTicket; // read by the stream's thread to stop following an old list
    /** The push form: a stream is open (for the list of {@link #pushTicket}); none from a server without it. */
    private boolean pushing;
    private int pushTicket;
    /** Polling only: the server has no push form (404), or {@code -Dsessiondesk.livePush=false} (a proxy that holds streams back; benchmarks). */
    private boolean pushUnsupported = "false".equals(System.getProperty("sessiondesk.livePush"));
    /** The order holds (the pointer is over the table, or a row has the keyboard focus): answers that move rows wait. */
    private boolean held;
    private final List<SessionChanges> waiting = new ArrayList<>();
    private final Set<String> waitingSessions = new HashSet<>();
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper(this, "waitingCount");

    /**
     * @param reload reloads the list (a cursor the service no longer knows)
     * @param keepingPosition runs row changes with the view's selection and scroll position kept
     */
    LiveRows(ViewContext context, LoadState state, SessionRows rows, BlockMarkers markers, Runnable reload,
             Consumer<Runnable> keepingPosition) {
        this.context = context;
        this.state = state;
        this.rows = rows;
        this.markers = markers;
        this.reload = reload;
        this.keepingPosition = keepingPosition;
    }

    /** Who else reads each applied answer (the alerts). */
    void setListener(FeedListener listener) {
        this.listener = listener;
    }

    /** A reload started: answers still on their way belong to the list being replaced. */
    void replacing() {
        feedTicket++;
        dropWaiting();
    }

    /**
     * Holds the order while the admin is about to act on a row (the pointer over the table, a row
     * with the keyboard focus): an answer that would move a shown row waits, and so does every answer
     * after it (they apply in order); rows replaced where they are still change at once. Released,
     * the waiting answers apply as one change.
     */
    void hold(boolean hold) {
        held = hold;
        if (!hold && !waiting.isEmpty()) {
            List<SessionChanges> answers = new ArrayList<>(waiting);
            dropWaiting();
            answers.forEach(this::applyNow); // in order, each one change of the lists
        }
    }

    private void dropWaiting() {
        waiting.clear();
        waitingSessions.clear();
        waitingCount.set(0);
    }

    /** How many sessions have changes waiting while the order holds (0: none). */
    ReadOnlyIntegerProperty waitingCountProperty() {
        return waitingCount.getReadOnlyProperty();
    }

    /** A load arrived: follow from its cursor (null: a server without a change feed). */
    void loaded(String loadedCursor) {
        cursor = loadedCursor;
        listener.reloaded();
        if (cursor != null) {
            feed.current();
        } else {
            feed.off();
        }
    }

    /** Signed out: nothing to follow. */
    void stop() {
        feedTicket++;
        dropWaiting();
        cursor = null;
        feed.off();
    }

    /**
     * Asks the feed what changed since the cursor and applies it. One request at a time; a reload in
     * progress goes first. A cursor the service no longer knows (410) reloads the list once; an
     * unreachable server leaves the table behind, and the next poll catches up from the same cursor.
     */
    void poll(AdminService service) {
        if (cursor == null || state.isLoading()) {
            return;
        }
        if (!pushUnsupported && !(pushing && pushTicket != feedTicket)) {
            follow(service);
            return;
        }
        if (polling) {
            return; // (while a stream of a replaced list winds down, polling covers the gap)
        }
        String since = cursor;
        int ticket = feedTicket;
        polling = true;
        context.runner().run(() -> service.changes(since), changes -> {
            if (ticket != feedTicket) {
                polling = false;
                return;
            }
            applyChanges(changes, ticket, () -> {
                polling = false;
                cursor = changes.cursor();
                feed.current();
                state.confirmedCurrent(); // the footer's "Updated …" is the feed's last answer
            });
        }, error -> {
            polling = false;
            if (ticket == feedTicket && !context.handledGlobally(error)) {
                failed(error);
            }
        });
    }

    /**
     * The push form of the feed: one stream at a time, its answers applied in order as they come
     * (within a second of the change); when the service closes it (every few minutes) the next
     * tick opens another from the cursor. A service without it (404) is polled instead.
     */
    private void follow(AdminService service) {
        if (pushing) {
            return;
        }
        String since = cursor;
        int ticket = feedTicket;
        pushing = true;
        pushTicket = ticket;
        context.runner().run(() -> {
            service.followChanges(since, changes -> {
                if (ticket != feedTicket) {
                    // the list was replaced (F5, a 410): end this stream; the next tick follows the new list
                    throw new ClientException(new ClientError.Unreachable("replaced"));
                }
                context.runner().later(() -> pushed(changes, ticket));
            });
            return null;
        }, closed -> pushing = false, error -> {
            pushing = false;
            if (ticket != feedTicket || context.handledGlobally(error)) {
                return;
            }
            if (error instanceof ClientError.Rejected rejected && rejected.status() == 404) {
                pushUnsupported = true;
                poll(service);
            } else {
                failed(error);
            }
        });
    }

    private void failed(ClientError error) {
        if (error instanceof ClientError.CursorExpired) {
            reload.run();
        } else {
            feed.behind(state.clock().instant(),
                    error instanceof ClientError.Unreachable ? Messages.get("live.unreachable") : error.message());
        }
    }

    /** One pushed answer, applied at once (answers come in order, each in one turn of the FX thread). */
    private void pushed(SessionChanges changes, int ticket) {
        applyChanges(changes, ticket, () -> {
            cursor = changes.cursor();
            feed.current();
            state.confirmedCurrent(); // the footer's "Updated …" is the feed's last answer
        });
    }

    /**
     * Applies one answer of the feed in place, in one turn of the FX thread: rows start, change and
     * end as one change of the lists, then block markers follow. Its cost grows with the rows it
     * names (binary searches) plus one copy of the row array, not with a re-sort or a walk per row.
     *
     * @param done runs after it is applied (not at all when a reload or sign-out came between)
     */
    private void applyChanges(SessionChanges changes, int ticket, Runnable done) {
        if (ticket != feedTicket) {
            return;
        }
        listener.changes(changes);
        if (held && (!waiting.isEmpty() || moves(changes))) {
            waiting.add(changes);
            if (changes.upserted() != null) {
                changes.upserted().forEach(s -> waitingSessions.add(s.id()));
            }
            if (changes.ended() != null) {
                changes.ended().forEach(e -> waitingSessions.add(e.id()));
            }
            waitingCount.set(waitingSessions.size());
            done.run();
            return;
        }
        applyNow(changes);
        done.run();
    }

    private boolean moves(SessionChanges changes) {
        List<String> endedIds = changes.ended() == null ? List.of() : changes.ended().stream().map(EndedSession::id).toList();
        return rows.movesShownRows(changes.upserted() == null ? List.of() : changes.upserted(), endedIds);
    }

    /** Applies one answer to the rows and markers now (one change of the lists). */
    private void applyNow(SessionChanges changes) {
        List<Session> upserted = changes.upserted() == null ? List.of() : changes.upserted();
        List<EndedSession> ended = changes.ended() == null ? List.of() : changes.ended();
        Set<String> touchedUsers = markers.apply(changes.blockChanges() == null ? List.of() : changes.blockChanges());
        if (upserted.isEmpty() && ended.isEmpty() && touchedUsers.isEmpty()) {
            return;
        }
        Set<String> endedIds = new HashSet<>();
        for (EndedSession e : ended) {
            endedIds.add(e.id());
        }
        Map<String, Session> latest = new LinkedHashMap<>(); // one row per session: its last state
        for (Session session : upserted) {
            if (!endedIds.contains(session.id())) {
                latest.put(session.id(), session);
            }
        }
        keepingPosition.accept(() -> {
            rows.change(latest.values(), endedIds);
            rows.updateBlockMarkers(touchedUsers);
        });
    }

    LiveFeed feed() {
        return feed;
    }

    /** A cursor from the last list: the rows follow the feed. */
    boolean following() {
        return cursor != null;
    }
}

package com.sessiondesk.client.sessions;

import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.logout.LogoutOutcome;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

/**
 * The log-out dialogs of Active Sessions: opened for a row or a selection, and what they did
 * applied to the rows at once (ended rows leave, block markers follow; no reload).
 */
final class SessionLogouts {

    private final ViewContext context;
    private final Clock clock;
    private final LogoutDialogs dialogs;
    private final SessionRows rows;
    private final BlockMarkers markers;
    private final Consumer<Runnable> keepingPosition;
    private final Runnable clearSelection;

    /** @param clearSelection empties the table's selection (after a bulk log out nobody stays chosen) */
    SessionLogouts(ViewContext context, Clock clock, LogoutDialogs dialogs, SessionRows rows, BlockMarkers markers,
                   Consumer<Runnable> keepingPosition, Runnable clearSelection) {
        this.context = context;
        this.clock = clock;
        this.dialogs = dialogs;
        this.rows = rows;
        this.markers = markers;
        this.keepingPosition = keepingPosition;
        this.clearSelection = clearSelection;
    }

    /**
     * The Logout User Account dialog for a row, Block ticked when {@code block} (Ctrl+B). It opens
     * with the session as the live rows hold it now (not as the clicked row was drawn), and while it
     * is open the user's rows it speaks of follow the feed: an unsynced count that arrives meanwhile
     * shows, with "log out after sync".
     */
    void logOut(AdminService service, SessionRow row, boolean block) {
        SessionRow latest = rows.row(row.id());
        Session session = latest != null ? latest.session() : row.session();
        var dialog = LogoutDialogViewModel.forSession(session, rows.sessionsOf(row.username()), service, context, clock);
        if (block) {
            dialog.blockProperty().set(true);
        }
        dialog.setOnDone(this::done);
        ListChangeListener<SessionRow> follow = change -> dialog.update(rows.sessionsOf(row.username()));
        rows.all().addListener(follow);
        try {
            dialogs.show(dialog);
        } finally {
            rows.all().removeListener(follow);
        }
    }

    /** What the server did: the ended rows leave at once, the block marker follows. */
    void done(LogoutOutcome outcome) {
        if (outcome.blocked()) {
            for (String id : outcome.endedSessionIds()) {
                SessionRow row = rows.row(id);
                if (row != null) {
                    markers.blocked(List.of(row.username()), outcome.blockedUntil());
                }
            }
        }
        removeEnded(outcome.endedSessionIds());
    }

    /** One confirmation for many sessions, then one request; the ended rows leave at once. */
    void logOutSessions(AdminService service, String title, List<SessionRow> selected) {
        List<Session> chosen = selected.stream().map(SessionRow::session).toList();
        var dialog = new BulkLogoutViewModel(title, chosen, rows.sessions(), service, context, clock);
        dialogs.showBulkLogoutDialog(dialog).ifPresent(result -> bulkDone(dialog, result));
    }

    /**
     * After a bulk log out the selection is empty: the rows chosen ended (or had ended), and no row
     * nobody chose takes their place (that rule is for one row and the keyboard).
     */
    private void bulkDone(BulkLogoutViewModel dialog, BulkLogoutResult result) {
        clearSelection.run();
        if (result.endedSessionIds() != null) {
            removeEnded(result.endedSessionIds());
        }
        if (result.blockedUsernames() != null && !result.blockedUsernames().isEmpty()) {
            markers.blocked(result.blockedUsernames(), dialog.sentUntil());
            keepingPosition.accept(() -> rows.updateBlockMarkers(new HashSet<>(result.blockedUsernames())));
        }
        context.notifier().accept(dialog.notificationFor(result));
    }

    /** Removes the rows of sessions that ended. */
    void removeEnded(Collection<String> sessionIds) {
        keepingPosition.accept(() -> rows.change(List.of(), new HashSet<>(sessionIds)));
    }
}

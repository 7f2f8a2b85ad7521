package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Refreshable;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * Active Sessions: the view's state (search, application and language filters, count, placeholder)
 * and its commands (load, refresh, follow the feed, log out). The rows are kept sorted (a reload is
 * sorted in the background, so 100,000 rows arrive in order) and filtered on top, so a keystroke
 * only re-filters ({@link SessionRows}); after a load they follow the service's change feed
 * ({@link LiveRows}); block markers ({@link BlockMarkers}) and the "fresh" highlight
 * ({@link FreshRows}) are kept beside them.
 */
public final class SessionsViewModel implements Refreshable {

    private final ViewContext context;
    private final Clock clock;
    private final LoadState state;
    private AdminService service;
    private String connecting;

    private final BlockMarkers markers;
    private final FreshRows fresh = new FreshRows();
    private final SessionRows rows;
    private final LiveRows live;
    private final SessionLogouts logouts;
    private final SessionFilter filter;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    /** The one instant every "… ago" text of the table is computed from (set per reload and per tick). */
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private Runnable beforeRowsReplaced = () -> { };
    private Runnable afterRowsReplaced = () -> { };
    private Runnable clearSelection = () -> { };
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper(this, "waitingText", "");
    private boolean holdWanted;
    private int dialogsOpen;

    public SessionsViewModel(ViewContext context, Clock clock, LogoutDialogs logoutDialogs) {
        this.context = context;
        this.clock = clock;
        this.now.set(clock.instant());
        this.state = new LoadState(clock);
        this.markers = new BlockMarkers(clock);
        this.rows = new SessionRows(markers, this::started);
        this.live = new LiveRows(context, state, rows, markers, this::refresh, this::keepingPosition);
        this.logouts = new SessionLogouts(context, clock, logoutDialogs, rows, markers, this::keepingPosition,
                () -> clearSelection.run());
        this.filter = new SessionFilter(rows::filterBy, clock);
        rows.onShownChanged(this::updateTexts);
        live.waitingCountProperty().addListener((obs, old, count) -> waitingText.set(
                count.intValue() == 0 ? "" : Messages.format("sessions.held", count.intValue())));
        state.loadingProperty().addListener((obs, old, now) -> updateTexts());
        state.errorMessageProperty().addListener((obs, old, now) -> updateTexts());
        updateTexts();
    }

    /** A session that started (from the feed): highlighted briefly, as after a reload; its application can be ticked. */
    private void started(SessionRow row) {
        fresh.add(row.id());
        filter.addApplication(row.application());
    }

    /** Connects to a signed-in service and loads; until then the view shows its progress. */
    public void connect(AdminService adminService) {
        this.service = adminService;
        connecting = null;
        refresh();
    }

    /** While a service is being connected (the built-in one starting): progress, no data yet. */
    public void expectConnection() {
        connecting = Messages.get("sessions.starting");
        state.started();
        updateTexts();
    }

    /** Signed out or switched server: no rows, no search or filter of the old server. */
    public void disconnect() {
        service = null;
        state.reset(); // results still in flight are for the old sign-in: drop them
        live.stop();
        rows.clear();
        filter.clear();
    }

    /** A new minute: every "… ago" text moves on together. */
    public void tick() {
        now.set(clock.instant());
    }

    @Override
    public void refresh() {
        if (service == null) {
            return;
        }
        AdminService current = service;
        var currentOrder = rows.order();
        live.replacing(); // a change answer still on its way belongs to the list being replaced
        context.load(state, () -> SessionsLoader.load(current, currentOrder), this::replaceRows, () -> !rows.all().isEmpty());
    }

    private void replaceRows(SessionsLoader.Loaded loaded) {
        beforeRowsReplaced.run();
        now.set(clock.instant());
        fresh.reloaded(loaded.rows(), rows.byId());
        markers.reset(loaded.blocks());
        live.loaded(loaded.cursor());
        rows.reset(loaded);
        updateTexts();
        filter.loaded(loaded.applications(), loaded.languages());
        afterRowsReplaced.run();
        StartupTrace.mark("rows shown: " + rows.all().size());
    }

    /**
     * Follows the change feed (the view calls this every 2 s): lifts the markers of blocks that
     * ended by themselves, then asks for what changed since the last answer ({@link LiveRows}).
     */
    public void poll() {
        if (service == null) {
            return;
        }
        Set<String> lifted = markers.liftEnded();
        if (!lifted.isEmpty()) {
            keepingPosition(() -> rows.updateBlockMarkers(lifted));
        }
        live.poll(service);
    }

    /** Hands each answer of the change feed, and each reload, to another reader of the feed (the alerts). */
    public void setFeedListener(FeedListener listener) {
        live.setListener(listener);
    }

    /**
     * Holds the order while the admin is about to act on a row (the pointer over the table, or a
     * row with the keyboard focus): changes that would move rows wait ({@link #waitingTextProperty()})
     * and apply when released. A log-out dialog releases it first: it shows the latest state.
     */
    public void holdOrder(boolean hold) {
        holdWanted = hold;
        live.hold(hold && dialogsOpen == 0);
    }

    /** "3 changes wait" while the order holds them, else "". */
    public ReadOnlyStringProperty waitingTextProperty() {
        return waitingText.getReadOnlyProperty();
    }

    private void whileDialogOpen(Runnable dialog) {
        dialogsOpen++;
        live.hold(false);
        try {
            dialog.run();
        } finally {
            dialogsOpen--;
            live.hold(holdWanted && dialogsOpen == 0);
        }
    }

    /** Removes the rows of sessions that ended (the result of a log out: no reload). */
    public void removeEnded(Collection<String> sessionIds) {
        logouts.removeEnded(sessionIds);
    }

    /** Changes rows with the view's selection and scroll position remembered before and put back after. */
    private void keepingPosition(Runnable changes) {
        beforeRowsReplaced.run();
        changes.run();
        afterRowsReplaced.run();
    }

    /** Where the session's row is among the shown rows (a binary search), or -1 (not shown). */
    public int shownIndexOf(String sessionId) {
        return rows.shownIndexOf(sessionId);
    }

    public LiveFeed feed() {
        return live.feed();
    }

    /**
     * Following the feed (a cursor from the last list): no periodic full reload is needed, also
     * while the server is unreachable (the feed catches up from the cursor once it is back).
     */
    @Override
    public boolean followsChanges() {
        return live.following();
    }

    // --- bulk tools ---

    /** Every session the app update left behind (superseded), in the table's order. */
    public List<SessionRow> oldVersionRows() {
        return rows.oldVersionRows();
    }

    /** Clears the search and the application filter (so that every row can be selected). */
    public void clearFilters() {
        filter.clear();
    }

    /**
     * One confirmation for many sessions, then one request; the ended rows leave at once.
     *
     * @param title "Log out selected sessions" or "End old app-version sessions"
     */
    public void logOutSessions(String title, List<SessionRow> selected) {
        if (service != null && !selected.isEmpty()) {
            AdminService current = service;
            whileDialogOpen(() -> logouts.logOutSessions(current, title, selected));
        }
    }

    public boolean isFresh(String sessionId) {
        return fresh.contains(sessionId);
    }

    public boolean hasFresh() {
        return fresh.any();
    }

    public void clearFresh() {
        fresh.clear();
    }

    private void updateTexts() {
        countText.set(rows.all().isEmpty() && state.isLoading() ? Messages.get("common.loading")
                : Messages.format("sessions.count", rows.shown().size(), rows.shownUsers()));
        placeholderText.set(placeholder());
    }

    private String placeholder() {
        if (rows.all().isEmpty()) {
            if (state.isLoading()) {
                return connecting != null ? connecting : Messages.get("sessions.loading");
            }
            if (state.getErrorMessage() != null) {
                return Messages.format("sessions.placeholder.error", state.getErrorMessage());
            }
            return service == null ? Messages.get("sessions.placeholder.notConnected") : Messages.get("sessions.placeholder.empty");
        }
        return Messages.get("sessions.placeholder.noMatch");
    }

    /** Opens the Logout User Account dialog for a row; after a log out, the ended rows leave at once (no reload). */
    public void logOut(SessionRow row) {
        logOut(row, false);
    }

    /** The same, with Block user account already ticked when {@code block} (Ctrl+B). */
    public void logOut(SessionRow row, boolean block) {
        if (service != null && row != null) {
            AdminService current = service;
            whileDialogOpen(() -> logouts.logOut(current, row, block));
        }
    }

    /** The device of a session this client listed at some point, or null. */
    public String deviceOf(String sessionId) {
        return rows.deviceOf(sessionId);
    }

    /** The active sessions of a user as last loaded (for the User Accounts dialog). */
    public List<Session> sessionsOf(String username) {
        return rows.sessionsOf(username);
    }

    /** Lets the view keep its selection and scroll position across a reload. */
    public void setRowsReplacedHooks(Runnable before, Runnable after) {
        this.beforeRowsReplaced = before;
        this.afterRowsReplaced = after;
    }

    /** Lets the view empty its selection (after a bulk log out). */
    public void setSelectionClearer(Runnable clear) {
        this.clearSelection = clear;
    }

    public ObservableList<SessionRow> rows() {
        return rows.all();
    }

    /**
     * Sorts the rows (the table's header clicks); reloads arrive in this order.
     *
     * @param newOrder null keeps the present order
     */
    public void sortBy(java.util.Comparator<SessionRow> newOrder) {
        rows.sortBy(newOrder);
    }

    /** What the table shows: sorted, then filtered. */
    public ObservableList<SessionRow> shown() {
        return rows.shown();
    }

    /** The search and the application and language filters. */
    public SessionFilter filter() {
        return filter;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    @Override
    public LoadState state() {
        return state;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public Instant now() {
        return now.get();
    }
}

package com.sessiondesk.client.sessions;

import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Refreshable;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.logout.LogoutOutcome;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

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
    private final LogoutDialogs logoutDialogs;
    private AdminService service;
    private String connecting;

    private final BlockMarkers markers;
    private final FreshRows fresh = new FreshRows();
    private final SessionRows rows;
    private final LiveRows live;
    private final ObservableList<String> applications = FXCollections.observableArrayList();
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    /** The applications and languages ticked in the filters; none ticked shows all. */
    private final ObservableSet<String> chosenApplications = FXCollections.observableSet();
    private final ObservableSet<String> chosenLanguages = FXCollections.observableSet();
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    /** The one instant every "… ago" text of the table is computed from (set per reload and per tick). */
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private Runnable beforeRowsReplaced = () -> { };
    private Runnable afterRowsReplaced = () -> { };

    public SessionsViewModel(ViewContext context, Clock clock, LogoutDialogs logoutDialogs) {
        this.context = context;
        this.clock = clock;
        this.logoutDialogs = logoutDialogs;
        this.now.set(clock.instant());
        this.state = new LoadState(clock);
        this.markers = new BlockMarkers(clock);
        this.rows = new SessionRows(markers, row -> {
            fresh.add(row.id()); // a session that started: highlighted briefly, as after a reload
            addApplication(row.application());
        });
        this.live = new LiveRows(context, state, rows, markers, this::refresh, this::keepingPosition);
        searchText.addListener((obs, old, now) -> applyFilter());
        chosenApplications.addListener((SetChangeListener<String>) change -> applyFilter());
        chosenLanguages.addListener((SetChangeListener<String>) change -> applyFilter());
        rows.onShownChanged(this::updateTexts);
        state.loadingProperty().addListener((obs, old, now) -> updateTexts());
        state.errorMessageProperty().addListener((obs, old, now) -> updateTexts());
        updateTexts();
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
        searchText.set("");
        chosenApplications.clear();
        chosenLanguages.clear();
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
        replaceChoices(applications, chosenApplications, loaded.applications());
        replaceChoices(languages, chosenLanguages, loaded.languages());
        afterRowsReplaced.run();
        StartupTrace.mark("rows shown: " + rows.all().size());
    }

    /** New choices after a reload; a ticked value no longer among them is unticked. */
    private static void replaceChoices(ObservableList<String> choices, ObservableSet<String> chosen, List<String> now) {
        if (!choices.equals(now)) {
            choices.setAll(now);
        }
        chosen.retainAll(now);
    }

    private void addApplication(String application) {
        if (application.isEmpty() || applications.contains(application)) {
            return;
        }
        int at = 0;
        while (at < applications.size() && String.CASE_INSENSITIVE_ORDER.compare(applications.get(at), application) < 0) {
            at++;
        }
        applications.add(at, application);
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

    /** Removes the rows of sessions that ended (the result of a log out: no reload). */
    public void removeEnded(Collection<String> sessionIds) {
        keepingPosition(() -> rows.change(List.of(), new HashSet<>(sessionIds)));
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
        searchText.set("");
        chosenApplications.clear();
        chosenLanguages.clear();
    }

    /**
     * One confirmation for many sessions, then one request; the ended rows leave at once.
     *
     * @param title "Log out selected sessions" or "End old app-version sessions"
     */
    public void logOutSessions(String title, List<SessionRow> selected) {
        if (service == null || selected.isEmpty()) {
            return;
        }
        List<Session> chosen = selected.stream().map(SessionRow::session).toList();
        BulkLogoutViewModel dialog = new BulkLogoutViewModel(title, chosen, rows.sessions(), service, context, state.clock());
        logoutDialogs.showBulkLogoutDialog(dialog).ifPresent(result -> afterBulkLogout(dialog, result));
    }

    private void afterBulkLogout(BulkLogoutViewModel dialog, BulkLogoutResult result) {
        if (result.endedSessionIds() != null) {
            removeEnded(result.endedSessionIds());
        }
        if (result.blockedUsernames() != null && !result.blockedUsernames().isEmpty()) {
            markers.blocked(result.blockedUsernames(), dialog.sentUntil());
            keepingPosition(() -> rows.updateBlockMarkers(new HashSet<>(result.blockedUsernames())));
        }
        context.notifier().accept(dialog.notificationFor(result));
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

    private void applyFilter() {
        String query = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        rows.filterBy(RowFilter.of(query, Set.copyOf(chosenApplications), Set.copyOf(chosenLanguages)));
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

    /** Opens the Logout User Account dialog for a row; after a logout, notifies and reloads. */
    public void logOut(SessionRow row) {
        logOut(row, false);
    }

    /** The same, with Block user account already ticked when {@code block} (Ctrl+B). */
    public void logOut(SessionRow row, boolean block) {
        if (service == null || row == null) {
            return;
        }
        var dialog = LogoutDialogViewModel.forSession(row.session(), rows.sessionsOf(row.username()), service, context, clock);
        if (block) {
            dialog.blockProperty().set(true);
        }
        dialog.setOnDone(this::afterLogout);
        logoutDialogs.show(dialog);
    }

    /** What the server did: the ended rows leave at once (no reload), the block marker follows. */
    public void afterLogout(LogoutOutcome outcome) {
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

    /** The applications of the loaded sessions, for the filter. */
    public ObservableList<String> applications() {
        return applications;
    }

    /** The languages of the loaded sessions, for the filter. */
    public ObservableList<String> languages() {
        return languages;
    }

    public ObservableSet<String> chosenApplications() {
        return chosenApplications;
    }

    public ObservableSet<String> chosenLanguages() {
        return chosenLanguages;
    }

    public StringProperty searchTextProperty() {
        return searchText;
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

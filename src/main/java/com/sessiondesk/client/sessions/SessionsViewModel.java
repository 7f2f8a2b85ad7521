package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Active Sessions: the rows, search, application filter, count, refresh and the way into the
 * Logout User Account dialog. The rows are kept sorted (a reload is sorted in the background,
 * so 100,000 rows arrive in order) and filtered on top, so a keystroke only re-filters.
 */
public final class SessionsViewModel implements com.sessiondesk.client.common.Refreshable {

    public static final String ALL_APPLICATIONS = "All applications";

    static final String STARTING = "Starting the demo service…";

    private final ViewContext context;
    private final Clock clock;
    private final LoadState state;
    private final LogoutDialogs logoutDialogs;
    private AdminService service;
    private String connecting;

    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    private final FilteredList<SessionRow> shown = new FilteredList<>(rows);
    private Comparator<SessionRow> order = SessionColumn.LAST_SEEN.order().reversed();
    private int userCount;
    private final ObservableList<String> applications = FXCollections.observableArrayList(ALL_APPLICATIONS);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final StringProperty applicationFilter = new SimpleStringProperty(this, "applicationFilter", ALL_APPLICATIONS);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    /** The one instant every "… ago" text of the table is computed from (set per reload and per tick). */
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    /** Sessions that a reload brought (highlighted briefly); none at the first load. */
    private Set<String> fresh = Set.of();
    /** The device of every session this client listed since start, for History ("which device"). */
    private final Map<String, String> knownDevices = new HashMap<>();
    private Runnable beforeRowsReplaced = () -> { };
    private Runnable afterRowsReplaced = () -> { };

    public SessionsViewModel(ViewContext context, Clock clock, LogoutDialogs logoutDialogs) {
        this.context = context;
        this.clock = clock;
        this.logoutDialogs = logoutDialogs;
        this.now.set(clock.instant());
        this.state = new LoadState(clock);
        searchText.addListener((obs, old, now) -> applyFilter());
        applicationFilter.addListener((obs, old, now) -> applyFilter());
        shown.addListener((javafx.collections.ListChangeListener<SessionRow>) change -> updateTexts());
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
        connecting = STARTING;
        state.started();
        updateTexts();
    }

    /** Signed out or switched server: no rows, no search or filter of the old server. */
    public void disconnect() {
        service = null;
        state.reset(); // results still in flight are for the old sign-in: drop them
        rows.clear();
        searchText.set("");
        applicationFilter.set(ALL_APPLICATIONS);
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
        Comparator<SessionRow> currentOrder = order;
        context.load(state, () -> load(current, currentOrder), this::replaceRows, () -> !rows.isEmpty());
    }

    /** What a reload brings: the rows in the table's order, the applications and how many users. */
    private record Loaded(List<SessionRow> rows, List<String> applications, int userCount) {
    }

    /**
     * In the background: the sessions, which of their users are blocked (row markers), sorted.
     * All hashing of the 100,000 strings happens here, none on the FX thread.
     */
    private static Loaded load(AdminService service, Comparator<SessionRow> order) throws Exception {
        List<Session> sessions = service.sessions();
        StartupTrace.mark("sessions fetched: " + sessions.size());
        Set<String> blocked = blockedUsernames(service);
        List<SessionRow> loaded = new ArrayList<>(sessions.size());
        Set<String> apps = new HashSet<>();
        Map<String, Integer> userIds = new HashMap<>();
        Map<String, String> devices = new HashMap<>(); // a few hundred models: one string each
        for (Session session : sessions) {
            String device = devices.computeIfAbsent(session.deviceModel() + '\n' + session.deviceOs(),
                    k -> SessionRow.device(session.deviceModel(), session.deviceOs()));
            String username = SessionRow.text(session.username());
            Integer userId = userIds.get(username);
            if (userId == null) {
                userId = userIds.size();
                userIds.put(username, userId);
            }
            loaded.add(SessionRow.of(session, blocked.contains(username), device, userId));
            apps.add(SessionRow.text(session.application()));
        }
        if (order != null) {
            loaded.sort(order);
        }
        apps.remove("");
        List<String> applications = new ArrayList<>(apps.size() + 1);
        applications.addAll(apps);
        applications.sort(String.CASE_INSENSITIVE_ORDER);
        applications.add(0, ALL_APPLICATIONS);
        return new Loaded(loaded, applications, userIds.size());
    }

    /** The blocked marker is a decoration: if this small lookup fails, the sessions still show. */
    private static Set<String> blockedUsernames(AdminService service) {
        try {
            Set<String> names = new HashSet<>();
            for (User user : service.users(true)) {
                names.add(user.username());
            }
            return names;
        } catch (Exception e) {
            return Set.of();
        }
    }

    private void replaceRows(Loaded loaded) {
        beforeRowsReplaced.run();
        now.set(clock.instant());
        fresh = freshAmong(loaded.rows());
        for (SessionRow row : loaded.rows()) {
            knownDevices.put(row.id(), row.device());
        }
        userCount = loaded.userCount();
        rows.setAll(loaded.rows());
        String selectedApp = applicationFilter.get();
        List<String> choices = loaded.applications();
        if (!applications.equals(choices)) {
            applications.setAll(choices);
        }
        applicationFilter.set(choices.contains(selectedApp) ? selectedApp : ALL_APPLICATIONS);
        afterRowsReplaced.run();
        StartupTrace.mark("rows shown: " + rows.size());
    }

    private Set<String> freshAmong(List<SessionRow> loaded) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        Set<String> before = new HashSet<>(rows.size() * 2);
        for (SessionRow row : rows) {
            before.add(row.id());
        }
        Set<String> added = new HashSet<>();
        for (SessionRow row : loaded) {
            if (!before.contains(row.id())) {
                added.add(row.id());
            }
        }
        return added;
    }

    public boolean isFresh(String sessionId) {
        return fresh.contains(sessionId);
    }

    public boolean hasFresh() {
        return !fresh.isEmpty();
    }

    public void clearFresh() {
        fresh = Set.of();
    }

    private void applyFilter() {
        String query = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        String app = applicationFilter.get();
        boolean allApps = app == null || ALL_APPLICATIONS.equals(app);
        Predicate<SessionRow> predicate;
        if (query.isEmpty() && allApps) {
            predicate = null;
        } else if (allApps) {
            predicate = row -> row.matches(query);
        } else if (query.isEmpty()) {
            predicate = row -> app.equals(row.application());
        } else {
            predicate = row -> app.equals(row.application()) && row.matches(query);
        }
        shown.setPredicate(predicate);
    }

    private void updateTexts() {
        boolean[] seen = new boolean[userCount];
        int users = 0;
        for (SessionRow row : shown) {
            if (!seen[row.userId()]) {
                seen[row.userId()] = true;
                users++;
            }
        }
        countText.set(rows.isEmpty() && state.isLoading() ? "Loading…"
                : Formats.count(shown.size(), "session", "sessions") + " · " + Formats.count(users, "user", "users"));
        placeholderText.set(placeholder());
    }

    private String placeholder() {
        if (rows.isEmpty()) {
            if (state.isLoading()) {
                return connecting != null ? connecting : "Loading sessions…";
            }
            if (state.getErrorMessage() != null) {
                return "No sessions to show: " + state.getErrorMessage();
            }
            return service == null ? "Not connected" : "No active sessions. When staff log in to a mobile app, their sessions appear here.";
        }
        return "No sessions match the search or filter.";
    }

    /** Opens the Logout User Account dialog for a row; after a logout, notifies and reloads. */
    public void logOut(SessionRow row) {
        if (service == null || row == null) {
            return;
        }
        List<Session> ofUser = new ArrayList<>();
        for (SessionRow each : rows) {
            if (each.username().equals(row.username())) {
                ofUser.add(each.session());
            }
        }
        LogoutDialogViewModel dialog = LogoutDialogViewModel.forSession(row.session(), ofUser, service, context, clock);
        dialog.setOnDone(this::refresh);
        logoutDialogs.show(dialog);
    }

    /** The device of a session this client listed at some point, or null. */
    public String deviceOf(String sessionId) {
        return knownDevices.get(sessionId);
    }

    /** The active sessions of a user as last loaded (for the User Accounts dialog). */
    public List<Session> sessionsOf(String username) {
        List<Session> ofUser = new ArrayList<>();
        for (SessionRow row : rows) {
            if (row.username().equals(username)) {
                ofUser.add(row.session());
            }
        }
        return ofUser;
    }

    /** Lets the view keep its selection and scroll position across a reload. */
    public void setRowsReplacedHooks(Runnable before, Runnable after) {
        this.beforeRowsReplaced = before;
        this.afterRowsReplaced = after;
    }

    public ObservableList<SessionRow> rows() {
        return rows;
    }

    /**
     * Sorts the rows (the table's header clicks); reloads arrive in this order.
     *
     * @param newOrder null keeps the present order
     */
    public void sortBy(Comparator<SessionRow> newOrder) {
        order = newOrder;
        if (newOrder != null) {
            FXCollections.sort(rows, newOrder);
        }
    }

    /** What the table shows: sorted, then filtered. */
    public FilteredList<SessionRow> shown() {
        return shown;
    }

    public ObservableList<String> applications() {
        return applications;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public StringProperty applicationFilterProperty() {
        return applicationFilter;
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

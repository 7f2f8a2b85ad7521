package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
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
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;

/**
 * Active Sessions: the rows, search, application and language filters, count, refresh and the way into the
 * Logout User Account dialog. The rows are kept sorted (a reload is sorted in the background,
 * so 100,000 rows arrive in order) and filtered on top, so a keystroke only re-filters.
 */
public final class SessionsViewModel implements com.sessiondesk.client.common.Refreshable {

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
        chosenApplications.addListener((SetChangeListener<String>) change -> applyFilter());
        chosenLanguages.addListener((SetChangeListener<String>) change -> applyFilter());
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
        connecting = Messages.get("sessions.starting");
        state.started();
        updateTexts();
    }

    /** Signed out or switched server: no rows, no search or filter of the old server. */
    public void disconnect() {
        service = null;
        state.reset(); // results still in flight are for the old sign-in: drop them
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
        Comparator<SessionRow> currentOrder = order;
        context.load(state, () -> load(current, currentOrder), this::replaceRows, () -> !rows.isEmpty());
    }

    /** What a reload brings: the rows in the table's order, the applications, languages and how many users. */
    private record Loaded(List<SessionRow> rows, List<String> applications, List<String> languages, int userCount) {
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
        Set<String> langs = new HashSet<>();
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
            langs.add(SessionRow.text(session.language()));
        }
        if (order != null) {
            loaded.sort(order);
        }
        return new Loaded(loaded, sortedChoices(apps), sortedChoices(langs), userIds.size());
    }

    private static List<String> sortedChoices(Set<String> values) {
        values.remove("");
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        return sorted;
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
        replaceChoices(applications, chosenApplications, loaded.applications());
        replaceChoices(languages, chosenLanguages, loaded.languages());
        afterRowsReplaced.run();
        StartupTrace.mark("rows shown: " + rows.size());
    }

    /** New choices after a reload; a ticked value no longer among them is unticked. */
    private static void replaceChoices(ObservableList<String> choices, ObservableSet<String> chosen, List<String> now) {
        if (!choices.equals(now)) {
            choices.setAll(now);
        }
        chosen.retainAll(now);
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
        Set<String> apps = Set.copyOf(chosenApplications);
        Set<String> langs = Set.copyOf(chosenLanguages);
        Predicate<SessionRow> predicate = null;
        if (!query.isEmpty()) {
            predicate = row -> row.matches(query);
        }
        if (!apps.isEmpty()) {
            Predicate<SessionRow> app = row -> apps.contains(row.application());
            predicate = predicate == null ? app : predicate.and(app);
        }
        if (!langs.isEmpty()) {
            Predicate<SessionRow> lang = row -> langs.contains(SessionRow.text(row.session().language()));
            predicate = predicate == null ? lang : predicate.and(lang);
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
        countText.set(rows.isEmpty() && state.isLoading() ? Messages.get("common.loading")
                : Messages.format("sessions.count", shown.size(), users));
        placeholderText.set(placeholder());
    }

    private String placeholder() {
        if (rows.isEmpty()) {
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
        List<Session> ofUser = new ArrayList<>();
        for (SessionRow each : rows) {
            if (each.username().equals(row.username())) {
                ofUser.add(each.session());
            }
        }
        LogoutDialogViewModel dialog = LogoutDialogViewModel.forSession(row.session(), ofUser, service, context, clock);
        if (block) {
            dialog.blockProperty().set(true);
        }
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

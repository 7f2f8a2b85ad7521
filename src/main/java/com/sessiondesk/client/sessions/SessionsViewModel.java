package com.sessiondesk.client.sessions;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

/**
 * Active Sessions: the rows, search, application and language filters, count, refresh and the way into the
 * Logout User Account dialog. The rows are kept sorted (a reload is sorted in the background,
 * so 100,000 rows arrive in order) and filtered on top, so a keystroke only re-filters.
 * After a load the rows follow the service's change feed: each answer is applied in place as one
 * change of the lists ({@link RowList}: a row whose sort key stayed is replaced where it is, others
 * leave and are inserted where the order puts them, found by binary search), never by reloading the list.
 */
public final class SessionsViewModel implements com.sessiondesk.client.common.Refreshable {

    /** Above this many rows a search scans them on both cores. */
    private static final int PARALLEL_SCAN_ROWS = 10_000;

    private final ViewContext context;
    private final Clock clock;
    private final LoadState state;
    private final LogoutDialogs logoutDialogs;
    private AdminService service;
    private String connecting;

    private final RowList rows = new RowList();
    /**
     * What the table shows: the rows that pass the search and filter, in the same order. Kept by
     * hand rather than by a FilteredList, which shifts its whole index on every single change, and
     * changed by the same batches as the rows (one list change per feed answer).
     */
    private final RowList shownRows = new RowList();
    private final ObservableList<SessionRow> shown = FXCollections.unmodifiableObservableList(shownRows);
    /** Shown rows per user id, and the users with at least one: the count text without walking the rows. */
    private int[] shownPerUser = new int[0];
    private int shownUsers;
    private RowFilter filter = RowFilter.NONE;
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

    // --- the live table: the feed's cursor and what applying its changes needs ---
    private final LiveFeed feed = new LiveFeed(java.time.ZoneId.systemDefault());
    private String cursor;
    private boolean polling;
    private volatile int feedTicket; // read by the stream's thread to stop following an old list
    /** The push form: a stream is open (for the list of {@link #pushTicket}); none from a server without it. */
    private boolean pushing;
    private int pushTicket;
    /** Polling only: the server has no push form (404), or {@code -Dsessiondesk.livePush=false} (a proxy that holds streams back; benchmarks). */
    private boolean pushUnsupported = "false".equals(System.getProperty("sessiondesk.livePush"));
    private Map<String, SessionRow> byId = new HashMap<>();
    private Map<String, Integer> userIds = new HashMap<>();
    private Map<String, String> devices = new HashMap<>();
    /** Blocked accounts: username to the end of the block (null: until unblocked). */
    private Map<String, Instant> blocks = new HashMap<>();

    public SessionsViewModel(ViewContext context, Clock clock, LogoutDialogs logoutDialogs) {
        this.context = context;
        this.clock = clock;
        this.logoutDialogs = logoutDialogs;
        this.now.set(clock.instant());
        this.state = new LoadState(clock);
        searchText.addListener((obs, old, now) -> applyFilter());
        chosenApplications.addListener((SetChangeListener<String>) change -> applyFilter());
        chosenLanguages.addListener((SetChangeListener<String>) change -> applyFilter());
        shownRows.addListener((javafx.collections.ListChangeListener<SessionRow>) change -> updateTexts());
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
        feedTicket++;
        cursor = null;
        feed.off();
        rows.reset(List.of());
        refilter();
        byId = new HashMap<>();
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
        feedTicket++; // a change answer still on its way belongs to the list being replaced
        context.load(state, () -> load(current, currentOrder), this::replaceRows, () -> !rows.isEmpty());
    }

    /** What a reload brings: the rows in the table's order, the applications, users and the feed's cursor. */
    private record Loaded(List<SessionRow> rows, List<String> applications, List<String> languages, int userCount, String cursor,
                          Map<String, SessionRow> byId, Map<String, Integer> userIds, Map<String, String> devices,
                          Map<String, Instant> blocks) {
    }

    /**
     * In the background: the sessions, which of their users are blocked (row markers), sorted.
     * All hashing of the 100,000 strings happens here, none on the FX thread.
     */
    private static Loaded load(AdminService service, Comparator<SessionRow> order) throws Exception {
        SessionList list = service.sessions();
        List<Session> sessions = list.sessions();
        StartupTrace.mark("sessions fetched: " + sessions.size());
        Map<String, Instant> blocked = blockedUsernames(service);
        List<SessionRow> loaded = new ArrayList<>(sessions.size());
        Map<String, SessionRow> byId = new HashMap<>(sessions.size() * 2);
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
            SessionRow row = SessionRow.of(session, blocked.containsKey(username), device, userId);
            loaded.add(row);
            byId.put(row.id(), row);
            apps.add(SessionRow.text(session.application()));
            langs.add(SessionRow.text(session.language()));
        }
        if (order != null) {
            loaded.sort(order);
        }
        return new Loaded(loaded, sortedChoices(apps), sortedChoices(langs), userIds.size(), list.cursor(), byId, userIds,
                devices, blocked);
    }

    private static List<String> sortedChoices(Set<String> values) {
        values.remove("");
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        return sorted;
    }

    /**
     * The blocked accounts and the ends of their blocks (null: until unblocked). The blocked
     * marker is a decoration: if this small lookup fails, the sessions still show.
     */
    private static Map<String, Instant> blockedUsernames(AdminService service) {
        try {
            Map<String, Instant> names = new HashMap<>();
            for (User user : service.users(true)) {
                names.put(user.username(), user.blockedUntil());
            }
            return names;
        } catch (Exception e) {
            return new HashMap<>();
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
        byId = loaded.byId();
        userIds = loaded.userIds();
        devices = loaded.devices();
        blocks = loaded.blocks();
        cursor = loaded.cursor();
        if (cursor != null) {
            feed.current();
        } else {
            feed.off();
        }
        rows.reset(loaded.rows());
        refilter();
        updateTexts();
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

    // --- the live table ---

    /**
     * Asks the feed what changed since the cursor and applies it (the view calls this every 2 s).
     * One request at a time; a reload in progress goes first. A cursor the service no longer
     * knows (410) reloads the list once; an unreachable server leaves the table behind, and the
     * next poll catches up from the same cursor.
     */
    public void poll() {
        if (service == null) {
            return;
        }
        liftEndedBlocks();
        if (cursor == null || state.isLoading()) {
            return;
        }
        if (!pushUnsupported && !(pushing && pushTicket != feedTicket)) {
            follow();
            return;
        }
        if (polling) {
            return; // (while a stream of a replaced list winds down, polling covers the gap)
        }
        AdminService current = service;
        String since = cursor;
        int ticket = feedTicket;
        polling = true;
        context.runner().run(() -> current.changes(since), changes -> {
            if (ticket != feedTicket) {
                polling = false;
                return;
            }
            applyChanges(changes, ticket, () -> {
                polling = false;
                cursor = changes.cursor();
                feed.current();
            });
        }, error -> {
            polling = false;
            if (ticket != feedTicket || context.handledGlobally(error)) {
                return;
            }
            if (error instanceof ClientError.CursorExpired) {
                refresh();
            } else {
                feed.behind(state.clock().instant(), error instanceof ClientError.Unreachable ? Messages.get("live.unreachable") : error.message());
            }
        });
    }

    /**
     * The push form of the feed: one stream at a time, its answers applied in order as they come
     * (within a second of the change); when the service closes it (every few minutes) the next
     * tick opens another from the cursor. A service without it (404) is polled instead.
     */
    private void follow() {
        if (pushing) {
            return;
        }
        AdminService current = service;
        String since = cursor;
        int ticket = feedTicket;
        pushing = true;
        pushTicket = ticket;
        context.runner().run(() -> {
            current.followChanges(since, changes -> {
                if (ticket != feedTicket) {
                    // the list was replaced (F5, a 410): end this stream; the next tick follows the new list
                    throw new com.sessiondesk.client.common.ClientException(new ClientError.Unreachable("replaced"));
                }
                context.runner().later(() -> pushedChanges(changes, ticket));
            });
            return null;
        }, closed -> pushing = false, error -> {
            pushing = false;
            if (ticket != feedTicket || context.handledGlobally(error)) {
                return;
            }
            if (error instanceof ClientError.Rejected rejected && rejected.status() == 404) {
                pushUnsupported = true;
                poll();
            } else if (error instanceof ClientError.CursorExpired) {
                refresh();
            } else {
                feed.behind(state.clock().instant(), error instanceof ClientError.Unreachable ? Messages.get("live.unreachable") : error.message());
            }
        });
    }

    /** One pushed answer, applied at once (answers come in order, each in one turn of the FX thread). */
    private void pushedChanges(SessionChanges changes, int ticket) {
        if (ticket != feedTicket) {
            return;
        }
        applyChanges(changes, ticket, () -> {
            cursor = changes.cursor();
            feed.current();
        });
    }

    /**
     * Applies one answer of the feed in place, in one turn of the FX thread: rows start, change and
     * end as one change of the lists, then block markers follow. Its cost grows with the rows it
     * names (binary searches) plus one copy of the row array, not with a re-sort or a walk per row.
     *
     * @param done runs after it is applied (not at all when a reload or sign-out came between)
     */
    void applyChanges(SessionChanges changes, int ticket, Runnable done) {
        if (ticket != feedTicket) {
            return;
        }
        List<Session> upserted = changes.upserted() == null ? List.of() : changes.upserted();
        List<EndedSession> ended = changes.ended() == null ? List.of() : changes.ended();
        List<BlockChange> blockChanges = changes.blockChanges() == null ? List.of() : changes.blockChanges();
        if (upserted.isEmpty() && ended.isEmpty() && blockChanges.isEmpty()) {
            done.run();
            return;
        }
        Set<String> endedIds = new HashSet<>();
        for (EndedSession e : ended) {
            endedIds.add(e.id());
        }
        Set<String> touchedUsers = new HashSet<>();
        for (BlockChange change : blockChanges) {
            if (change.blocked()) {
                blocks.put(change.username(), change.blockedUntil());
            } else {
                blocks.remove(change.username());
            }
            touchedUsers.add(change.username());
        }
        Map<String, Session> latest = new LinkedHashMap<>(); // one row per session: its last state
        for (Session session : upserted) {
            if (!endedIds.contains(session.id())) {
                latest.put(session.id(), session);
            }
        }
        keepingPosition(() -> {
            Batch batch = new Batch();
            latest.values().forEach(session -> upsert(session, batch));
            endedIds.forEach(id -> removeRow(id, batch));
            batch.apply();
            updateBlockMarkers(touchedUsers);
        });
        done.run();
    }

    /** Removes the rows of sessions that ended (the result of a log out: no reload). */
    public void removeEnded(Collection<String> sessionIds) {
        keepingPosition(() -> {
            Batch batch = new Batch();
            new HashSet<>(sessionIds).forEach(id -> removeRow(id, batch));
            batch.apply();
        });
    }

    /** Changes rows with the view's selection and scroll position remembered before and put back after. */
    private void keepingPosition(Runnable changes) {
        beforeRowsReplaced.run();
        changes.run();
        afterRowsReplaced.run();
    }

    private void upsert(Session session, Batch batch) {
        SessionRow old = byId.get(session.id());
        batch.change(old, track(session));
    }

    /**
     * One batch of row changes: the same edits to the rows and to the shown rows, made against the
     * lists as they are and applied together ({@link RowList}), the user count kept on the way.
     */
    private final class Batch {
        private final RowList.Edits all = rows.edits(order);
        private final RowList.Edits visible = shownRows.edits(order);

        /**
         * A session's row {@code old} (null: new) becomes {@code row} (null: ended). A row whose sort
         * key is the same is replaced where it is; any other leaves and is inserted where it belongs.
         */
        void change(SessionRow old, SessionRow row) {
            boolean inPlace = old != null && row != null && (order == null || order.compare(old, row) == 0);
            int at = old == null ? -1 : indexOf(rows, old);
            if (at >= 0 && inPlace) {
                all.replace(at, row);
            } else {
                if (at >= 0) {
                    all.remove(at);
                }
                if (row != null) {
                    all.insert(row);
                }
            }
            int shownAt = old != null && matches(old) ? indexOf(shownRows, old) : -1;
            boolean show = row != null && matches(row);
            if (shownAt >= 0 && show && inPlace) {
                visible.replace(shownAt, row);
                return;
            }
            if (shownAt >= 0) {
                visible.remove(shownAt);
                countUser(old, -1);
            }
            if (show) {
                visible.insert(row);
                countUser(row, 1);
            }
        }

        void apply() {
            rows.apply(all);
            shownRows.apply(visible);
        }
    }

    private boolean matches(SessionRow row) {
        return filter.test(row);
    }

    /** Where the session's row is among the shown rows (a binary search), or -1 (not shown). */
    public int shownIndexOf(String sessionId) {
        SessionRow row = byId.get(sessionId);
        return row == null || !matches(row) ? -1 : indexOf(shownRows, row);
    }

    /** The search or filter changed, or all rows did: the shown rows again, in one change. */
    private void refilter() {
        refilter(rows);
    }

    /** Shows the rows of {@code candidates} (all rows, or a superset of those passing) that pass the filter. */
    private void refilter(List<SessionRow> candidates) {
        List<SessionRow> passing = rows;
        if (filter != RowFilter.NONE) {
            // Over many rows the scan waits on memory (a row, its text, its bytes per row): both cores
            // about halve a keystroke's scan of 100,000 rows. The filter only reads immutable rows.
            passing = (candidates.size() > PARALLEL_SCAN_ROWS ? candidates.parallelStream() : candidates.stream())
                    .filter(filter).toList();
        }
        shownPerUser = new int[Math.max(16, userCount)];
        shownUsers = 0;
        for (SessionRow row : passing) {
            countUser(row, 1);
        }
        shownRows.reset(passing);
    }

    private void countUser(SessionRow row, int delta) {
        int user = row.userId();
        if (user >= shownPerUser.length) {
            shownPerUser = Arrays.copyOf(shownPerUser, Math.max(user + 1, shownPerUser.length * 2));
        }
        int before = shownPerUser[user];
        shownPerUser[user] = before + delta;
        if (before == 0 && delta > 0) {
            shownUsers++;
        } else if (before > 0 && before + delta == 0) {
            shownUsers--;
        }
    }

    /** The row of a session from the feed, known from now on (its id, user, device, application). */
    private SessionRow track(Session session) {
        String username = SessionRow.text(session.username());
        Integer userId = userIds.get(username);
        if (userId == null) {
            userId = userIds.size();
            userIds.put(username, userId);
            userCount = userIds.size();
        }
        String device = devices.computeIfAbsent(session.deviceModel() + '\n' + session.deviceOs(),
                k -> SessionRow.device(session.deviceModel(), session.deviceOs()));
        SessionRow row = SessionRow.of(session, isBlocked(username), device, userId);
        SessionRow old = byId.put(row.id(), row);
        knownDevices.put(row.id(), row.device());
        if (old == null) {
            markFresh(row.id()); // a session that started: highlighted briefly, as after a reload
        }
        addApplication(row.application());
        return row;
    }

    private void removeRow(String sessionId, Batch batch) {
        SessionRow row = byId.remove(sessionId);
        if (row != null) {
            batch.change(row, null);
        }
    }

    /** Where a row is: a binary search in the sorted list, a scan when it is unsorted. */
    private int indexOf(List<SessionRow> list, SessionRow row) {
        if (order != null) {
            int at = Collections.binarySearch(list, row, order);
            if (at >= 0 && list.get(at) == row) {
                return at;
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == row) {
                return i;
            }
        }
        return -1;
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

    private boolean isBlocked(String username) {
        if (!blocks.containsKey(username)) {
            return false;
        }
        Instant until = blocks.get(username);
        return until == null || until.isAfter(state.clock().instant());
    }

    /** A time-limited block ends by itself (the feed says nothing then): its markers go at that moment. */
    private void liftEndedBlocks() {
        Instant now = state.clock().instant();
        Set<String> lifted = new HashSet<>();
        blocks.entrySet().removeIf(entry -> {
            boolean over = entry.getValue() != null && !entry.getValue().isAfter(now);
            if (over) {
                lifted.add(entry.getKey());
            }
            return over;
        });
        if (!lifted.isEmpty()) {
            keepingPosition(() -> updateBlockMarkers(lifted));
        }
    }

    /** The block markers of these accounts' rows as the blocks now say, as one batch (a walk over the rows). */
    private void updateBlockMarkers(Set<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        Batch batch = new Batch();
        for (SessionRow row : rows) {
            if (usernames.contains(row.username())) {
                SessionRow marked = row.withBlocked(isBlocked(row.username()));
                if (marked != row) {
                    batch.change(row, marked);
                    byId.put(marked.id(), marked);
                }
            }
        }
        batch.apply();
    }

    private void blocked(Collection<String> usernames, Instant until) {
        for (String username : usernames) {
            blocks.put(username, until);
        }
        keepingPosition(() -> updateBlockMarkers(new HashSet<>(usernames)));
    }

    public LiveFeed feed() {
        return feed;
    }

    /**
     * Following the feed (a cursor from the last list): no periodic full reload is needed, also
     * while the server is unreachable (the feed catches up from the cursor once it is back).
     */
    @Override
    public boolean followsChanges() {
        return cursor != null;
    }

    // --- bulk tools ---

    /** Every session the app update left behind (superseded), in the table's order. */
    public List<SessionRow> oldVersionRows() {
        List<SessionRow> old = new ArrayList<>();
        for (SessionRow row : rows) {
            if (row.session().superseded()) {
                old.add(row);
            }
        }
        return old;
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
        List<Session> chosen = new ArrayList<>(selected.size());
        selected.forEach(row -> chosen.add(row.session()));
        List<Session> all = new ArrayList<>(rows.size());
        rows.forEach(row -> all.add(row.session()));
        BulkLogoutViewModel dialog = new BulkLogoutViewModel(title, chosen, all, service, context, state.clock());
        logoutDialogs.showBulkLogoutDialog(dialog).ifPresent(result -> afterBulkLogout(dialog, result));
    }

    private void afterBulkLogout(BulkLogoutViewModel dialog, BulkLogoutResult result) {
        if (result.endedSessionIds() != null) {
            removeEnded(result.endedSessionIds());
        }
        if (result.blockedUsernames() != null && !result.blockedUsernames().isEmpty()) {
            blocked(result.blockedUsernames(), dialog.sentUntil());
        }
        context.notifier().accept(dialog.notificationFor(result));
    }

    private Set<String> freshAmong(List<SessionRow> loaded) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        Set<String> added = new HashSet<>();
        for (SessionRow row : loaded) {
            if (!byId.containsKey(row.id())) { // byId: the rows shown until now, by id
                added.add(row.id());
            }
        }
        return added;
    }

    private void markFresh(String sessionId) {
        Set<String> more = new HashSet<>(fresh);
        more.add(sessionId);
        fresh = more;
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
        RowFilter before = filter;
        filter = RowFilter.of(query, Set.copyOf(chosenApplications), Set.copyOf(chosenLanguages));
        refilter(filter.narrows(before) ? shownRows : rows);
    }

    /** What a shown row passes: the search text (lowercase; empty: any) and the ticked applications and languages (none: any). */
    private record RowFilter(String query, Set<String> apps, Set<String> langs) implements Predicate<SessionRow> {
        static final RowFilter NONE = new RowFilter("", Set.of(), Set.of());

        static RowFilter of(String query, Set<String> apps, Set<String> langs) {
            RowFilter filter = new RowFilter(query, apps, langs);
            return filter.equals(NONE) ? NONE : filter;
        }

        @Override
        public boolean test(SessionRow row) {
            return (query.isEmpty() || row.matches(query))
                    && (apps.isEmpty() || apps.contains(row.application()))
                    && (langs.isEmpty() || langs.contains(SessionRow.text(row.session().language())));
        }

        /**
         * Whether this filter only takes rows away from {@code before}'s (a letter typed onto the search,
         * the ticks unchanged): then only the rows shown now need looking at, not all 100,000.
         */
        boolean narrows(RowFilter before) {
            return !before.query.isEmpty() && query.contains(before.query) && apps.equals(before.apps)
                    && langs.equals(before.langs);
        }
    }

    private void updateTexts() {
        countText.set(rows.isEmpty() && state.isLoading() ? Messages.get("common.loading")
                : Messages.format("sessions.count", shown.size(), shownUsers));
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
        dialog.setOnDone(this::afterLogout);
        logoutDialogs.show(dialog);
    }

    /** What the server did: the ended rows leave at once (no reload), the block marker follows. */
    public void afterLogout(com.sessiondesk.client.logout.LogoutOutcome outcome) {
        if (outcome.blocked()) {
            for (String id : outcome.endedSessionIds()) {
                SessionRow row = byId.get(id);
                if (row != null) {
                    blocks.put(row.username(), outcome.blockedUntil());
                }
            }
        }
        removeEnded(outcome.endedSessionIds());
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
            List<SessionRow> sorted = new ArrayList<>(rows);
            sorted.sort(newOrder);
            rows.reset(sorted);
            refilter();
        }
    }

    /** What the table shows: sorted, then filtered. */
    public ObservableList<SessionRow> shown() {
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

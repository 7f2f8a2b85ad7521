package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The rows of Active Sessions and what the table shows of them: every row in the table's order,
 * the rows that pass the search and filters in the same order, and how many users those belong to.
 * Changes come in batches ({@link RowList}: one list change per batch): a row whose sort key stayed
 * is replaced where it is, others leave and are inserted where the order puts them, found by
 * binary search.
 */
final class SessionRows {

    /** Above this many rows a search scans them on both cores. */
    private static final int PARALLEL_SCAN_ROWS = 10_000;

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
    private Map<String, SessionRow> byId = new HashMap<>();
    private Map<String, Integer> userIds = new HashMap<>();
    private Map<String, String> devices = new HashMap<>();
    /** The device of every session this client listed since start, for History ("which device"). */
    private final Map<String, String> knownDevices = new HashMap<>();
    private final BlockMarkers markers;
    private final Consumer<SessionRow> started;

    /** @param started told of a row the feed brought for a session not listed before */
    SessionRows(BlockMarkers markers, Consumer<SessionRow> started) {
        this.markers = markers;
        this.started = started;
    }

    /** The rows of a load, already in the table's order. */
    void reset(SessionsLoader.Loaded loaded) {
        for (SessionRow row : loaded.rows()) {
            knownDevices.put(row.id(), row.device());
        }
        userCount = loaded.userCount();
        byId = loaded.byId();
        userIds = loaded.userIds();
        devices = loaded.devices();
        rows.reset(loaded.rows());
        refilter(rows);
    }

    /** No rows (signed out). */
    void clear() {
        rows.reset(List.of());
        refilter(rows);
        byId = new HashMap<>();
    }

    /** Sessions that started or changed, and sessions that ended, as one batch. */
    void change(Collection<Session> upserted, Collection<String> endedIds) {
        Batch batch = new Batch();
        upserted.forEach(session -> batch.change(byId.get(session.id()), track(session)));
        endedIds.forEach(id -> {
            SessionRow row = byId.remove(id);
            if (row != null) {
                batch.change(row, null);
            }
        });
        batch.apply();
    }

    /**
     * Whether these changes would move a shown row (a row that starts, ends, changes its place in
     * the order, or comes into or out of the filter); rows replaced where they are move nothing.
     */
    boolean movesShownRows(Collection<Session> upserted, Collection<String> endedIds) {
        for (String id : endedIds) {
            SessionRow old = byId.get(id);
            if (old != null && filter.test(old)) {
                return true;
            }
        }
        for (Session session : upserted) {
            SessionRow old = byId.get(session.id());
            SessionRow next = old == null
                    ? SessionRow.of(session, markers.isBlocked(SessionRow.text(session.username())),
                            SessionRow.device(session.deviceModel(), session.deviceOs()), 0)
                    : SessionRow.of(session, old.userBlocked(), old.device(), old.userId());
            boolean wasShown = old != null && filter.test(old);
            boolean isShown = filter.test(next);
            if (wasShown != isShown || (isShown && order != null && order.compare(old, next) != 0)) {
                return true;
            }
        }
        return false;
    }

    /** The block markers of these accounts' rows as the blocks now say, as one batch (a walk over the rows). */
    void updateBlockMarkers(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        Batch batch = new Batch();
        for (SessionRow row : rows) {
            if (usernames.contains(row.username())) {
                SessionRow marked = row.withBlocked(markers.isBlocked(row.username()));
                if (marked != row) {
                    batch.change(row, marked);
                    byId.put(marked.id(), marked);
                }
            }
        }
        batch.apply();
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
        SessionRow row = SessionRow.of(session, markers.isBlocked(username), device, userId);
        SessionRow old = byId.put(row.id(), row);
        knownDevices.put(row.id(), row.device());
        if (old == null) {
            started.accept(row);
        }
        return row;
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
            int shownAt = old != null && filter.test(old) ? indexOf(shownRows, old) : -1;
            boolean show = row != null && filter.test(row);
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

    /** The search or the filters changed: a letter typed onto the search only looks at the rows shown. */
    void filterBy(RowFilter next) {
        RowFilter before = filter;
        filter = next;
        refilter(next.narrows(before) ? shownRows : rows);
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

    /** Where the session's row is among the shown rows (a binary search), or -1 (not shown). */
    int shownIndexOf(String sessionId) {
        SessionRow row = byId.get(sessionId);
        return row == null || !filter.test(row) ? -1 : indexOf(shownRows, row);
    }

    /** @param newOrder null keeps the present order */
    void sortBy(Comparator<SessionRow> newOrder) {
        order = newOrder;
        if (newOrder != null) {
            List<SessionRow> sorted = new ArrayList<>(rows);
            sorted.sort(newOrder);
            rows.reset(sorted);
            refilter(rows);
        }
    }

    Comparator<SessionRow> order() {
        return order;
    }

    /** The active sessions of a user as last loaded. */
    List<Session> sessionsOf(String username) {
        List<Session> ofUser = new ArrayList<>();
        for (SessionRow row : rows) {
            if (row.username().equals(username)) {
                ofUser.add(row.session());
            }
        }
        return ofUser;
    }

    /** Every session the app update left behind (superseded), in the table's order. */
    List<SessionRow> oldVersionRows() {
        List<SessionRow> old = new ArrayList<>();
        for (SessionRow row : rows) {
            if (row.session().superseded()) {
                old.add(row);
            }
        }
        return old;
    }

    List<Session> sessions() {
        List<Session> all = new ArrayList<>(rows.size());
        rows.forEach(row -> all.add(row.session()));
        return all;
    }

    /** The row of a session now listed, or null. */
    SessionRow row(String sessionId) {
        return byId.get(sessionId);
    }

    /** The rows listed now, by session id. */
    Map<String, SessionRow> byId() {
        return byId;
    }

    /** The device of a session this client listed at some point, or null. */
    String deviceOf(String sessionId) {
        return knownDevices.get(sessionId);
    }

    /** Tells {@code changed} after each change of the shown rows. */
    void onShownChanged(Runnable changed) {
        shownRows.addListener((ListChangeListener<SessionRow>) change -> changed.run());
    }

    RowList all() {
        return rows;
    }

    ObservableList<SessionRow> shown() {
        return shown;
    }

    int shownUsers() {
        return shownUsers;
    }
}

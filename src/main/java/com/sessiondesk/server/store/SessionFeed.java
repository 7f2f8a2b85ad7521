package com.sessiondesk.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ordered feed of changes to the set of active sessions (what the live consoles follow), kept in the
 * database so that every service instance on one PostgreSQL writes and reads the same feed.
 *
 * <p>Writers append inside their own transaction, last: {@code UPDATE feed_state SET last_seq = ...}
 * locks the one counter row until the transaction commits, so feed writers commit in the order of
 * their numbers and every snapshot holds a gap-free prefix of the feed (numbers taken from a plain
 * sequence would become visible out of order, and a reader could pass a change not yet committed).
 * A reader ({@link SessionFeedReader}) reads the feed position, the rows after its cursor and the
 * sessions they name in one snapshot ({@link Database#snapshot}), so each answer agrees with itself
 * and the next cursor is exactly where it stopped: nothing skipped, nothing given twice.
 *
 * <p>A row names what changed, not the new values: an answer carries each named session in its state
 * in the snapshot (or as ended), so many changes of one session cost one row of the answer.
 *
 * <p>So every write that changes what {@code GET /sessions} shows must append here in its own
 * transaction: a session inserted ({@link #started}), ended ({@link #ended}, which
 * {@code MobileSessions.end} calls), any other field it shows ({@link #changed}), a block
 * ({@link #blocked}, {@link #unblocked}), a device block ({@link #deviceBlocked}, {@link #deviceUnblocked}), the heartbeat flush ({@code HeartbeatFeed}), and the log
 * out after sync ({@code PushQueries}: a session made ending shows its syncDeadline, then ends). An UPDATE that sets {@code ended_at} elsewhere and skips
 * this leaves every live console showing that session until it reloads.
 */
public final class SessionFeed {

    /** How long feed rows are kept; a cursor older than that is expired (410). */
    public static final long RETENTION_MILLIS = 15 * 60_000L;
    /** Last Seen reaches the feed once it moved this much since the feed showed it (counts, addresses always). */
    public static final long SEEN_STEP_MILLIS = 30_000L;

    /** Ids per {@code IN (...)} query. */
    static final int CHUNK = 500;
    /** Between application and device id in a group key; never in a value (see Fields: no control characters). */
    private static final char GROUP_SEPARATOR = '\u001f';

    /** What happened; stored by its lower-case name. */
    enum Kind {
        STARTED, SUPERSEDED, SEEN, CHANGED, ENDED, BLOCKED, UNBLOCKED, DEVICE_BLOCKED, DEVICE_UNBLOCKED,
        /** An alert raised, updated or acknowledged ({@code alertId}). */
        ALERT;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One change: a session's ({@code sessionId}), an account's ({@code username}), a device's
     * ({@code deviceId}) or an alert's ({@code alertId}).
     */
    record Entry(Kind kind, String sessionId, String username, String actor, String reason, String deviceId,
            Long alertId) {

        Entry(Kind kind, String sessionId, String username, String actor, String reason, String deviceId) {
            this(kind, sessionId, username, actor, reason, deviceId, null);
        }

        Entry(Kind kind, String sessionId, String username, String actor, String reason) {
            this(kind, sessionId, username, actor, reason, null);
        }

        static Entry session(Kind kind, String sessionId) {
            return new Entry(kind, sessionId, null, null, null);
        }
    }

    /** The feed's state: this database's feed id, the last number handed out, and the highest pruned. */
    record Position(String feedId, long lastSeq, long floorSeq) {

        String cursor() {
            return cursor(lastSeq);
        }

        String cursor(long seq) {
            return feedId + "." + seq;
        }

        /** The number of a cursor of this feed that is still complete, or -1 (unknown, malformed, or pruned). */
        long parse(String cursor) {
            int dot = cursor == null ? -1 : cursor.lastIndexOf('.');
            if (dot < 0 || !cursor.substring(0, dot).equals(feedId)) {
                return -1;
            }
            long seq;
            try {
                seq = Long.parseLong(cursor.substring(dot + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
            return seq < floorSeq || seq > lastSeq ? -1 : seq;
        }
    }

    private SessionFeed() {
    }

    // --- writing (inside the writer's transaction) ---

    /**
     * Locks the counter row until the caller's transaction ends, before a writer reads the
     * neighbours of its sessions (the other sessions of the same user, app and device, whose
     * superseded flag it changes). Two logins of one device committing at the same time would
     * otherwise each read the neighbours before the other committed (READ COMMITTED) and neither
     * would send the older session again as superseded. Waiting here, the second one reads after
     * the first committed. (SQLite serializes writers anyway.)
     */
    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_state SET last_seq = last_seq WHERE id = 1")) {
            ps.executeUpdate();
        }
    }

    /** Appends entries; locks the counter row until the caller's transaction ends. */
    static void append(Connection c, long now, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_state SET last_seq = last_seq + ? WHERE id = 1")) {
            ps.setLong(1, entries.size());
            ps.executeUpdate();
        }
        long last;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM feed_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        long seq = last - entries.size();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_feed (seq, at, kind, session_id, username, "
                + "actor, reason, device_id, alert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Entry entry : entries) {
                ps.setLong(1, ++seq);
                ps.setLong(2, now);
                ps.setString(3, entry.kind().wireName());
                ps.setString(4, entry.sessionId());
                ps.setString(5, entry.username());
                ps.setString(6, entry.actor());
                ps.setString(7, entry.reason());
                ps.setString(8, entry.deviceId());
                Rows.setNullableLong(ps, 9, entry.alertId());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A session started: it, and the other active sessions of its group (now superseded). */
    static void started(Connection c, String sessionId, long now) throws SQLException {
        lock(c); // before reading the neighbours: see the text of lock()
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.session(Kind.STARTED, sessionId));
        for (String other : neighbours(c, List.of(sessionId))) {
            entries.add(Entry.session(Kind.SUPERSEDED, other));
        }
        append(c, now, entries);
    }

    /** Sessions ended (call after ending them): them, and the rest of their groups (superseded may clear). */
    static void ended(Connection c, List<String> sessionIds, String endedBy, String reason, long now)
            throws SQLException {
        if (sessionIds.isEmpty()) {
            return;
        }
        lock(c); // before reading the neighbours: see the text of lock()
        List<Entry> entries = new ArrayList<>(sessionIds.size());
        for (String id : sessionIds) {
            entries.add(new Entry(Kind.ENDED, id, null, endedBy, reason));
        }
        for (String other : neighbours(c, sessionIds)) {
            entries.add(Entry.session(Kind.SUPERSEDED, other));
        }
        append(c, now, entries);
    }

    /** Something else a session shows changed (call after the change): each is sent again in its state then. */
    static void changed(Connection c, List<String> sessionIds, long now) throws SQLException {
        List<Entry> entries = new ArrayList<>(sessionIds.size());
        for (String id : sessionIds) {
            entries.add(Entry.session(Kind.CHANGED, id));
        }
        append(c, now, entries);
    }

    static void blocked(Connection c, String username, String actor, String reason, long now) throws SQLException {
        append(c, now, List.of(new Entry(Kind.BLOCKED, null, username, actor, reason)));
    }

    static void unblocked(Connection c, String username, String actor, long now) throws SQLException {
        append(c, now, List.of(new Entry(Kind.UNBLOCKED, null, username, actor, null)));
    }

    /** An alert was raised, updated or acknowledged (call after the change): it is sent again in its state then. */
    static void alerted(Connection c, long alertId, long now) throws SQLException {
        append(c, now, List.of(new Entry(Kind.ALERT, null, null, null, null, null, alertId)));
    }

    /** A device blocked (or its block renewed); the follower reads the block in force when it reads the feed. */
    static void deviceBlocked(Connection c, String deviceId, String actor, String reason, long now)
            throws SQLException {
        append(c, now, List.of(new Entry(Kind.DEVICE_BLOCKED, null, null, actor, reason, deviceId)));
    }

    static void deviceUnblocked(Connection c, String deviceId, String actor, long now) throws SQLException {
        append(c, now, List.of(new Entry(Kind.DEVICE_UNBLOCKED, null, null, actor, null, deviceId)));
    }

    /**
     * The active sessions sharing user, application and device with one of {@code ids}, other than
     * those: where each of {@code ids} belongs (by primary key), then those users' active sessions
     * (through the partial index), both in chunks: two queries for one session, a few dozen for a
     * bulk log out of 10,000.
     */
    private static Set<String> neighbours(Connection c, List<String> ids) throws SQLException {
        Map<Long, Set<String>> groups = new LinkedHashMap<>(); // user id -> "application/device id"
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, application, device_id FROM sessions "
                    + "WHERE id IN " + placeholders(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                .add(rs.getString(2) + GROUP_SEPARATOR + rs.getString(3));
                    }
                }
            }
        }
        Set<String> own = new HashSet<>(ids);
        Set<String> found = new LinkedHashSet<>();
        List<Long> users = new ArrayList<>(groups.keySet());
        for (int start = 0; start < users.size(); start += CHUNK) {
            List<Long> chunk = users.subList(start, Math.min(users.size(), start + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, user_id, application, device_id FROM sessions "
                    + "WHERE ended_at IS NULL AND user_id IN " + placeholders(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String group = rs.getString(3) + GROUP_SEPARATOR + rs.getString(4);
                        if (!own.contains(id) && groups.get(rs.getLong(2)).contains(group)) {
                            found.add(id);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Drops rows written before {@code olderThan}; cursors up to the highest dropped number expire. */
    static int prune(Connection c, long olderThan) throws SQLException {
        long upTo;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM session_feed WHERE at < ?")) {
            ps.setLong(1, olderThan);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                upTo = rs.getLong(1);
                if (rs.wasNull()) {
                    return 0;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feed_state SET floor_seq = ? WHERE id = 1 AND floor_seq < ?")) {
            ps.setLong(1, upTo);
            ps.setLong(2, upTo);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_feed WHERE seq <= ?")) {
            ps.setLong(1, upTo);
            return ps.executeUpdate();
        }
    }

    // --- reading (inside a snapshot; the changes after a cursor: SessionFeedReader) ---

    static Position position(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT feed_id, last_seq, floor_seq FROM feed_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("the feed_state row is missing");
            }
            return new Position(rs.getString(1), rs.getLong(2), rs.getLong(3));
        }
    }

    static String placeholders(int n) {
        StringBuilder b = new StringBuilder(n * 3 + 2).append('(');
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.append(')').toString();
    }
}

package com.sessiondesk.server.store;

import com.sessiondesk.server.store.Devices.AddressSeen;
import com.sessiondesk.server.store.Records.Heartbeat;
import com.sessiondesk.server.store.SessionFeed.Entry;
import com.sessiondesk.server.store.SessionFeed.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The heartbeat flush's writes: Last Seen, unsynced counts and addresses, and the feed rows of the
 * moves worth showing (Last Seen moved {@link SessionFeed#SEEN_STEP_MILLIS} or more since the feed
 * last showed it, or the count or the address changed). The rows are read locked (PostgreSQL), in id
 * order, so that two instances flushing the same session cannot both decide "nothing changed".
 * A heartbeat that moves a session to another address records the user as seen there
 * ({@code user_addresses}, see {@link Devices#seenAt}: one statement for the flush's moves) unless
 * this instance recorded that pair within the refresh step ({@link RecentAddresses}); other
 * heartbeats write nothing more.
 */
final class HeartbeatFeed {

    private static final int CHUNK = 500;

    /** Whether a heartbeat's new address is recorded as seen by the user; off only to measure its cost. */
    private static volatile boolean trackAddresses = true;

    private HeartbeatFeed() {
    }

    /** For the benchmark of the address tracking only (DeviceTrackingBench): on in the service. */
    static void trackAddresses(boolean on) {
        trackAddresses = on;
    }

    /** What the session holds before this flush. */
    private record Stored(long userId, int pendingSyncItems, String address, long fedLastSeen) {
    }

    /**
     * Writes the heartbeats; returns the (user, address) pairs recorded in {@code user_addresses}, for
     * {@code recent} to remember once the transaction committed.
     *
     * @param recent the pairs this instance recorded lately: a move to one of them writes nothing
     */
    static List<AddressSeen> record(Connection c, Dialect dialect, Map<String, Heartbeat> heartbeats,
            RecentAddresses recent, long now) throws SQLException {
        List<String> ids = new ArrayList<>(heartbeats.keySet());
        ids.sort(null);
        Map<String, Stored> stored = new HashMap<>(ids.size() * 2);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, pending_sync_items, address, "
                    + "COALESCE(fed_last_seen_at, login_at), user_id FROM sessions WHERE +ended_at IS NULL AND id IN "
                    + SessionFeed.placeholders(chunk.size())
                    // PostgreSQL locks the rows in id order; SQLite (one writer) needs no order and is faster without
                    + (dialect == Dialect.POSTGRESQL ? " ORDER BY id" + dialect.forUpdate() : ""))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), new Stored(rs.getLong(5), rs.getInt(2), rs.getString(3),
                                rs.getLong(4)));
                    }
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_seen_at = ?, "
                + "pending_sync_items = COALESCE(?, pending_sync_items), address = COALESCE(?, address), "
                + "fed_last_seen_at = ? WHERE id = ? AND ended_at IS NULL")) {
            for (String id : ids) {
                Stored before = stored.get(id);
                if (before == null) {
                    continue; // ended meanwhile (or unknown): left alone
                }
                Heartbeat beat = heartbeats.get(id);
                boolean newAddress = beat.address() != null && !Objects.equals(beat.address(), before.address());
                boolean show = Math.abs(beat.lastSeen() - before.fedLastSeen()) >= SessionFeed.SEEN_STEP_MILLIS
                        || beat.pendingSyncItems() != null && beat.pendingSyncItems() != before.pendingSyncItems()
                        || newAddress;
                if (newAddress) {
                    moved.add(id);
                }
                ps.setLong(1, beat.lastSeen());
                if (beat.pendingSyncItems() == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setInt(2, beat.pendingSyncItems());
                }
                ps.setString(3, beat.address());
                ps.setLong(4, show ? beat.lastSeen() : before.fedLastSeen());
                ps.setString(5, id);
                ps.addBatch();
                if (show) {
                    entries.add(Entry.session(Kind.SEEN, id));
                }
            }
            ps.executeBatch();
        }
        List<AddressSeen> seen = new ArrayList<>();
        if (trackAddresses) {
            for (String id : moved) {
                long userId = stored.get(id).userId();
                Heartbeat beat = heartbeats.get(id);
                if (!recent.recentlyRecorded(userId, beat.address(), beat.lastSeen())) {
                    seen.add(new AddressSeen(userId, beat.address(), beat.lastSeen(), beat.lastSeen()));
                }
            }
            seen = seen.isEmpty() ? seen : Devices.seenAt(c, seen);
        }
        SessionFeed.append(c, now, entries);
        return seen;
    }
}

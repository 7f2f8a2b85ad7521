package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed rows of heartbeats: coalesced by the flush (Last Seen by 30 s steps; counts and addresses always). */
class SessionFeedTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private HeartbeatBuffer buffer;
    private String session;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("f.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        store.createUser("li.wei", "Li Wei", "x", false, 1);
        long userId = store.credentials("li.wei").orElseThrow().userId();
        session = store.startSession(userId, new Device("EVV", "3.4.0", "d", "iPhone 15", "iOS 18.1", "Chinese",
                "10.1.1.1"), "token-hash", 1_000).orElseThrow();
        buffer = new HeartbeatBuffer(store);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private String cursor() {
        return store.activeSessionRowsWithCursor(null, null).cursor();
    }

    private SessionChanges changesAfter(String cursor) {
        return store.sessionChanges(cursor).orElseThrow();
    }

    @Test
    void lastSeenMovesReachTheFeedOnlyBy30Seconds() {
        String start = cursor();
        buffer.record(session, 20_000, null);
        buffer.flush();
        assertThat(changesAfter(start).upserted()).isEmpty();
        assertThat(changesAfter(start).cursor()).isEqualTo(start);

        buffer.record(session, 31_000, null); // 30 s after the login, the last Last Seen the feed showed
        buffer.flush();
        SessionChanges moved = changesAfter(start);
        assertThat(moved.upserted()).extracting(Session::lastSeen).extracting(i -> i.toEpochMilli())
                .containsExactly(31_000L);

        buffer.record(session, 60_000, null); // 29 s later: coalesced again
        buffer.flush();
        assertThat(changesAfter(moved.cursor()).upserted()).isEmpty();
    }

    @Test
    void unsyncedCountAndAddressChangesAlwaysReachTheFeed() {
        String start = cursor();
        buffer.record(session, 2_000, 0); // the same count as stored: nothing to show
        buffer.flush();
        assertThat(changesAfter(start).upserted()).isEmpty();
        buffer.record(session, 3_000, 4);
        buffer.flush();
        SessionChanges counted = changesAfter(start);
        assertThat(counted.upserted()).extracting(Session::pendingSyncItems).containsExactly(4);
        buffer.record(session, 4_000, null, "10.1.1.1"); // the same address
        buffer.flush();
        assertThat(changesAfter(counted.cursor()).upserted()).isEmpty();
        buffer.record(session, 5_000, null, "10.2.2.2");
        buffer.flush();
        assertThat(changesAfter(counted.cursor()).upserted()).extracting(Session::address).containsExactly("10.2.2.2");
    }

    @Test
    void anyOtherChangeOfASessionIsFedThroughChanged() {
        String start = cursor();
        db.write(c -> {
            try (var ps = c.prepareStatement("UPDATE sessions SET app_version = '3.5.0' WHERE id = ?")) {
                ps.setString(1, session);
                ps.executeUpdate();
            }
            SessionFeed.changed(c, java.util.List.of(session), 9_000);
            return null;
        });
        assertThat(changesAfter(start).upserted()).extracting(Session::appVersion).containsExactly("3.5.0");
    }

    @Test
    void expiredSessionsReachTheFeedAsEnded() {
        String start = cursor();
        assertThat(store.expireSessions(100_000, 0, 200_000)).isEqualTo(1);
        assertThat(changesAfter(start).ended()).singleElement().satisfies(ended -> {
            assertThat(ended.id()).isEqualTo(session);
            assertThat(ended.endedBy()).isEqualTo(Records.MobileSession.EXPIRED);
        });
    }

    @Test
    void theListAndItsCursorComeFromOneSnapshot() {
        ListAtCursor list = store.activeSessionRowsWithCursor(null, null);
        assertThat(list.rows()).extracting(ActiveSessionRow::address).containsExactly("10.1.1.1");
        store.endSessionByUser(session, "li.wei", 5_000);
        SessionChanges changes = changesAfter(list.cursor());
        assertThat(changes.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.id()).isEqualTo(session);
            assertThat(ended.endedBy()).isEqualTo("li.wei");
            assertThat(ended.reason()).isNull();
        });
        assertThat(store.activeSessionRowsWithCursor(null, null).cursor()).isEqualTo(changes.cursor());
    }
}

package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatBufferTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private HeartbeatBuffer buffer;
    private String session;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("h.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        store.createUser("li.wei", "Li Wei", "x", false, 1);
        long userId = store.credentials("li.wei").orElseThrow().userId();
        session = store.startSession(userId, new Device("EVV", "3.4.0", "d", "iPhone 15", "iOS 18.1", "Chinese"),
                "token-hash", 1000).orElseThrow();
        buffer = new HeartbeatBuffer(store);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private ActiveSessionRow row() {
        return store.activeSessionRows("li.wei", null).get(0);
    }

    @Test
    void heartbeatsAreCoalescedUntilTheFlush() {
        buffer.record(session, 2000, 5);
        buffer.record(session, 3000, null);
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(row().lastSeen()).isEqualTo(1000);
        buffer.flush();
        assertThat(buffer.size()).isZero();
        assertThat(row().lastSeen()).isEqualTo(3000);
        assertThat(row().pendingSyncItems()).isEqualTo(5);
    }

    @Test
    void aLateOlderHeartbeatDoesNotMoveLastSeenBack() {
        buffer.record(session, 5000, 1);
        buffer.record(session, 4000, 2);
        buffer.flush();
        assertThat(row().lastSeen()).isEqualTo(5000);
        assertThat(row().pendingSyncItems()).isEqualTo(2);
    }

    @Test
    void listenersHearOfEachFlushThatWroteOnceItIsCommitted() {
        java.util.List<Long> seenByListener = new java.util.ArrayList<>();
        buffer.afterWrite(() -> seenByListener.add(row().lastSeen()));
        buffer.flush();
        assertThat(seenByListener).as("nothing was buffered").isEmpty();
        buffer.record(session, 2000, 1);
        buffer.flush();
        assertThat(seenByListener).as("told after the commit: the listener reads the new value").containsExactly(2000L);
    }

    @Test
    void flushWithNothingBufferedWritesNothing() {
        buffer.flush();
        assertThat(row().lastSeen()).isEqualTo(1000);
    }
}

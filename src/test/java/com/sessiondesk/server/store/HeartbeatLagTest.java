package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed lag of the metrics: how long the oldest buffered heartbeat has waited to be written. */
class HeartbeatLagTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private HeartbeatBuffer buffer;
    private String session;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("lag.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        store.createUser("lag.user", "Lag User", "x", false, 1);
        long userId = store.credentials("lag.user").orElseThrow().userId();
        session = store.startSession(userId, new Device("EVV", "3.4.0", "d", "iPhone 15", "iOS 18.1", "English"),
                "token-hash", 1000).orElseThrow();
        buffer = new HeartbeatBuffer(store);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void zeroWhenNothingWaitsAndTheAgeOfTheOldestWhileItWaits() throws InterruptedException {
        assertThat(buffer.waitingSeconds()).isZero();
        buffer.record(session, 2000, 1);
        Thread.sleep(60);
        buffer.record(session, 3000, 2);
        assertThat(buffer.waitingSeconds()).as("the first heartbeat's age, not the last's").isGreaterThanOrEqualTo(0.05);
        buffer.flush();
        assertThat(buffer.waitingSeconds()).isZero();
    }

    @Test
    void itGrowsWhileTheWritesFail() throws InterruptedException {
        buffer.record(session, 2000, 1);
        store.close();
        db.close();
        buffer.flush();
        double first = buffer.waitingSeconds();
        Thread.sleep(60);
        buffer.flush();
        assertThat(buffer.waitingSeconds()).isGreaterThan(first + 0.05);
    }
}

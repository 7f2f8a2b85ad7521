package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two logins of one device committing at the same time on PostgreSQL (READ COMMITTED): the older
 * session must reach a follower of the feed as superseded. Found by SessionFeedPropertyTest (one
 * run in a few hundred); here it happens every time: the second login's transaction is held
 * until the follower asked between the two commits.
 */
class SessionFeedRaceTest {

    @Test
    void theOlderSessionOfADeviceReachesTheFollowerAsSupersededWhenTwoLoginsCommitTogether() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"))) {
            new Migrations(db).run();
            JdbcStore store = new JdbcStore(db);
            store.createUser("ann", "Ann", "x", false, 0);
            long userId = store.credentials("ann").orElseThrow().userId();
            String cursor = store.sessionFeedCursor();
            try (Connection c1 = db.newConnection(); Connection c2 = db.newConnection()) {
                c1.setAutoCommit(false);
                c2.setAutoCommit(false);
                insert(c1, "s1", userId, 1000);
                insert(c2, "s2", userId, 2000);
                SessionFeed.started(c1, "s1", 1000); // holds the feed's lock until c1 commits
                CountDownLatch appended = new CountDownLatch(1);
                CountDownLatch mayCommit = new CountDownLatch(1);
                CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                    try {
                        SessionFeed.started(c2, "s2", 2000);
                        appended.countDown();
                        if (!mayCommit.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never allowed to commit");
                        }
                        c2.commit();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                awaitAWaitingLock(db);
                c1.commit();
                assertThat(appended.await(10, TimeUnit.SECONDS)).as("the second login appended").isTrue();
                // The follower asks between the two commits: it sees s1 alone, not superseded yet.
                SessionChanges first = store.sessionChanges(cursor).orElseThrow();
                mayCommit.countDown();
                second.get(10, TimeUnit.SECONDS);
                Map<String, Session> follower = new HashMap<>();
                first.upserted().forEach(s -> follower.put(s.id(), s));
                store.sessionChanges(first.cursor()).orElseThrow().upserted().forEach(s -> follower.put(s.id(), s));

                assertThat(follower.get("s1").superseded()).as("s1, superseded by the later login s2 of its device").isTrue();
                assertThat(follower.get("s2").superseded()).isFalse();
            }
        }
    }

    /** Until a transaction waits for a lock (the second login, on the feed's counter row). */
    private static void awaitAWaitingLock(Database db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = db.newConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the second login never waited for the feed's lock");
    }

    private static void insert(Connection c, String id, long userId, long at) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, token_hash, user_id, application, "
                + "app_version, device_id, device_model, device_os, language, login_at, last_seen_at, "
                + "pending_sync_items, address, fed_last_seen_at) VALUES (?, ?, ?, 'Caregiver', '1.0', 'dev0', "
                + "'Pixel', 'Android', 'English', ?, ?, 0, NULL, ?)")) {
            ps.setString(1, id);
            ps.setString(2, "tok-" + id);
            ps.setLong(3, userId);
            ps.setLong(4, at);
            ps.setLong(5, at);
            ps.setLong(6, at);
            ps.executeUpdate();
        }
    }
}

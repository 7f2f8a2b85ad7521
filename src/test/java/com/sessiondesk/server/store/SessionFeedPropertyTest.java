package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.User;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.service.Logouts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change feed's promise, as a property: random interleavings of logins, heartbeats (flushed in
 * batches), log outs by users and admins, bulk log outs, blocks (some time-limited, lapsing as the
 * clock moves), unblocks and feed pruning, run by three threads against TWO service instances (two
 * stores with their own pools and heartbeat buffers) on one database, while a follower polls the
 * feed through either instance. After each run the follower's list equals a fresh list (Last Seen
 * within the 30 s the feed coalesces), and so do the blocked accounts. On the way, every session the
 * feed reports as ended must be one the follower holds (so nothing is skipped or applied twice).
 */
class SessionFeedPropertyTest {

    private static final int RUNS = 200;
    private static final List<String> USERS = List.of("ann", "bob", "cyd", "dee", "eve", "fay");
    private static final List<String> ADDRESSES = List.of("10.0.0.1", "10.0.0.2", "192.168.1.9");

    @TempDir
    Path dir;

    /** One service instance: its own pool, store and heartbeat buffer. */
    private record Instance(Database db, JdbcStore store, HeartbeatBuffer heartbeats) {
    }

    private MutableClock clock;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFollowerOfTheFeedEndsEqualToAFreshList(String database) throws Exception {
        EmbeddedPostgres postgres = database.equals("postgresql") ? EmbeddedPostgres.start() : null;
        String url = postgres != null ? postgres.getJdbcUrl("postgres", "postgres")
                : "jdbc:sqlite:" + dir.resolve("feed.db");
        clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
        List<Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Database db = Database.open(url);
                new Migrations(db).run();
                JdbcStore store = new JdbcStore(db, clock);
                instances.add(new Instance(db, store, new HeartbeatBuffer(store)));
            }
            for (String user : USERS) {
                instances.get(0).store().createUser(user, user.toUpperCase(), "x", false, clock.millis());
            }
            Follower follower = new Follower();
            follower.reload(instances.get(0).store());
            long seed = new Random().nextLong();
            Random seeds = new Random(seed);
            long started = System.nanoTime();
            for (int run = 0; run < RUNS; run++) {
                long runSeed = seeds.nextLong();
                try {
                    oneRun(instances, follower, runSeed);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(database + " run " + run + " (seed " + runSeed + ") failed: " + e, e);
                }
            }
            assertThat(follower.polls).as("the follower polled while writes went on").isGreaterThan(RUNS);
            System.out.printf("SessionFeedPropertyTest %s: %d runs, %d polls, %d reloads after 410, %d ms%n",
                    database, RUNS, follower.polls, follower.reloads, (System.nanoTime() - started) / 1_000_000);
        } finally {
            for (Instance instance : instances) {
                instance.store().close();
                instance.db().close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private void oneRun(List<Instance> instances, Follower follower, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> known = new CopyOnWriteArrayList<>(follower.rows.keySet());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            int turn = 0;
            while (writing.get() && failures.isEmpty()) {
                try {
                    follower.poll(instances.get(turn++ % 2).store());
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        poller.start();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            long workerSeed = random.nextLong();
            int ops = 4 + random.nextInt(8);
            Thread worker = new Thread(() -> {
                Random r = new Random(workerSeed);
                try {
                    for (int i = 0; i < ops; i++) {
                        step(instances.get(r.nextInt(2)), r, known);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        writing.set(false);
        poller.join();
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("failed during the run: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        for (Instance instance : instances) {
            instance.heartbeats().flush();
        }
        follower.poll(instances.get(random.nextInt(2)).store());
        follower.assertEqualsFreshList(instances.get(random.nextInt(2)).store(), clock.millis());
    }

    /** One random action through one instance. */
    private void step(Instance instance, Random r, List<String> known) {
        JdbcStore store = instance.store();
        String user = USERS.get(r.nextInt(USERS.size()));
        String actor = r.nextBoolean() ? "admin.one" : "admin.two";
        String reason = r.nextBoolean() ? null : "reason " + r.nextInt(5);
        int choice = r.nextInt(100);
        if (choice < 25) {
            long userId = store.credentials(user).orElseThrow().userId();
            Device device = new Device(r.nextBoolean() ? "Caregiver" : "EVV", "1." + r.nextInt(3), user + "-dev"
                    + r.nextInt(2), "Pixel", "Android", "English", ADDRESSES.get(r.nextInt(ADDRESSES.size())));
            store.startSession(userId, device, UUID.randomUUID().toString(), clock.millis()).ifPresent(known::add);
        } else if (choice < 50) {
            pick(known, r).ifPresent(id -> instance.heartbeats().record(id, clock.millis(),
                    r.nextBoolean() ? null : r.nextInt(3),
                    r.nextInt(3) == 0 ? ADDRESSES.get(r.nextInt(ADDRESSES.size())) : null));
        } else if (choice < 58) {
            instance.heartbeats().flush();
        } else if (choice < 66) {
            clock.advance(Duration.ofSeconds(r.nextInt(45)));
        } else if (choice < 72) {
            pick(known, r).ifPresent(id -> store.endSessionByUser(id, "self", clock.millis()));
        } else if (choice < 80) {
            boolean block = r.nextInt(4) == 0;
            pick(known, r).ifPresent(id -> new Logouts(instance.db()).session(id, r.nextBoolean(), block, reason,
                    block ? until(r) : null, actor, clock.millis()));
        } else if (choice < 86) {
            List<String> ids = new ArrayList<>();
            for (int i = r.nextInt(6); i >= 0; i--) {
                pick(known, r).ifPresent(ids::add);
            }
            ids.add("unknown-" + r.nextInt(3));
            boolean block = r.nextInt(4) == 0;
            BulkLogoutResult result = new Logouts(instance.db()).sessions(ids, block, reason, block ? until(r) : null, actor,
                    clock.millis());
            assertThat(result.skippedSessionIds()).contains(ids.get(ids.size() - 1));
        } else if (choice < 92) {
            new Logouts(instance.db()).block(user, reason, until(r), actor, clock.millis(), null);
        } else if (choice < 98) {
            new Logouts(instance.db()).unblock(user, actor, clock.millis());
        } else {
            // prune hard: a follower behind the new floor gets 410 and reloads
            store.pruneSessionFeed(clock.millis() - r.nextInt(20_000));
        }
    }

    /** A block end within a minute, or none. */
    private Long until(Random r) {
        return r.nextBoolean() ? null : clock.millis() + 1 + r.nextInt(60_000);
    }

    private static Optional<String> pick(List<String> known, Random r) {
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(r.nextInt(known.size())));
    }

    /** What a live console holds: the list of a cursor, kept current by the changes after it. */
    private static final class Follower {
        final Map<String, Session> rows = new HashMap<>();
        final Map<String, BlockChange> blocks = new HashMap<>();
        String cursor;
        int polls;
        int reloads;

        synchronized void reload(JdbcStore store) {
            ListAtCursor list = store.activeSessionRowsWithCursor(null, null);
            rows.clear();
            rows.putAll(sessions(list));
            blocks.clear();
            for (User user : store.users()) {
                blocks.put(user.username(), new BlockChange(user.username(), user.blocked(), user.blockedUntil(),
                        user.blockedBy(), user.blockReason()));
            }
            cursor = list.cursor();
        }

        synchronized void poll(JdbcStore store) {
            Optional<SessionChanges> answer = store.sessionChanges(cursor);
            polls++;
            if (answer.isEmpty()) { // 410: reload once
                reloads++;
                reload(store);
                return;
            }
            SessionChanges changes = answer.get();
            for (EndedSession ended : changes.ended()) {
                assertThat(rows).as("an ended session the follower never had (skipped or applied twice)")
                        .containsKey(ended.id());
                rows.remove(ended.id());
            }
            for (Session session : changes.upserted()) {
                rows.put(session.id(), session);
            }
            for (BlockChange change : changes.blockChanges()) {
                blocks.put(change.username(), change);
            }
            cursor = changes.cursor();
        }

        synchronized void assertEqualsFreshList(JdbcStore store, long now) {
            Map<String, Session> fresh = sessions(store.activeSessionRowsWithCursor(null, null));
            assertThat(rows.keySet()).as("the follower's sessions").containsExactlyInAnyOrderElementsOf(fresh.keySet());
            for (Session expected : fresh.values()) {
                Session actual = rows.get(expected.id());
                long lag = Math.abs(expected.lastSeen().toEpochMilli() - actual.lastSeen().toEpochMilli());
                assertThat(lag).as("Last Seen of %s", expected.id()).isLessThan(SessionFeed.SEEN_STEP_MILLIS);
                assertThat(withLastSeen(actual, expected.lastSeen())).isEqualTo(expected);
            }
            Map<String, Boolean> blockedNow = store.users().stream()
                    .collect(Collectors.toMap(User::username, User::blocked));
            for (String user : USERS) {
                BlockChange known = blocks.get(user);
                boolean followerSays = known != null && known.blocked()
                        && (known.blockedUntil() == null || known.blockedUntil().toEpochMilli() > now);
                assertThat(followerSays).as("%s blocked", user).isEqualTo(blockedNow.get(user));
            }
        }

        private static Map<String, Session> sessions(ListAtCursor list) {
            boolean[] superseded = Superseded.flags(list.rows());
            Map<String, Session> byId = new HashMap<>();
            for (int i = 0; i < list.rows().size(); i++) {
                byId.put(list.rows().get(i).id(), list.rows().get(i).toSession(superseded[i]));
            }
            return byId;
        }

        private static Session withLastSeen(Session s, Instant lastSeen) {
            return new Session(s.id(), s.username(), s.name(), s.deviceId(), s.deviceModel(), s.deviceOs(),
                    s.application(), s.appVersion(), s.language(), s.loginTime(), lastSeen, s.pendingSyncItems(),
                    s.superseded(), s.address(), s.syncDeadline(), s.newDevice(), s.newAddress());
        }
    }
}

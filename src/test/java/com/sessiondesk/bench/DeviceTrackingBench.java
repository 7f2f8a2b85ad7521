package com.sessiondesk.bench;

import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of device and address tracking on heartbeats: the heartbeat flush (what a heartbeat
 * costs the database; the HTTP side is unchanged) with the tracking on versus off, in the same run
 * and on the same rows, with the same flushes. Each setting gets warm-up rounds, then the rounds
 * alternate in the order off-on, on-off, ... (so neither setting always follows the other). The
 * ratio on/off is the median of each pair's ratio: the two rounds of a pair ran back to back, under
 * the same load of a shared machine. Each phone has three places it moves between (home Wi-Fi, mobile data, the
 * office Wi-Fi). Four mixes:
 * <ul>
 * <li>"steady": every heartbeat from the session's address, as nearly all are;
 * <li>"some": one phone in 20 moves to its next place at every heartbeat (5 % of heartbeats);
 * <li>"roaming": every phone moves to its next place at every heartbeat: the user was seen there
 * before, and every heartbeat records it again (the realistic places at an unrealistic pace);
 * <li>"fresh": every heartbeat from an address the user was never seen at, the worst case: each
 * adds a row.
 * </ul>
 * Prints heartbeats per second with tracking off and on (medians) and the ratio on/off (the median
 * of the pairs' ratios), both in elapsed time and in the flushing thread's CPU time (SQLite runs in
 * that thread: its CPU time moves less with the load of a shared machine than elapsed time does).
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.sessiondesk.bench.DeviceTrackingBench -Dexec.args="[sessions] [rounds] [postgresql]"}
 * (SQLite in a temporary folder, or an embedded PostgreSQL; defaults 5,000 sessions of 500 users,
 * 21 rounds per setting).
 */
public final class DeviceTrackingBench {

    private static final int FLUSH = 1_000; // heartbeats per flush: about a half-second's worth at 2,000/s
    private static final int PLACES = 3;
    private static final int WARM_UP = 2;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        boolean postgres = args.length > 2 && args[2].equals("postgresql");
        Path dir = Files.createTempDirectory("device-tracking-bench");
        try (EmbeddedPostgres pg = postgres ? EmbeddedPostgres.start() : null;
                Database db = Database.open(postgres ? pg.getJdbcUrl("postgres", "postgres")
                        : "jdbc:sqlite:" + dir.resolve("bench.db"))) {
            new Migrations(db).run();
            JdbcStore store = new JdbcStore(db);
            List<String> ids = new ArrayList<>();
            long now = 1_800_000_000_000L;
            for (int u = 0; u < sessions / 10; u++) {
                store.createUser("user" + u, "User " + u, "x", false, now);
            }
            Map<String, Long> userIds = new HashMap<>();
            for (int i = 0; i < sessions; i++) {
                String user = "user" + (i % (sessions / 10));
                long userId = userIds.computeIfAbsent(user, name -> store.credentials(name).orElseThrow().userId());
                ids.add(store.startSession(userId, new Device("EVV", "1.0", "device-" + i, "Pixel 8", "Android 15",
                        "English", place(i, 0)), "token-" + i, now).orElseThrow());
            }
            long[] clock = {now};
            String[] mixes = {"steady", "some", "roaming", "fresh"};
            System.out.printf(Locale.ROOT, "%d sessions, flushes of %d heartbeats, %d rounds per setting (%s)%n",
                    sessions, FLUSH, rounds, postgres ? "PostgreSQL; CPU: this JVM's side only" : "SQLite");
            System.out.printf(Locale.ROOT, "%-8s %14s %14s %10s %10s%n", "mix", "off beats/s", "on beats/s", "on/off",
                    "CPU on/off");
            for (String mix : mixes) {
                double[][] off = new double[rounds][];
                double[][] on = new double[rounds][];
                for (int w = 0; w < WARM_UP; w++) {
                    round(store, ids, mix, clock, true);
                    round(store, ids, mix, clock, false);
                }
                for (int r = 0; r < rounds; r++) {
                    if (r % 2 == 0) {
                        off[r] = round(store, ids, mix, clock, false);
                        on[r] = round(store, ids, mix, clock, true);
                    } else {
                        on[r] = round(store, ids, mix, clock, true);
                        off[r] = round(store, ids, mix, clock, false);
                    }
                }
                double[] offRates = new double[rounds];
                double[] onRates = new double[rounds];
                double[] ratios = new double[rounds];
                double[] cpuRatios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    offRates[r] = off[r][0];
                    onRates[r] = on[r][0];
                    ratios[r] = on[r][0] / off[r][0];
                    cpuRatios[r] = on[r][1] / off[r][1];
                }
                System.out.printf(Locale.ROOT, "%-8s %,14.0f %,14.0f %10.3f %10.3f%n", mix, median(offRates),
                        median(onRates), median(ratios), median(cpuRatios));
            }
            JdbcStore.trackAddressesAtHeartbeat(true);
            store.close();
        }
    }

    /**
     * One heartbeat of every session, in flushes of {@link #FLUSH}; returns heartbeats per second of
     * elapsed time and per second of this thread's CPU time.
     */
    private static double[] round(JdbcStore store, List<String> ids, String mix, long[] clock, boolean tracking) {
        JdbcStore.trackAddressesAtHeartbeat(tracking);
        clock[0] += 1_000;
        int beat = (int) ((clock[0] - 1_800_000_000_000L) / 1_000); // 1, 2, 3... over the whole run
        List<Map<String, Heartbeat>> flushes = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += FLUSH) {
            Map<String, Heartbeat> beats = new HashMap<>();
            for (int i = from; i < Math.min(ids.size(), from + FLUSH); i++) {
                beats.put(ids.get(i), new Heartbeat(clock[0], 3, address(mix, i, beat)));
            }
            flushes.add(beats);
        }
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (Map<String, Heartbeat> beats : flushes) {
            store.recordHeartbeats(beats);
        }
        long elapsed = System.nanoTime() - start;
        long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
        return new double[] {ids.size() / (elapsed / 1e9), ids.size() / (cpu / 1e9)};
    }

    /** The address session {@code i}'s heartbeat number {@code beat} comes from in {@code mix}. */
    private static String address(String mix, int i, int beat) {
        return switch (mix) {
            case "steady" -> place(i, 0);
            case "some" -> i % 20 == 0 ? place(i, beat % PLACES) : place(i, 0);
            case "roaming" -> place(i, beat % PLACES);
            case "fresh" -> "2001:db8:" + Integer.toHexString(beat) + "::" + Integer.toHexString(i);
            default -> throw new IllegalArgumentException(mix);
        };
    }

    /** The address of session {@code i}'s phone at its {@code n}th place. */
    private static String place(int i, int n) {
        return "10." + n + "." + (i / 250) + "." + (i % 250);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

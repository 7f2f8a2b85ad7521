package com.sessiondesk.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.client.SessionDeskApp;
import com.sessiondesk.client.sessions.SessionRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The live table at 100,000 sessions with 1% of them changing every 10 s, the service
 * in a child JVM ({@link LiveChangeDriver}) and only the client in this one:
 * <ul>
 *   <li>bytes per update: what {@code GET /sessions/changes} answers every 2 s (a second, byte-counting
 *       follower of the same feed), against one full {@code GET /sessions} (goal: under 2%);
 *   <li>client CPU per update: this JVM's CPU time while the table follows the changes, per 2 s poll
 *       and per 10 s, against one full reload (Refresh until the rows are shown);
 *   <li>the longest time the FX thread was busy while applying (a probe posted every 5 ms measures
 *       how long it waited; goal: none over 50 ms), with the same probe's figure before the changes began;
 *       each wait over 30 ms is taken apart: the FX thread's own CPU time in it, GC pauses, where it was
 *       (a wait with little CPU time is GC, the render thread, or a busy machine; with no GPU, as on a
 *       build machine under Xvfb, JavaFX renders in software);
 *   <li>change to screen: from the heartbeat accepted by the service to the row with its new
 *       unsynced count laid out in the table (goal: p95 under 3 s; under 1 s with push).
 * </ul>
 * The client follows the push stream, or with {@code poll} polls every 2 s ({@code -Dsessiondesk.livePush=false}).
 * The reloads' garbage is collected before anything is measured; the CPU figures are also given net
 * of the same window's rate before the changes began (the probe itself costs some).
 * Args: [seconds measured, default 60] [changes per 10 s, default 1000] [push|poll, default push] [sessions prepared, default 99000].
 */
public final class LiveBench {

    private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*\"([^\"]*)\"");

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean push = args.length <= 2 || !args[2].equals("poll");
        int prepared = args.length > 3 ? Integer.parseInt(args[3]) : 99_000;
        if (!push) {
            System.setProperty("sessiondesk.livePush", "false");
        }
        Path dir = Path.of("target", "bench", "live-" + prepared).toAbsolutePath();
        BenchData.prepare(dir, prepared);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx2g", "-D" + AppDirs.HOME_PROPERTY + "=" + dir,
                LiveChangeDriver.class.getName(), String.valueOf(port), String.valueOf(changes))
                .redirectErrorStream(true).start();
        Map<Long, Long> madeAt = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        CopyOnWriteArrayList<String> driverLines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("change ")) {
                        String[] parts = line.split(" ");
                        madeAt.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                    } else if (line.startsWith("failed ")) {
                        failed.incrementAndGet();
                    } else {
                        driverLines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the driver is gone
            }
        }, "driver-output");
        reader.setDaemon(true);
        reader.start();
        Writer toDriver = new OutputStreamWriter(driver.getOutputStream(), StandardCharsets.UTF_8);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (driverLines.stream().noneMatch(l -> l.startsWith("ready"))) {
                if (!driver.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the service did not start: " + driverLines);
                }
                Thread.sleep(200);
            }
            run("http://127.0.0.1:" + port + "/", seconds, changes, push, toDriver, madeAt, failed);
        } finally {
            try {
                toDriver.write("stop\n");
                toDriver.flush();
            } catch (IOException ignored) {
                // already gone
            }
            if (!driver.waitFor(60, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
            Platform.exit();
        }
        System.exit(0);
    }

    private static void run(String baseUrl, int seconds, int changes, boolean push, Writer toDriver, Map<Long, Long> madeAt,
            AtomicLong failed) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(120, TimeUnit.SECONDS).build();
        String token = LoadBench.adminToken(http, baseUrl);
        long listBytes;
        String cursor;
        try (Response response = get(http, baseUrl + "api/v1/sessions", token)) {
            String body = response.body().string();
            listBytes = body.getBytes(StandardCharsets.UTF_8).length;
            cursor = cursorOf(body);
        }

        // --- the client window, signed in, every row shown ---
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        SessionDeskApp app = new SessionDeskApp(ClientOptions.parse(new String[] {"--server", baseUrl}));
        app.init();
        Stage stage = LoadBench.onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        Scene scene = LoadBench.onFx(stage::getScene);
        LoadBench.signIn(scene, baseUrl);
        @SuppressWarnings("unchecked")
        TableView<SessionRow> table = LoadBench.waitFor(scene, "#sessionsTable", TableView.class, 120);
        long expected = countSessions(http, baseUrl, token);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (LoadBench.onFx(() -> table.getItems().size()) < expected) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the table never showed " + expected + " rows");
            }
            Thread.sleep(100);
        }

        // --- one full reload, for comparison: its CPU time in this JVM ---
        List<Double> reloadCpuMs = new ArrayList<>();
        List<Double> reloadWallMs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long cpu0 = processCpuNanos();
            double wall = LoadBench.refreshUntilShown(scene, table);
            if (i > 0) { // the first one warms up
                reloadCpuMs.add((processCpuNanos() - cpu0) / 1e6);
                reloadWallMs.add(wall);
            }
        }

        // --- what the table shows: each benchmark change, stamped at the layout pulse that shows it ---
        Map<Long, Long> shownAt = new ConcurrentHashMap<>();
        List<Long> waiting = new ArrayList<>();
        Runnable[] stamp = new Runnable[1];
        stamp[0] = () -> {
            scene.removePostLayoutPulseListener(stamp[0]);
            long now = System.currentTimeMillis();
            waiting.forEach(count -> shownAt.putIfAbsent(count, now));
            waiting.clear();
        };
        LoadBench.onFx(() -> {
            table.getItems().addListener((ListChangeListener<SessionRow>) change -> {
                while (change.next()) {
                    // A row comes in as added (it moved or is new) or updated in place (same sort key).
                    List<? extends SessionRow> arrived = change.wasUpdated()
                            ? change.getList().subList(change.getFrom(), change.getTo())
                            : change.wasAdded() ? change.getAddedSubList() : List.of();
                    for (SessionRow row : arrived) {
                        long count = row.session().pendingSyncItems();
                        if (count >= LiveChangeDriver.FIRST_COUNT) {
                            if (waiting.isEmpty()) {
                                scene.addPostLayoutPulseListener(stamp[0]);
                                Platform.requestNextPulse();
                            }
                            waiting.add(count);
                        }
                    }
                }
            });
            return null;
        });

        // The reloads leave a few hundred MB to collect: not the changes' doing.
        System.gc();
        Thread.sleep(2000);
        FxProbe probe = new FxProbe();
        GcPauses gc = new GcPauses();
        gc.start();
        probe.start();
        long quietCpu0 = processCpuNanos();
        long quietStart = System.nanoTime();
        Thread.sleep(10_000);
        double quietCpuMsPerS = (processCpuNanos() - quietCpu0) / 1e6 / ((System.nanoTime() - quietStart) / 1e9);
        String quietSpread = probe.takeSpread();
        double quietMaxMs = probe.takeMaxMs();
        String quietGc = gc.take();
        String quietStretches = probe.takeStretches(30, gc);

        // --- the changes: a byte-counting follower of the feed beside the window ---
        toDriver.write("start\n");
        toDriver.flush();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        long feedBytes = 0;
        int polls = 0;
        int nonEmpty = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            Thread.sleep(2000);
            try (Response response = get(http, baseUrl + "api/v1/sessions/changes?since=" + cursor, token)) {
                String body = response.body().string();
                feedBytes += body.getBytes(StandardCharsets.UTF_8).length;
                polls++;
                if (body.contains("\"id\"")) {
                    nonEmpty++;
                }
                cursor = cursorOf(body);
            }
        }
        double elapsedS = (System.nanoTime() - start) / 1e9;
        double liveCpuMs = (processCpuNanos() - cpu0) / 1e6;
        String busySpread = probe.takeSpread();
        double busyMaxMs = probe.takeMaxMs();
        String busyGc = gc.take();
        double busyOwnWorkMs = probe.longestOwnWorkMs();
        String busyStretches = probe.takeStretches(30, gc);
        toDriver.write("stop\n");
        toDriver.flush();
        Thread.sleep(4000); // the last changes reach the table
        probe.stop();

        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Long, Long> made : madeAt.entrySet()) {
            Long shown = shownAt.get(made.getKey());
            if (shown == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, shown - made.getValue()));
            }
        }
        int shownRows = LoadBench.onFx(() -> table.getItems().size());
        // For comparison: a full table.refresh() (every cell made again), what the once-a-minute move of
        // the "… ago" texts cost before the time cells redrew themselves in place (Cells.text's redrawOn).
        List<Double> tickMs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tickMs.add(LoadBench.onFx(() -> {
                long t0 = System.nanoTime();
                table.refresh();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return (System.nanoTime() - t0) / 1e6;
            }));
            Thread.sleep(200);
        }
        tickMs.remove(0);

        double perPollBytes = polls == 0 ? 0 : (double) feedBytes / polls;
        double per10sBytes = feedBytes / elapsedS * 10;
        double reloadCpu = BenchSupport.median(reloadCpuMs);
        double perPollCpu = liveCpuMs / (elapsedS / 2);
        double per10sCpu = liveCpuMs / elapsedS * 10;
        double netPer10sCpu = Math.max(0, liveCpuMs / elapsedS - quietCpuMsPerS) * 10;
        System.out.printf(Locale.ROOT, "live-100k (%s): %d rows shown, %d changes per 10 s (%.1f%%), %.0f s measured, %d changes made (%d failed)%n",
                push ? "push" : "polling every 2 s", shownRows, changes, 100.0 * changes / Math.max(1, shownRows), elapsedS,
                madeAt.size(), failed.get());
        System.out.printf(Locale.ROOT, "bytes: full reload %.1f MB; feed per 2 s poll %.1f kB (%.3f%% of a reload), per 10 s %.1f kB (%.2f%%); %d polls, %d with changes (goal < 2%%)%n",
                listBytes / 1e6, perPollBytes / 1e3, 100 * perPollBytes / listBytes, per10sBytes / 1e3,
                100 * per10sBytes / listBytes, polls, nonEmpty);
        System.out.printf(Locale.ROOT, "client CPU: full reload median %.0f ms (wall %.0f ms); following the feed %.1f ms per 2 s poll (%.2f%% of a reload), %.1f ms per 10 s (%.2f%%)%n",
                reloadCpu, BenchSupport.median(reloadWallMs), perPollCpu, 100 * perPollCpu / reloadCpu, per10sCpu,
                100 * per10sCpu / reloadCpu);
        System.out.printf(Locale.ROOT, "  net of the rate before the changes (%.1f ms per s: the probe, the pulses): %.1f ms per 10 s (%.2f%% of a reload)%n",
                quietCpuMsPerS, netPer10sCpu, 100 * netPer10sCpu / reloadCpu);
        System.out.printf(Locale.ROOT, "FX thread: longest busy stretch while applying %.1f ms (before the changes %.1f ms; goal: none over 50 ms)%n",
                busyMaxMs, quietMaxMs);
        System.out.printf(Locale.ROOT, "  while applying: %s%n  before: %s%n", busySpread, quietSpread);
        System.out.printf(Locale.ROOT, "  GC while applying: %s (before: %s)%n", busyGc, quietGc);
        System.out.printf(Locale.ROOT, "  the FX thread's own work (its CPU time) in any wait over 20 ms while applying: at most %.1f ms%n", busyOwnWorkMs);
        System.out.printf(Locale.ROOT, "  every wait over 30 ms while applying, longest first (the FX thread's own work is its CPU time;"
                + " the rest it was stopped by GC, waited for the renderer, or was not scheduled; samples every 2 ms):%s%n", busyStretches);
        System.out.printf(Locale.ROOT, "  and before the changes:%s%n", quietStretches);
        System.out.printf(Locale.ROOT, "  for comparison, a full table.refresh() (every cell made again, CSS, layout; the minute's tick did this before the time cells redrew in place): median %.1f ms, max %.1f ms%n",
                BenchSupport.median(tickMs), BenchSupport.percentile(tickMs, 100));
        System.out.printf(Locale.ROOT, "change to screen: p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d changes, %d not seen (goal p95 < 3000 ms; < 1000 ms with push)%n",
                BenchSupport.percentile(latencies, 50), BenchSupport.percentile(latencies, 95),
                BenchSupport.percentile(latencies, 100), latencies.size(), missing);
        Platform.runLater(() -> {
            try {
                app.stop();
            } catch (Exception ignored) {
                // closing anyway
            }
            stage.hide();
        });
    }

    /**
     * How long the FX thread keeps a tiny task waiting: posted every 5 ms, the longest wait kept.
     * While a task has waited over {@link #STALL_NANOS}, a second thread samples the FX thread's
     * stack every 2 ms, so the longest stretch comes with where the FX thread was during it.
     */
    private static final class FxProbe {
        private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
        private final AtomicLong maxNanos = new AtomicLong();
        private final List<Long> waits = new CopyOnWriteArrayList<>();
        /** The longest the sampler itself overslept: the whole process went unscheduled (a busy machine) or stopped (a safepoint). */
        private final AtomicLong samplerLateNanos = new AtomicLong();
        private volatile boolean running = true;
        private volatile long postedAt; // of the task waiting now, 0: none
        private volatile Thread fxThread;
        private final List<String> stretchSamples = new CopyOnWriteArrayList<>();
        /** Every wait over {@link #STALL_NANOS}: when it began, how long, the FX thread's CPU time in it, where it was. */
        record Stretch(long postedAt, long waitedNanos, long fxCpuNanos, List<String> samples) {
        }
        private final List<Stretch> stretches = new CopyOnWriteArrayList<>();
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Thread thread = new Thread(this::loop, "fx-probe");
        private final Thread sampler = new Thread(this::sample, "fx-probe-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
            sampler.setDaemon(true);
            sampler.start();
        }

        private void loop() {
            while (running) {
                long posted = System.nanoTime();
                stretchSamples.clear();
                Thread fx = fxThread;
                long fxCpuAtPost = fx == null ? -1 : threads.getThreadCpuTime(fx.getId());
                postedAt = posted;
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                Platform.runLater(() -> {
                    postedAt = 0;
                    fxThread = Thread.currentThread();
                    long waited = System.nanoTime() - posted;
                    waits.add(waited);
                    if (waited > STALL_NANOS && fxCpuAtPost >= 0) {
                        stretches.add(new Stretch(posted, waited, threads.getCurrentThreadCpuTime() - fxCpuAtPost,
                                List.copyOf(stretchSamples)));
                    }
                    if (waited > maxNanos.get()) {
                        maxNanos.set(waited);
                    }
                    ran.countDown();
                });
                try {
                    ran.await(10, TimeUnit.SECONDS);
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Where the FX thread is while a probe waits: its top frame and the innermost SessionDesk frame. */
        private void sample() {
            while (running) {
                long posted = postedAt;
                Thread fx = fxThread;
                if (fx != null && posted != 0 && System.nanoTime() - posted > STALL_NANOS) {
                    stretchSamples.add(where(fx.getStackTrace()));
                }
                long before = System.nanoTime();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
                samplerLateNanos.accumulateAndGet(System.nanoTime() - before - TimeUnit.MILLISECONDS.toNanos(2), Math::max);
            }
        }

        private static String where(StackTraceElement[] stack) {
            if (stack.length == 0) {
                return "(no Java frames: GC, native or rendering)";
            }
            String top = stack[0].getClassName() + "." + stack[0].getMethodName();
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("com.sessiondesk")) {
                    String own = frame.getClassName().replace("com.sessiondesk.", "") + "." + frame.getMethodName();
                    return own.equals(top) ? own : own + " > " + top;
                }
            }
            for (int i = 0; i < stack.length; i++) {
                if (stack[i].getClassName().endsWith("Scene$ScenePulseListener") && stack[i].getMethodName().equals("pulse")) {
                    return "pulse/" + (i > 0 ? stack[i - 1].getMethodName() : "") + " > " + top; // its phase: CSS, layout, sync
                }
            }
            for (StackTraceElement frame : stack) {
                if (frame.getMethodName().equals("pulse") || frame.getClassName().endsWith("QuantumToolkit")) {
                    return "pulse > " + top;
                }
            }
            return top;
        }

        double takeMaxMs() {
            return maxNanos.getAndSet(0) / 1e6;
        }

        /** The waits since the last call: p99, how many over 50 ms, and how late the sampler thread itself got. */
        String takeSpread() {
            List<Double> ms = new ArrayList<>();
            waits.forEach(w -> ms.add(w / 1e6));
            waits.clear();
            long over = ms.stream().filter(w -> w > 50).count();
            return String.format(Locale.ROOT, "%d probes, p99 %.1f ms, %d over 50 ms; the probe's own sampler thread was up to %.0f ms late",
                    ms.size(), ms.isEmpty() ? 0 : BenchSupport.percentile(ms, 99), over, samplerLateNanos.getAndSet(0) / 1e6);
        }

        /**
         * The waits over {@code overMs} since the last call, longest first (at most ten): how long, how
         * much of it the FX thread was on a CPU (the rest it was stopped by GC, waited for the render
         * thread, or was not scheduled), the GC pauses within it, and where the FX thread was.
         */
        /** The most CPU time the FX thread spent within one wait over {@link #STALL_NANOS} (its own work), 0 if none. */
        double longestOwnWorkMs() {
            return stretches.stream().mapToLong(Stretch::fxCpuNanos).max().orElse(0) / 1e6;
        }

        String takeStretches(double overMs, GcPauses gc) {
            List<Stretch> taken = new ArrayList<>(stretches);
            stretches.clear();
            StringBuilder text = new StringBuilder();
            taken.stream().filter(s -> s.waitedNanos() / 1e6 > overMs)
                    .sorted(java.util.Comparator.comparingLong(Stretch::waitedNanos).reversed()).limit(10)
                    .forEach(s -> {
                        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
                        s.samples().forEach(w -> counts.merge(w, 1, Integer::sum));
                        text.append(String.format(Locale.ROOT, "%n    %.1f ms: FX thread on a CPU %.1f ms, GC pauses in it %.0f ms; where it was:",
                                s.waitedNanos() / 1e6, s.fxCpuNanos() / 1e6,
                                gc.pausedWithin(s.postedAt(), s.postedAt() + s.waitedNanos())));
                        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                                .forEach(e -> text.append(String.format(Locale.ROOT, "%n        %d x %s", e.getValue(), e.getKey())));
                    });
            return text.length() == 0 ? " none" : text.toString();
        }

        void stop() {
            running = false;
        }
    }

    /** The longest GC pause of this JVM since the last call (GC stops the FX thread too). */
    private static final class GcPauses {
        private final AtomicLong maxMillis = new AtomicLong();
        private final AtomicLong count = new AtomicLong();
        /** Each pause as {end in System.nanoTime(), duration in ns} (to ms precision), for {@link #pausedWithin}. */
        private final List<long[]> pauses = new CopyOnWriteArrayList<>();

        void start() {
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) notification.getUserData());
                            maxMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                            count.incrementAndGet();
                            long sinceEndMs = ManagementFactory.getRuntimeMXBean().getUptime() - info.getGcInfo().getEndTime();
                            pauses.add(new long[] {System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(sinceEndMs),
                                    TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getDuration())});
                        }
                    }, null, null);
                }
            }
        }

        String take() {
            return String.format(Locale.ROOT, "%d GCs, longest %d ms", count.getAndSet(0), maxMillis.getAndSet(0));
        }

        /** How long GC paused the JVM between two instants (System.nanoTime()), to about a millisecond. */
        double pausedWithin(long from, long to) {
            long paused = 0;
            for (long[] pause : pauses) {
                long start = pause[0] - pause[1];
                paused += Math.max(0, Math.min(to, pause[0] + 1_000_000) - Math.max(from, start - 1_000_000));
            }
            return paused / 1e6;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Response get(OkHttpClient http, String url, String token) throws IOException {
        Response response = http.newCall(new Request.Builder().url(url)
                .header("Authorization", SessionDeskApi.bearer(token)).build()).execute();
        if (!response.isSuccessful()) {
            response.close();
            throw new IllegalStateException(url + " answered " + response.code());
        }
        return response;
    }

    private static String cursorOf(String body) {
        Matcher m = CURSOR.matcher(body);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("no cursor in the answer");
        }
        return last;
    }

    private static long countSessions(OkHttpClient http, String baseUrl, String token) throws IOException {
        try (Response response = get(http, baseUrl + "api/v1/sessions", token)) {
            String body = response.body().string();
            int count = 0;
            for (int at = body.indexOf("\"loginTime\""); at >= 0; at = body.indexOf("\"loginTime\"", at + 1)) {
                count++;
            }
            return count;
        }
    }
}

package com.sessiondesk.bench;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.apitest.Api;
import com.sessiondesk.apitest.RawHttp;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.SessionServer;
import com.sessiondesk.simulate.DeviceFleet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Push to the device, rerunnable, kept out of {@code mvn verify}:
 *
 * <ol>
 * <li>{@code simulate}'s devices (1,000 by default) hold their event streams against a service with
 *     100,000 active sessions; the admin logs each device's session out; the time from the admin's
 *     request to the device's {@code session_ended} event: p50/p95/p99/max. On SQLite, and on one
 *     PostgreSQL through two instances (devices on B, the admin's requests through A).</li>
 * <li>A graceful run: 200 devices each holding 5 unsynced items are logged out after sync: items
 *     synced and lost (goal 0 lost).</li>
 * <li>10,000 idle streams held against a service in a child JVM: its threads and resident memory
 *     before and after (the clients use {@code java.net.http}, asynchronous, in this JVM).</li>
 * </ol>
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.sessiondesk.bench.PushBenchmark \
 *     -Dexec.args="--devices=1000 --sessions=100000 --idle=10000"
 * </pre>
 * ({@code --only=sqlite,postgres,graceful,idle} runs some parts.)
 */
public final class PushBenchmark {

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int devices = Integer.parseInt(options.getOrDefault("devices", "1000"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "100000"));
        int idle = Integer.parseInt(options.getOrDefault("idle", "10000"));
        String only = options.getOrDefault("only", "sqlite,postgres,graceful,idle");
        List<String> report = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line); // as it comes, and once more in the table at the end
                return super.add(line);
            }
        };
        if (only.contains("sqlite")) {
            try (SessionServer server = TestServers.start(TestServers.newSqliteUrl(), true)) {
                BulkLoad.createActiveSessions(server, sessions);
                report.add(latency("SQLite, one instance", server, server, devices, sessions));
            }
        }
        if (only.contains("postgres")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
                String url = postgres.getJdbcUrl("postgres", "postgres");
                try (SessionServer a = TestServers.start(url, true); SessionServer b = TestServers.start(url, false)) {
                    BulkLoad.createActiveSessions(a, sessions);
                    report.add(latency("PostgreSQL, admin on A, devices on B", a, b, devices, sessions));
                }
            }
        }
        if (only.contains("graceful")) {
            try (SessionServer server = TestServers.start(TestServers.newSqliteUrl(), true)) {
                report.add(graceful(server, 200, 5));
            }
        }
        if (only.contains("idle")) {
            report.add(idleStreams(idle));
        }
        System.out.println();
        System.out.println("=== Push benchmark (" + devices + " devices, " + sessions + " other sessions) ===");
        report.forEach(System.out::println);
        System.exit(0);
    }

    /** Devices on {@code devicesOn}; the admin's log outs through {@code adminOn}. */
    private static String latency(String label, SessionServer adminOn, SessionServer devicesOn, int count,
            int sessions) throws Exception {
        String adminToken = Api.adminToken(adminOn.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        RawHttp admin = new RawHttp(adminOn.baseUrl());
        DeviceFleet.Settings settings = new DeviceFleet.Settings(devicesOn.baseUrl(), count, 10, true, 10, -1);
        try (DeviceFleet fleet = DeviceFleet.start(settings, line -> { })) {
            // Sign-ins cost a PBKDF2 each; a device of the demo's blocked account stays on the login page.
            await(() -> settled(fleet), 900_000, "streams open");
            List<DeviceFleet.DeviceReport> devices = fleet.reports().stream().filter(DeviceFleet.DeviceReport::streamOpen)
                    .toList();
            System.out.println(label + ": " + devices.size() + " streams open (" + devicesOn.openStreams()
                    + " on the service)");
            Map<String, Long> askedAt = new ConcurrentHashMap<>();
            ExecutorService admins = Executors.newFixedThreadPool(4);
            long start = System.currentTimeMillis();
            for (DeviceFleet.DeviceReport device : devices) {
                admins.submit(() -> {
                    askedAt.put(device.sessionId(), System.currentTimeMillis());
                    RawHttp.Reply reply = admin.post("/api/v1/sessions/" + device.sessionId() + "/logout", adminToken,
                            Json.GSON.toJson(LogoutRequest.of(false, false, "Benchmark")));
                    if (reply.status() != 200) {
                        System.err.println("log out answered " + reply);
                    }
                });
            }
            admins.shutdown();
            admins.awaitTermination(5, TimeUnit.MINUTES);
            long requestsDone = System.currentTimeMillis();
            java.util.Set<String> asked = askedAt.keySet();
            await(() -> fleet.reports().stream().filter(d -> d.sessionId() != null && asked.contains(d.sessionId()))
                    .allMatch(d -> d.toldAtMillis() != 0), 30_000, "every device told");
            List<Long> millis = new ArrayList<>();
            int byStream = 0;
            for (DeviceFleet.DeviceReport device : fleet.reports()) {
                if (device.sessionId() == null || !asked.contains(device.sessionId())) {
                    continue;
                }
                millis.add(device.toldAtMillis() - askedAt.get(device.sessionId()));
                byStream += "stream".equals(device.toldBy()) ? 1 : 0;
            }
            Collections.sort(millis);
            return String.format("%-40s %d log outs in %d ms (%d other sessions); request to event: p50 %d ms, "
                            + "p95 %d ms, p99 %d ms, max %d ms; %d of %d told through the stream",
                    label, devices.size(), requestsDone - start, sessions, pct(millis, 50), pct(millis, 95), pct(millis, 99),
                    millis.get(millis.size() - 1), byStream, devices.size());
        }
    }

    private static String graceful(SessionServer server, int count, int items) throws Exception {
        String adminToken = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        RawHttp admin = new RawHttp(server.baseUrl());
        DeviceFleet.Settings settings = new DeviceFleet.Settings(server.baseUrl(), count, 10, true, 50, items);
        try (DeviceFleet fleet = DeviceFleet.start(settings, line -> { })) {
            await(() -> settled(fleet), 600_000, "streams open");
            long start = System.currentTimeMillis();
            int loggedOut = 0;
            for (DeviceFleet.DeviceReport device : fleet.reports()) {
                if (!device.streamOpen()) {
                    continue;
                }
                loggedOut++;
                admin.post("/api/v1/sessions/" + device.sessionId() + "/logout", adminToken,
                        Json.GSON.toJson(LogoutRequest.afterSync(false, false, "Benchmark, after sync", 15)));
            }
            await(() -> fleet.reports().stream().allMatch(d -> d.state().equals("LOGIN_PAGE")), 300_000,
                    "every device at the login page");
            long done = System.currentTimeMillis();
            int synced = fleet.reports().stream().mapToInt(DeviceFleet.DeviceReport::syncedItems).sum();
            int lost = fleet.reports().stream().mapToInt(DeviceFleet.DeviceReport::lostItems).sum();
            return String.format("%-40s %d devices x %d unsynced items, logged out after sync: %d items synced, "
                    + "%d lost; all at the login page %d ms after the first request", "Graceful (SQLite)", loggedOut,
                    items, synced, lost, done - start);
        }
    }

    /** A service in a child JVM on a database of {@code count} sessions; {@code count} streams held on it. */
    private static String idleStreams(int count) throws Exception {
        Path dir = Files.createTempDirectory("push-bench");
        String url = "jdbc:sqlite:" + dir.resolve("idle.db");
        List<String> tokens;
        try (SessionServer prepare = TestServers.start(url, false)) {
            tokens = BulkLoad.createActiveSessions(prepare, count);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath(), "-Dsessiondesk.home=" + dir,
                "com.sessiondesk.Main", "serve", "--port", "0", "--db", url);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("SessionDesk session service on ")) {
                    base = line.substring("SessionDesk session service on ".length()).split(" ")[0];
                    break;
                }
            }
            if (base == null) {
                throw new IllegalStateException("the child service did not start: " + command);
            }
            BufferedReader drain = out;
            Thread drainer = new Thread(() -> {
                try {
                    while (drain.readLine() != null) {
                        // keep the pipe empty
                    }
                } catch (IOException ignored) {
                    // the child is gone
                }
            });
            drainer.setDaemon(true);
            drainer.start();
            Thread.sleep(2_000);
            String before = procStatus(child.pid());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(30)).build();
            AtomicInteger ready = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            long start = System.nanoTime();
            for (int i = 0; i < tokens.size(); i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/mobile/events"))
                        .header("Authorization", "Bearer " + tokens.get(i))
                        .header("Accept", "text/event-stream").build();
                http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    private boolean isReady;

                    @Override
                    public void onNext(String line) {
                        if (line.equals("event: ready")) {
                            isReady = true;
                            ready.incrementAndGet();
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        failed.incrementAndGet();
                    }

                    @Override
                    public void onComplete() {
                        if (!isReady) {
                            refused.incrementAndGet(); // 401: a bulk-loaded session past its idle lifetime
                        }
                    }
                })).exceptionally(e -> {
                    failed.incrementAndGet();
                    return null;
                });
                if (i % 500 == 499) {
                    Thread.sleep(50); // do not flood the accept queue
                }
            }
            long lastReport = System.nanoTime();
            long giveUp = System.nanoTime() + 900_000_000_000L;
            while (ready.get() + failed.get() + refused.get() < tokens.size() && System.nanoTime() < giveUp) {
                Thread.sleep(200);
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.println("  ... " + ready.get() + " streams ready, " + failed.get() + " failed; service: "
                            + procStatus(child.pid()));
                }
            }
            long openedMs = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(20_000); // idle, past a keep-alive round
            String after = procStatus(child.pid()) + " (" + jettyThreads(child.pid()) + ")";
            return String.format("%-40s %d of %d streams open in %d ms (%d failed, " + refused.get()
                            + " refused: expired sessions), still open after 20 s idle: %s; "
                            + "service before: %s; with the streams: %s", "Idle streams (SQLite, child JVM)",
                    ready.get(), tokens.size(), openedMs, failed.get(), ready.get() - failed.get(), before, after);
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** This JVM's class path; under {@code exec:java} the plugin's class loader holds it. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!entries.isEmpty()) {
                return String.join(java.io.File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }

    /** Jetty's threads of a JVM: how many wait idle for work, how many do something else. */
    private static String jettyThreads(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        int jetty = 0;
        int idle = 0;
        for (String thread : dump.split("\n\n")) {
            if (thread.startsWith("\"JettyServerThreadPool")) {
                jetty++;
                if (thread.contains("BlockingArrayQueue.poll") || thread.contains("ReservedThread")
                        || thread.contains("ManagedSelector")) {
                    idle++;
                }
            }
        }
        return jetty + " Jetty threads, " + idle + " of them idle or selecting";
    }

    /** Every device signed in with its stream open, or refused (the demo's blocked account). */
    private static boolean settled(DeviceFleet fleet) {
        return fleet.reports().stream().allMatch(d -> d.streamOpen() || d.state().equals("LOGIN_PAGE"));
    }

    /** Threads and resident memory of a process (Linux). */
    private static String procStatus(long pid) throws IOException {
        String threads = "?";
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                threads = line.substring(8).trim();
            } else if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            }
        }
        return threads + " threads, RSS " + rss;
    }

    private static long pct(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > giveUp) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}

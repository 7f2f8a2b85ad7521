package com.sessiondesk.server.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service author's quick check of the hot paths (the full load benchmark is the test suite's):
 * heartbeats per second and p99 at 10,000 active sessions, and GET /api/v1/sessions at 10,000 and
 * 100,000. Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.sessiondesk.server.bench.ServerQuickBench -Dexec.args="sqlite|postgresql"}.
 */
public final class ServerQuickBench {

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("sessiondesk-bench");
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        String which = args.length > 0 ? args[0] : "sqlite";
        EmbeddedPostgres pg = null;
        String url = "jdbc:sqlite:" + home.resolve("bench.db");
        if (which.equals("postgresql")) {
            pg = EmbeddedPostgres.start();
            url = pg.getJdbcUrl("postgres", "postgres");
        }
        ServerConfig config = ServerConfig.defaults().withPort(0).withJdbcUrl(url).withInitialAdminPassword("bench-password-1");
        try (SessionServer server = SessionServer.start(config)) {
            long t0 = System.nanoTime();
            List<String> tokens = BulkLoad.createActiveSessions(server, 10_000);
            System.out.printf("%s: bulk load of 10,000 sessions %d ms%n", which, (System.nanoTime() - t0) / 1_000_000);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String admin = server.issueAdminToken("admin");
            heartbeats(http, server.baseUrl(), tokens, 3);   // warm-up
            heartbeats(http, server.baseUrl(), tokens, 10);
            heartbeats(http, server.baseUrl(), tokens, 10);
            list(http, server.baseUrl(), admin, "10,000");
            list(http, server.baseUrl(), admin, "10,000");
            if (args.length > 1 && args[1].equals("10k")) {
                return;
            }
            t0 = System.nanoTime();
            BulkLoad.createActiveSessions(server, 90_000);
            System.out.printf("%s: bulk load of 90,000 more %d ms%n", which, (System.nanoTime() - t0) / 1_000_000);
            for (int i = 0; i < 3; i++) {
                list(http, server.baseUrl(), admin, "100,000");
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** CPU time of this whole process: on a busy machine, wall time says little. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Blocking clients on 48 threads (CompletableFuture spawns a thread per task on 2 cores). */
    /** CPU time of the server's threads (Jetty's pool, the pool and flush threads), so the load generator is not counted. */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            if (name.startsWith("JettyServerThreadPool") || name.startsWith("sessiondesk")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void heartbeats(HttpClient http, String base, List<String> tokens, int seconds) throws Exception {
        URI uri = URI.create(base + "api/v1/mobile/heartbeat");
        int clients = 48;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long cpu0 = cpuNanos();
        long serverCpu0 = serverCpuNanos();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[400_000];
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"pendingSyncItems\":" + (i % 7) + "}")).build();
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 204 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    if (counts[client] < latencies[client].length) {
                        latencies[client][counts[client]++] = System.nanoTime() - sent;
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, sorted, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(sorted);
        double cpuPerRequest = (cpuNanos() - cpu0) / 1e3 / Math.max(1, ok.get());
        double serverCpuPerRequest = (serverCpuNanos() - serverCpu0) / 1e3 / Math.max(1, ok.get());
        System.out.printf("heartbeats: %.0f/s over %.1f s (%d ok, %d failed), p50 %.1f ms, p99 %.1f ms; CPU per "
                        + "heartbeat: %.0f us in the server's threads, %.0f us in the whole process%n",
                ok.get() / elapsed, elapsed, ok.get(), failed.get(), sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, serverCpuPerRequest, cpuPerRequest);
    }

    private static void list(HttpClient http, String base, String admin, String label) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/sessions"))
                .header("Authorization", "Bearer " + admin).GET().build();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long serverCpu0 = serverCpuNanos();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("GET /api/v1/sessions with %s active: %d ms, %d bytes, status %d; CPU %d ms in the "
                        + "server's threads, %d ms in the whole process%n",
                label, (System.nanoTime() - t0) / 1_000_000, response.body().length, response.statusCode(),
                (serverCpuNanos() - serverCpu0) / 1_000_000, (cpuNanos() - cpu0) / 1_000_000);
    }
}

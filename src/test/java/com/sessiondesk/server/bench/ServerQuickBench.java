package com.sessiondesk.server.bench;

import com.sessiondesk.AppDirs;
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
import java.util.concurrent.Semaphore;
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
        ServerConfig config = ServerConfig.defaults().withPort(0).withJdbcUrl(url).withInitialAdminPassword("bench-pw");
        try (SessionServer server = SessionServer.start(config)) {
            long t0 = System.nanoTime();
            List<String> tokens = BulkLoad.createActiveSessions(server, 10_000);
            System.out.printf("%s: bulk load of 10,000 sessions %d ms%n", which, (System.nanoTime() - t0) / 1_000_000);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String admin = server.issueAdminToken("admin");
            heartbeats(http, server.baseUrl(), tokens, 3);   // warm-up
            heartbeats(http, server.baseUrl(), tokens, 10);
            list(http, server.baseUrl(), admin, "10,000");
            list(http, server.baseUrl(), admin, "10,000");
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

    private static void heartbeats(HttpClient http, String base, List<String> tokens, int seconds) throws Exception {
        URI uri = URI.create(base + "api/v1/mobile/heartbeat");
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] latencies = new long[2_000_000];
        AtomicInteger count = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        int i = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            String token = tokens.get(i++ % tokens.size());
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pendingSyncItems\":" + (i % 7) + "}")).build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                int n = count.getAndIncrement();
                if (n < latencies.length) {
                    latencies[n] = System.nanoTime() - sent;
                }
                if (error == null && response.statusCode() == 204) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(64);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, Math.min(count.get(), latencies.length));
        Arrays.sort(sorted);
        System.out.printf("heartbeats: %.0f/s over %.1f s (%d ok, %d failed), p50 %.1f ms, p99 %.1f ms%n",
                ok.get() / elapsed, elapsed, ok.get(), failed.get(), sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    private static void list(HttpClient http, String base, String admin, String label) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/sessions"))
                .header("Authorization", "Bearer " + admin).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("GET /api/v1/sessions with %s active: %d ms, %d bytes, status %d%n", label,
                (System.nanoTime() - t0) / 1_000_000, response.body().length, response.statusCode());
    }
}

package com.sessiondesk.bench;

import com.google.gson.JsonParser;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import com.sessiondesk.server.StaffGenerator.Person;
import java.io.BufferedReader;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost of password hashing (Argon2id, server/security/Passwords) on this machine (kept out of
 * {@code mvn verify}; LoginBurstBench compares it with PBKDF2):
 * <ol>
 * <li>mobile logins per second: a few clients sign in in a loop as distinct demo staff (right
 * password, with their device tickets, so the throttle never answers);</li>
 * <li>heartbeat latency at 10,000 sessions ({@link HeartbeatLoad} in its own JVM), first alone,
 * then while about 200 logins per second are attempted (open loop): the hashing queue must keep
 * the heartbeats' p99 low and refuse the excess with 503 at once.</li>
 * </ol>
 * Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.sessiondesk.bench.LoginBench} (options: {@code -Dexec.args="SECONDS RATE"},
 * default 10 s and 200 logins/s).
 */
public final class LoginBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoginBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path work = Files.createTempDirectory("sessiondesk-loginbench");
        System.out.printf(Locale.ROOT, "cores: %d, load average before: %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ServerConfig config = ServerConfig.defaults().withPort(0).withDemo(true)
                .withJdbcUrl("jdbc:sqlite:" + work.resolve("bench.db"))
                .withInitialAdminPassword(UUID.randomUUID().toString());
        try (SessionServer server = SessionServer.start(config)) {
            String base = server.baseUrl();
            List<Person> staff = DemoAgency.staff().subList(0, DemoAgency.STAFF - 1);
            Map<String, String> tickets = new ConcurrentHashMap<>();

            // 1. sequential warm-up, then logins per second with 4 clients
            for (int i = 0; i < 5; i++) {
                login(base, staff.get(i).username(), tickets);
            }
            int clients = 4;
            AtomicLong ok = new AtomicLong();
            AtomicLong other = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String user = staff.get(next.getAndIncrement() % staff.size()).username();
                        (login(base, user, tickets) == 201 ? ok : other).incrementAndGet();
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "mobile logins (Argon2id, %d clients, %d s): %.1f/s "
                    + "(%d signed in, %d other answers)%n", clients, seconds, ok.get() / elapsed, ok.get(), other.get());

            // 2. heartbeats alone, then with logins attempted at RATE per second
            Path tokens = work.resolve("tokens.txt");
            Files.write(tokens, BulkLoad.createActiveSessions(server, 10_000));
            System.out.println("heartbeats alone:                 " + heartbeats(server.port(), tokens, seconds));
            LoginStorm storm = new LoginStorm(base, staff, tickets, rate);
            String withLogins = heartbeats(server.port(), tokens, seconds);
            storm.stop();
            System.out.println("heartbeats with " + rate + " logins/s attempted: " + withLogins);
            System.out.println("logins during the storm: " + storm.summary());
        }
    }

    /** One mobile login with the user's device ticket (if any); returns the status. */
    private static int login(String base, String username, Map<String, String> tickets) {
        MobileLoginRequest body = new MobileLoginRequest(username, DemoAgency.STAFF_PASSWORD, "Caregiver", "5.8.2",
                "bench-" + username, "Pixel 7", "Android 14", "English", tickets.get(username));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/mobile/login"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body))).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                tickets.put(username, JsonParser.parseString(response.body()).getAsJsonObject()
                        .get("deviceTicket").getAsString());
            }
            return response.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Logins attempted at a fixed rate (open loop), whatever the answers take. */
    private static final class LoginStorm {
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();
        private final long startedAt = System.nanoTime();
        private volatile long stoppedAt;

        LoginStorm(String base, List<Person> staff, Map<String, String> tickets, int rate) {
            ticker.scheduleAtFixedRate(() -> senders.submit(() -> {
                String user = staff.get(next.getAndIncrement() % staff.size()).username();
                statuses.computeIfAbsent(login(base, user, tickets), s -> new AtomicLong()).incrementAndGet();
            }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        }

        void stop() throws InterruptedException {
            ticker.shutdownNow();
            stoppedAt = System.nanoTime();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        }

        String summary() {
            double seconds = (stoppedAt - startedAt) / 1e9;
            long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
            return String.format(Locale.ROOT, "%.0f attempted/s, answers %s (201 signed in, 503 refused at once)",
                    total / seconds, new java.util.TreeMap<>(statuses));
        }
    }

    /** Runs {@link HeartbeatLoad} in its own JVM (16 connections, 3 s warm-up) and returns its RESULT line. */
    private static String heartbeats(int port, Path tokens, int seconds) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path classes = Path.of(HeartbeatLoad.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", classes.toString(), HeartbeatLoad.class.getName(),
                "127.0.0.1", Integer.toString(port), tokens.toString(), "16", "3", Integer.toString(seconds),
                "100000000").redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                }
            }
        }
        process.waitFor(seconds + 60L, TimeUnit.SECONDS);
        if (result == null) {
            return "(no result)";
        }
        List<String> shown = new ArrayList<>();
        for (String pair : result.split(" ")) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "requests" -> shown.add(kv[1] + " requests");
                case "seconds" -> shown.add(String.format(Locale.ROOT, "%.0f/s",
                        Double.parseDouble(result.split("requests=")[1].split(" ")[0]) / Double.parseDouble(kv[1])));
                case "p50us", "p99us", "maxus" -> shown.add(kv[0].replace("us", "") + " "
                        + String.format(Locale.ROOT, "%.1f ms", Long.parseLong(kv[1]) / 1000.0));
                case "errors" -> shown.add(kv[1] + " errors");
                default -> { }
            }
        }
        return String.join(", ", shown);
    }
}

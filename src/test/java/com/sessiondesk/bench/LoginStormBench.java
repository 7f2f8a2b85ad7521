package com.sessiondesk.bench;

import com.google.gson.JsonParser;
import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full login storm (kept out of {@code mvn verify}): 20 addresses (127.0.0.2 to 127.0.0.21)
 * send wrong mobile logins as hard as they can, each answer retried at once, for the whole run;
 * meanwhile a device with its ticket and the admin with the desktop client's ticket each sign in 20
 * times. Prints how many of each succeeded within 2 s (goal: at least 19 of 20), their median and
 * slowest time, and what the storm got (per status, per second).
 * Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.sessiondesk.bench.LoginStormBench} ({@code -Dexec.args="SECONDS"}, default 40).
 */
public final class LoginStormBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ATTACKERS = 20;
    private static final int SIGN_INS = 20;
    private static final String PASSWORD = "Storm-Password-1";

    private LoginStormBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.printf(Locale.ROOT, "cores: %d, load average before: %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path work = Files.createTempDirectory("sessiondesk-storm");
        ServerConfig config = ServerConfig.defaults().withPort(0)
                .withJdbcUrl("jdbc:sqlite:" + work.resolve("storm.db"))
                .withInitialAdminPassword(UUID.randomUUID().toString());
        try (SessionServer server = SessionServer.start(config)) {
            server.addUser("maria.lopez", "Maria Lopez", PASSWORD, false);
            server.addUser("sol.admin", "Sol Admin", PASSWORD, true);
            String base = server.baseUrl();
            String[] deviceTicket = {ticket(post(base + "api/v1/mobile/login", phone(null)))};
            String[] desktopTicket = {ticket(post(base + "api/v1/admin/login", admin(null)))};

            Map<Integer, AtomicLong> storm = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
            for (int a = 0; a < ATTACKERS; a++) {
                String source = "127.0.0." + (2 + a);
                attackers.submit(() -> hammer(source, server.port(), stop, storm));
            }
            long stormStarted = System.nanoTime();
            Thread.sleep(1_000);
            List<Long> deviceMillis = new ArrayList<>();
            List<Long> adminMillis = new ArrayList<>();
            long pause = Math.max(0, (seconds - 2) * 1000L / SIGN_INS - 400);
            for (int i = 0; i < SIGN_INS; i++) {
                deviceMillis.add(timed(() -> post(base + "api/v1/mobile/login", phone(deviceTicket[0])), 201,
                        deviceTicket));
                adminMillis.add(timed(() -> post(base + "api/v1/admin/login", admin(desktopTicket[0])), 200,
                        desktopTicket));
                Thread.sleep(pause);
            }
            stop.set(true);
            attackers.shutdown();
            attackers.awaitTermination(60, TimeUnit.SECONDS);
            double stormSeconds = (System.nanoTime() - stormStarted) / 1e9;
            long total = storm.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.printf(Locale.ROOT, "storm: %d requests in %.0f s (%.0f/s), answers %s%n", total, stormSeconds,
                    total / stormSeconds, new TreeMap<>(storm));
            report("ticket holder (mobile login with its device ticket)", deviceMillis);
            report("admin (sign-in with the desktop client's ticket)", adminMillis);
        }
    }

    private static void report(String who, List<Long> millis) {
        long within = millis.stream().filter(m -> m >= 0 && m <= 2_000).count();
        List<Long> done = millis.stream().filter(m -> m >= 0).sorted().toList();
        System.out.printf(Locale.ROOT, "RESULT %s: %d of %d signed in within 2 s (goal >= 19); median %.0f ms, "
                + "slowest %d ms%n", who, within, millis.size(), BenchSupport.median(done),
                done.isEmpty() ? -1 : done.get(done.size() - 1));
    }

    /** The milliseconds a sign-in took, or -1 when it failed; keeps the new ticket. */
    private static long timed(java.util.function.Supplier<HttpResponse<String>> call, int ok, String[] ticket) {
        long started = System.nanoTime();
        HttpResponse<String> response = call.get();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (response == null || response.statusCode() != ok) {
            return -1;
        }
        ticket[0] = ticket(response);
        return millis;
    }

    private static void hammer(String source, int port, AtomicBoolean stop, Map<Integer, AtomicLong> answers) {
        long n = 0;
        while (!stop.get()) {
            String username = n % 3 == 0 ? "maria.lopez" : "guess-" + source + "-" + n;
            byte[] body = Json.GSON.toJson(new MobileLoginRequest(username, "wrong-" + n, "EVV", "2.3.0",
                    "attacker-" + n, "Pixel 7", "Android 14", "English", null)).getBytes(StandardCharsets.UTF_8);
            n++;
            answers.computeIfAbsent(send(source, port, body), s -> new AtomicLong()).incrementAndGet();
        }
    }

    /** One POST over a socket bound to {@code source}; the status, or -1. */
    private static int send(String source, int port, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("POST /api/v1/mobile/login HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> post(String url, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body))).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static String ticket(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject().get("deviceTicket").getAsString();
    }

    private static MobileLoginRequest phone(String ticket) {
        return new MobileLoginRequest("maria.lopez", PASSWORD, "EVV", "2.3.0", "marias-phone", "Pixel 8",
                "Android 14", "English", ticket);
    }

    private static AdminLoginRequest admin(String ticket) {
        return new AdminLoginRequest("sol.admin", PASSWORD, ticket);
    }
}

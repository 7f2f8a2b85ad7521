package com.sessiondesk.bench;

import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The service side of {@link LiveBench}, in its own JVM: the session service on the prepared data
 * directory plus N sessions of its own, whose heartbeats it sends with a new unsynced count each
 * (a change the feed must carry), N per 10 s spread evenly. Each accepted change is printed as
 * {@code change <count> <epoch ms>}; the count is unique, so the client can tell which change a row shows.
 * Commands on standard input: {@code start}, {@code stop}.
 * Args: port, changes per 10 s (default 1000).
 */
public final class LiveChangeDriver {

    /** Unsynced counts from here on are the benchmark's changes (no device reports that many). */
    public static final int FIRST_COUNT = 1_000_000;

    private LiveChangeDriver() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int perTenSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        SessionServer server = SessionServer.start(ServerConfig.defaults().withPort(port)
                .withJdbcUrl(AppDirs.demoJdbcUrl())); // where BenchData prepared the sessions and the admin
        List<String> tokens = BulkLoad.createActiveSessions(server, perTenSeconds);
        OkHttpClient http = new OkHttpClient.Builder().build();
        http.dispatcher().setMaxRequestsPerHost(16);
        AtomicLong next = new AtomicLong(FIRST_COUNT);
        AtomicBoolean running = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        System.out.println("ready " + tokens.size());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"start".equals(in.readLine())) {
            server.close();
            return;
        }
        running.set(true);
        Thread driver = new Thread(() -> {
            int perTick = Math.max(1, perTenSeconds / 100); // a tick every 100 ms
            int at = 0;
            long tick = System.nanoTime();
            while (running.get()) {
                for (int i = 0; i < perTick; i++) {
                    String token = tokens.get(at++ % tokens.size());
                    long count = next.getAndIncrement();
                    senders.execute(() -> heartbeat(http, port, token, count));
                }
                tick += TimeUnit.MILLISECONDS.toNanos(100);
                long wait = tick - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "live-change-driver");
        driver.start();
        in.readLine(); // "stop", or the parent went away
        running.set(false);
        driver.join(2000);
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        // The last heartbeats reach the feed (the service flushes them twice a second) and the client's
        // table before these sessions end: ended first, their last counts were never shown.
        Thread.sleep(2000);
        for (String token : tokens) { // leave the prepared data as it was
            Request logout = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/mobile/logout")
                    .header("Authorization", SessionDeskApi.bearer(token)).post(RequestBody.create(MediaType.get("application/json"), "")).build();
            try (Response ignored = http.newCall(logout).execute()) {
                // 204
            }
        }
        server.close();
        System.out.println("stopped");
        System.exit(0);
    }

    private static void heartbeat(OkHttpClient http, int port, String token, long count) {
        String body = Json.GSON.toJson(new HeartbeatRequest((int) count));
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/mobile/heartbeat")
                .header("Authorization", SessionDeskApi.bearer(token))
                .post(RequestBody.create(MediaType.get("application/json"), body)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 204) {
                System.out.println("change " + count + " " + System.currentTimeMillis());
            } else {
                System.out.println("failed " + count + " " + response.code());
            }
        } catch (Exception e) {
            System.out.println("failed " + count + " " + e);
        }
    }
}

package com.sessiondesk.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The live console's service-side figures, rerunnable:
 * <ul>
 * <li>at 100,000 active sessions with 1% of them changing every 10 s (unsynced counts and Last Seen
 *     through real heartbeats, plus a few forced log outs), the bytes of the {@code changes} answers
 *     per 10 s against one full {@code GET /api/v1/sessions}, polled every 2 s, and the server time of
 *     a {@code changes} call (an idle one, and one carrying 200 changes);</li>
 * <li>a bulk log out of 10,000 sessions in one {@code POST /api/v1/sessions/logout}.</li>
 * </ul>
 * Ten-second periods are compressed (the heartbeats of 2 s are sent, flushed, then polled). Run:
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.sessiondesk.bench.LiveFeedBench -Dexec.args="sqlite|postgresql [sessions] [bulk]"}
 * ({@code bulk}: only the bulk log out).
 */
public final class LiveFeedBench {

    private static final int PERIODS = 5;
    private static final int POLLS_PER_PERIOD = 5; // every 2 s
    private static final int BULK = 10_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String admin;

    private LiveFeedBench(String base, String admin) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.admin = admin;
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("sessiondesk-livefeed-bench");
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        String which = args.length > 0 ? args[0] : "sqlite";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        EmbeddedPostgres pg = which.equals("postgresql") ? EmbeddedPostgres.start() : null;
        String url = pg != null ? pg.getJdbcUrl("postgres", "postgres") : "jdbc:sqlite:" + home.resolve("bench.db");
        ServerConfig config = ServerConfig.defaults().withPort(0).withJdbcUrl(url).withInitialAdminPassword(BenchData.ADMIN_PASSWORD)
                .withHeartbeatFlushInterval(Duration.ofMillis(100));
        try (SessionServer server = SessionServer.start(config)) {
            long t0 = System.nanoTime();
            List<String> tokens = BulkLoad.createActiveSessions(server, sessions);
            System.out.printf("%s: %,d active sessions loaded in %d ms%n", which, sessions, millisSince(t0));
            LiveFeedBench bench = new LiveFeedBench(server.baseUrl(), server.issueAdminToken("admin"));
            if (args.length < 3 || !args[2].equals("bulk")) {
                bench.feed(which, tokens);
            }
            bench.bulkLogout(which);
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private void feed(String which, List<String> tokens) throws Exception {
        Reply list = get("/api/v1/sessions");
        get("/api/v1/sessions"); // warm
        long t0 = System.nanoTime();
        list = get("/api/v1/sessions");
        long listMillis = millisSince(t0);
        JsonObject body = JsonParser.parseString(list.body()).getAsJsonObject();
        JsonArray rows = body.getAsJsonArray("sessions");
        String cursor = body.get("cursor").getAsString();
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getAsJsonObject().get("id").getAsString()));
        System.out.printf("%s: full GET /api/v1/sessions: %,d bytes, %d ms (%,d sessions)%n", which, list.bytes(),
                listMillis, rows.size());

        Reply idle = null;
        List<Long> idleMicros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            t0 = System.nanoTime();
            idle = get("/api/v1/sessions/changes?since=" + cursor);
            idleMicros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(idleMicros);
        System.out.printf("%s: idle changes poll (nothing new): %d bytes, median %d us (of 50)%n", which, idle.bytes(),
                idleMicros.get(idleMicros.size() / 2));

        Random random = new Random(7);
        int perPoll = tokens.size() / 100 / POLLS_PER_PERIOD; // 1% per 10 s, in 2 s slices
        List<Long> periodBytes = new ArrayList<>();
        List<Long> pollMillis = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int period = 0; period < PERIODS; period++) {
                long bytes = 0;
                for (int poll = 0; poll < POLLS_PER_PERIOD; poll++) {
                    List<Future<Integer>> sent = new ArrayList<>();
                    for (int i = 0; i < perPoll; i++) {
                        String token = tokens.get(random.nextInt(tokens.size()));
                        int items = random.nextInt(50);
                        sent.add(pool.submit(() -> post("/api/v1/mobile/heartbeat", token,
                                "{\"pendingSyncItems\":" + items + "}").status()));
                    }
                    for (Future<Integer> f : sent) {
                        f.get();
                    }
                    if (poll == 0) { // and a forced log out now and then
                        post("/api/v1/sessions/" + ids.get(random.nextInt(ids.size())) + "/logout", admin, "{}");
                    }
                    Thread.sleep(300); // the flush (every 100 ms here) writes them and their feed rows
                    t0 = System.nanoTime();
                    Reply changes = get("/api/v1/sessions/changes?since=" + cursor);
                    pollMillis.add(millisSince(t0));
                    JsonObject answer = JsonParser.parseString(changes.body()).getAsJsonObject();
                    cursor = answer.get("cursor").getAsString();
                    bytes += changes.bytes();
                }
                periodBytes.add(bytes);
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(periodBytes);
        long median = periodBytes.get(periodBytes.size() / 2);
        Collections.sort(pollMillis);
        System.out.printf("%s: 1%% changing per 10 s (%,d heartbeats), polled every 2 s: %,d bytes per 10 s "
                + "(median of %d), %.2f%% of a full reload; a poll with ~%d changes: median %d ms, max %d ms%n",
                which, perPoll * POLLS_PER_PERIOD, median, PERIODS, 100.0 * median / list.bytes(), perPoll,
                pollMillis.get(pollMillis.size() / 2), pollMillis.get(pollMillis.size() - 1));
    }

    private void bulkLogout(String which) {
        JsonArray rows = JsonParser.parseString(get("/api/v1/sessions").body()).getAsJsonObject()
                .getAsJsonArray("sessions");
        StringBuilder request = new StringBuilder("{\"reason\":\"bench\",\"sessionIds\":[");
        for (int i = 0; i < BULK && i < rows.size(); i++) {
            request.append(i == 0 ? "\"" : ",\"").append(rows.get(i).getAsJsonObject().get("id").getAsString())
                    .append('"');
        }
        request.append("]}");
        long t0 = System.nanoTime();
        Reply reply = post("/api/v1/sessions/logout", admin, request.toString());
        long millis = millisSince(t0);
        int ended = JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonArray("endedSessionIds").size();
        System.out.printf("%s: bulk log out of %,d sessions (request %,d bytes): %d ms, status %d%n", which, ended,
                request.length(), millis, reply.status());
    }

    private record Reply(int status, String body, long bytes) {
    }

    private Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Bearer " + admin));
    }

    private Reply post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Reply(response.statusCode(), new String(body, StandardCharsets.UTF_8), body.length);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

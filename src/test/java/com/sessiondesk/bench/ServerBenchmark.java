package com.sessiondesk.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The session service's speed (docs/benchmarks.md): for SQLite and PostgreSQL, heartbeats per second
 * and their latency at 10,000 active sessions, driven by {@link HeartbeatLoad} in a separate JVM,
 * then the time of {@code GET /api/v1/sessions} (full body read) at 10,000 and 100,000 sessions.
 * Prints one table. Run (see docs/benchmarks.md):
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.sessiondesk.bench.ServerBenchmark</pre>
 *
 * Options via {@code -Dexec.args="..."}: {@code --db=sqlite,postgresql --connections=48 --warmup=5
 * --seconds=15 --max-requests=2000000 --list-runs=5}.
 */
public final class ServerBenchmark {

    private static final int SESSIONS = 10_000;
    private static final int LARGE_SESSIONS = 100_000;

    record Options(List<String> databases, int connections, int warmupSeconds, int measureSeconds, long maxRequests,
            int listRuns) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                values.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            return new Options(
                    List.of(values.getOrDefault("db", "sqlite,postgresql").split(",")),
                    Integer.parseInt(values.getOrDefault("connections", "48")),
                    Integer.parseInt(values.getOrDefault("warmup", "5")),
                    Integer.parseInt(values.getOrDefault("seconds", "15")),
                    Long.parseLong(values.getOrDefault("max-requests", "2000000")),
                    Integer.parseInt(values.getOrDefault("list-runs", "5")));
        }
    }

    /** Heartbeat figures of the measured window, with the CPU time that the server and the load generator used. */
    record Heartbeats(long requests, double seconds, long p50Micros, long p99Micros, long maxMicros, long errors,
            double serverCpuMillis, double generatorCpuMillis, double databaseCpuMillis) {

        double perSecond() {
            return requests / seconds;
        }

        double serverCpuMicrosEach() {
            return serverCpuMillis * 1000 / requests;
        }

        /** The PostgreSQL server processes' share (0 for SQLite, which runs inside the server JVM). */
        double databaseCpuMicrosEach() {
            return databaseCpuMillis * 1000 / requests;
        }

        double generatorCpuMicrosEach() {
            return generatorCpuMillis * 1000 / requests;
        }

        /** What 2 otherwise idle cores would sustain if CPU is the limit: server and generator share them. */
        double cpuBoundEstimateOn2Cores() {
            return 2_000_000 / (serverCpuMicrosEach() + databaseCpuMicrosEach() + generatorCpuMicrosEach());
        }
    }

    /** Wall time of a full read, and CPU time spent for it (server JVM, which also runs the client, plus PostgreSQL). */
    record ListTiming(double medianMillis, double minMillis, double medianCpuMillis, double megabytes, int sessions) {
    }

    record Result(String database, double bulkLoadSeconds, Heartbeats heartbeats, ListTiming list10k,
            ListTiming list100k) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("sessiondesk-bench");
        System.setProperty(AppDirs.HOME_PROPERTY, work.toString());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Result> results = new ArrayList<>();
        for (String database : options.databases()) {
            System.out.println("== " + database + " ...");
            results.add(run(database.trim(), options, work));
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        print(results, options, loadBefore, loadAfter);
    }

    private static Result run(String database, Options options, Path work) throws Exception {
        EmbeddedPostgres postgres = null;
        String jdbcUrl;
        switch (database) {
            case "sqlite" -> jdbcUrl = "jdbc:sqlite:" + work.resolve("bench-" + UUID.randomUUID() + ".db");
            case "postgresql", "postgres" -> {
                postgres = EmbeddedPostgres.start();
                jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            }
            default -> throw new IllegalArgumentException("unknown database " + database + " (sqlite, postgresql)");
        }
        ServerConfig config = ServerConfig.defaults().withPort(0).withJdbcUrl(jdbcUrl)
                .withInitialAdminPassword(UUID.randomUUID().toString());
        try (SessionServer server = SessionServer.start(config)) {
            long started = System.nanoTime();
            List<String> tokens = BulkLoad.createActiveSessions(server, SESSIONS);
            double bulkSeconds = (System.nanoTime() - started) / 1e9;
            Path tokenFile = work.resolve("tokens-" + database + ".txt");
            Files.write(tokenFile, tokens);

            System.out.println("   heartbeats: " + options.connections() + " connections, " + options.warmupSeconds()
                    + " s warm-up + " + options.measureSeconds() + " s ...");
            int postgresPort = postgres == null ? -1 : postgres.getPort();
            Heartbeats heartbeats = drive(server.port(), tokenFile, options, () -> postgresCpuNanos(postgresPort));

            String adminToken = server.issueAdminToken("admin");
            System.out.println("   GET /api/v1/sessions at " + SESSIONS + " ...");
            LongSupplier cpu = () -> HeartbeatLoad.processCpuNanos() + postgresCpuNanos(postgresPort);
            ListTiming list10k = timeList(server, adminToken, options.listRuns(), cpu);
            BulkLoad.createActiveSessions(server, LARGE_SESSIONS - SESSIONS);
            System.out.println("   GET /api/v1/sessions at " + LARGE_SESSIONS + " ...");
            ListTiming list100k = timeList(server, adminToken, options.listRuns(), cpu);
            return new Result(database, bulkSeconds, heartbeats, list10k, list100k);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Runs the load generator in its own JVM, so that its work is not counted as the server's. */
    private static Heartbeats drive(int port, Path tokenFile, Options options, LongSupplier databaseCpu)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path classes = Path.of(HeartbeatLoad.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> command = List.of(java, "-Xmx512m", "-cp", classes.toString(), HeartbeatLoad.class.getName(),
                "127.0.0.1", Integer.toString(port), tokenFile.toString(), Integer.toString(options.connections()),
                Integer.toString(options.warmupSeconds()), Integer.toString(options.measureSeconds()),
                Long.toString(options.maxRequests()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String resultLine = null;
        long cpuStart = 0;
        long cpuEnd = 0;
        long dbCpuStart = 0;
        long dbCpuEnd = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    resultLine = line;
                } else if (line.equals("MARK start")) {
                    cpuStart = HeartbeatLoad.processCpuNanos();
                    dbCpuStart = databaseCpu.getAsLong();
                } else if (line.equals("MARK end")) {
                    cpuEnd = HeartbeatLoad.processCpuNanos();
                    dbCpuEnd = databaseCpu.getAsLong();
                } else {
                    System.out.println("   load: " + line);
                }
            }
        }
        long limit = options.warmupSeconds() + options.measureSeconds() + 60L;
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the load generator did not finish in " + limit + " s");
        }
        if (resultLine == null) {
            throw new IllegalStateException("the load generator printed no result (exit " + process.exitValue() + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : resultLine.substring(7).split(" ")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return new Heartbeats(Long.parseLong(fields.get("requests")), Double.parseDouble(fields.get("seconds")),
                Long.parseLong(fields.get("p50us")), Long.parseLong(fields.get("p99us")),
                Long.parseLong(fields.get("maxus")), Long.parseLong(fields.get("errors")), (cpuEnd - cpuStart) / 1e6,
                Double.parseDouble(fields.get("cpums")), (dbCpuEnd - dbCpuStart) / 1e6);
    }

    /**
     * CPU time so far of the embedded PostgreSQL listening on {@code port}: its postmaster and every
     * backend under it (read from /proc through ProcessHandle). 0 when there is none.
     */
    private static long postgresCpuNanos(int port) {
        if (port < 0) {
            return 0;
        }
        String portText = Integer.toString(port);
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(portText)).orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Median of {@code runs} full reads of the session list, after two warm-up reads. */
    private static ListTiming timeList(SessionServer server, String adminToken, int runs, LongSupplier cpu)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/v1/sessions"))
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(120))
                .build();
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        int bytes = 0;
        for (int i = -2; i < runs; i++) {
            long cpuBefore = cpu.getAsLong();
            long started = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double took = (System.nanoTime() - started) / 1e6;
            double cpuTook = (cpu.getAsLong() - cpuBefore) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/sessions answered " + response.statusCode());
            }
            bytes = response.body().length;
            if (i >= 0) {
                millis[i] = took;
                cpuMillis[i] = cpuTook;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        int sessions = countSessions(client, request);
        return new ListTiming(millis[runs / 2], millis[0], cpuMillis[runs / 2], bytes / 1e6, sessions);
    }

    /** The number of sessions in the list, to show what was timed (one extra read, not timed). */
    private static int countSessions(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        int count = 0;
        for (int at = body.indexOf("\"id\":"); at >= 0; at = body.indexOf("\"id\":", at + 5)) {
            count++;
        }
        return count;
    }

    private static void print(List<Result> results, Options options, double loadBefore, double loadAfter) {
        System.out.println();
        System.out.printf(Locale.ROOT, "SessionDesk server benchmark: %d cores, Java %s; system load average %.1f before,"
                        + " %.1f after%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "heartbeats: %d active sessions, load generator in a separate JVM, %d keep-alive"
                        + " connections, %d s warm-up + %d s measured, each request another session's token%n",
                SESSIONS, options.connections(), options.warmupSeconds(), options.measureSeconds());
        System.out.printf(Locale.ROOT, "GET /api/v1/sessions: median of %d full reads after 2 warm-up reads%n%n",
                options.listRuns());
        System.out.println("| database   | heartbeats/s | p50 ms | p99 ms | max ms | errors | GET /sessions 10k   | "
                + "GET /sessions 100k   |");
        System.out.println("|------------|-------------:|-------:|-------:|-------:|-------:|--------------------:|"
                + "--------------------:|");
        for (Result r : results) {
            Heartbeats h = r.heartbeats();
            System.out.printf(Locale.ROOT, "| %-10s | %12.0f | %6.2f | %6.2f | %6.1f | %6d | %6.0f ms (%4.1f MB) | %6.0f ms (%4.1f MB) |%n",
                    r.database(), h.perSecond(), h.p50Micros() / 1000.0, h.p99Micros() / 1000.0,
                    h.maxMicros() / 1000.0, h.errors(), r.list10k().medianMillis(), r.list10k().megabytes(),
                    r.list100k().medianMillis(), r.list100k().megabytes());
        }
        System.out.println();
        System.out.println("CPU per heartbeat in the measured window (server JVM, PostgreSQL processes, load generator"
                + " JVM), and what 2 otherwise idle cores would sustain if CPU is the limit:");
        for (Result r : results) {
            Heartbeats h = r.heartbeats();
            System.out.printf(Locale.ROOT, "  %-10s server %.0f us, database %.0f us, generator %.0f us -> about %.0f"
                            + " heartbeats/s%n", r.database(), h.serverCpuMicrosEach(), h.databaseCpuMicrosEach(),
                    h.generatorCpuMicrosEach(), h.cpuBoundEstimateOn2Cores());
        }
        System.out.println("CPU per GET /api/v1/sessions (median; server JVM including its HTTP client, plus PostgreSQL):");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  %-10s 10k: %.0f ms, 100k: %.0f ms (fastest 100k read: %.0f ms)%n",
                    r.database(), r.list10k().medianCpuMillis(), r.list100k().medianCpuMillis(),
                    r.list100k().minMillis());
        }
        System.out.println();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%s: %d heartbeats in %.1f s; lists held %d and %d sessions; bulk load of %d"
                            + " sessions took %.1f s%n", r.database(), r.heartbeats().requests(),
                    r.heartbeats().seconds(), r.list10k().sessions(), r.list100k().sessions(), SESSIONS,
                    r.bulkLoadSeconds());
        }
    }

    private ServerBenchmark() {
    }
}

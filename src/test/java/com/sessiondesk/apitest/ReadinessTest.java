package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.SessionServer;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Ready means ready: a client that waits for the first 200 of {@code GET /api/v1/health} can sign
 * the first super user in at once. Until then the port is closed or every request answers 503
 * {@code service_busy} with Retry-After. Twenty starts on fresh databases, every fourth with the
 * demo seeded, each watched from outside while it starts.
 */
class ReadinessTest {

    private static final int STARTS = 20;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "readiness-test-start");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int busyAnswers;

    @AfterAll
    static void stopStarter() {
        STARTER.shutdownNow();
    }

    @Test
    void theAdminSignsInRightAfterTheFirstHealthOk() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int start = 1; start <= STARTS; start++) {
            boolean demo = start % 4 == 0;
            String failure = startAndSignIn(demo);
            if (failure != null) {
                failures.add("start " + start + (demo ? " (demo)" : "") + ": " + failure);
            }
        }
        assertThat(failures).as("starts where the admin could not sign in right after the first 200").isEmpty();
        // seeding the demo takes seconds: the open port said 503 service_busy meanwhile
        assertThat(busyAnswers).as("503 answers of /api/v1/health while starting").isPositive();
    }

    /** One fresh start: null when the admin signed in right after the first 200, else what went wrong. */
    private String startAndSignIn(boolean demo) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnceAndSignIn(demo, freePort());
            } catch (ExecutionException e) {
                if (attempt == 3 || !portTaken(e)) {
                    throw e;
                }
                // another process took the free port between its look-up and the start: another one
            }
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || cause.getClass().getSimpleName().contains("BindException")) {
                return true;
            }
        }
        return false;
    }

    private String startOnceAndSignIn(boolean demo, int port) throws Exception {
        Future<SessionServer> starting = STARTER.submit(() -> SessionServer.start(
                TestServers.config(TestServers.newSqliteUrl(), demo).withPort(port)));
        try {
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (true) {
                if (System.nanoTime() > deadline) {
                    return "no 200 from /api/v1/health within " + START_LIMIT.toSeconds() + " s";
                }
                if (starting.isDone()) {
                    starting.get(); // a start that failed fails the test with its own exception
                }
                HttpResponse<String> health;
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException closed) {
                    Thread.sleep(2);
                    continue; // the port is not open yet
                }
                if (health.statusCode() == 200) {
                    break;
                }
                assertThat(health.statusCode()).as("health before ready: %s", health.body()).isEqualTo(503);
                assertThat(health.body()).contains("\"error\":\"service_busy\"");
                assertThat(health.headers().firstValue("Retry-After")).isPresent();
                busyAnswers++;
                Thread.sleep(2);
            }
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + TestServers.ADMIN
                            + "\",\"password\":\"" + TestServers.ADMIN_PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return login.statusCode() == 200 ? null : "admin login answered " + login.statusCode() + " " + login.body();
        } finally {
            starting.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS).close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

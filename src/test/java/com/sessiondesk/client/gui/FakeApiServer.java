package com.sessiondesk.client.gui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake API server for the faults the real one never produces: it answers sign-in like the
 * real one, and whatever a test sets for a path (a malformed body, or no answer at all).
 */
final class FakeApiServer implements AutoCloseable {

    /** What one path answers. */
    interface Answer {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Released on close, so that hung requests end with the test. */
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeApiServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/", this::dispatch);
        answer("/api/v1/health", json(200, "{\"status\":\"ok\"}"));
        answer("/api/v1/admin/login", json(200, "{\"token\":\"fake-admin-token\",\"expiresAt\":\"2099-01-01T00:00:00Z\","
                + "\"user\":{\"username\":\"admin\",\"name\":\"Fake Admin\"}}"));
        answer("/api/v1/admin/logout", json(204, null));
        answer("/api/v1/sessions", json(200, "{\"sessions\":[]}"));
        answer("/api/v1/users", json(200, "{\"users\":[]}"));
        answer("/api/v1/audit", json(200, "{\"events\":[]}"));
        http.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    static Answer json(int status, String body) {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /** Reads the request and never answers (until the fake server closes). */
    Answer hang() {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                closing.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    /** How many requests for a path arrived so far. */
    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.get(exchange.getRequestURI().getPath());
        if (answer == null) {
            json(404, "{\"error\":\"not_found\",\"message\":\"no such route\"}").respond(exchange);
        } else {
            answer.respond(exchange);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        http.stop(0);
        threads.shutdownNow();
    }
}

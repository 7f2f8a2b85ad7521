package com.sessiondesk.client.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's side of the change feed's event stream, against a loopback server writing the events by hand. */
class ChangeStreamTest {

    HttpServer fake;
    AdminService service;
    volatile String events = "";
    volatile int status = 200;
    final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/api/v1/admin/login", exchange -> reply(exchange, 200, "application/json",
                "{\"token\":\"tok-1\",\"expiresAt\":\"2026-11-27T23:00:00Z\",\"user\":{\"username\":\"carla\",\"name\":\"Carla\"}}"));
        fake.createContext("/api/v1/sessions/stream", exchange -> {
            asked.add(exchange.getRequestURI().getQuery() + " " + exchange.getRequestHeaders().getFirst("Accept"));
            if (status != 200) {
                reply(exchange, status, "application/json", "{\"error\":\"not_found\",\"message\":\"No such route\"}");
            } else {
                reply(exchange, 200, "text/event-stream", events);
            }
        });
        fake.start();
        service = new Connector().signIn("http://127.0.0.1:" + fake.getAddress().getPort(), "carla", "right");
    }

    @AfterEach
    void stop() {
        fake.stop(0);
    }

    static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String changes(String cursor) {
        return "{\"upserted\":[],\"ended\":[],\"blockChanges\":[],\"cursor\":\"" + cursor + "\"}";
    }

    @Test
    void eachChangesEventIsAppliedInOrderAndKeepAlivesAndOtherEventsAreSkipped() throws Exception {
        events = ": keep-alive\n\n"
                + "event: changes\nid: c1\ndata: " + changes("c1") + "\n\n"
                + "event: hello\ndata: {}\n\n"
                + ": keep-alive\n\n"
                + "event: changes\nid: c2\ndata:" + changes("c2") + "\n\n";
        List<String> cursors = new ArrayList<>();
        service.followChanges("c0", changes -> cursors.add(changes.cursor()));
        assertThat(cursors).containsExactly("c1", "c2");
        assertThat(asked).containsExactly("since=c0 text/event-stream");
    }

    @Test
    void anExpiredCursorEndsTheStreamWithItsOwnError() {
        events = "event: changes\ndata: " + changes("c1") + "\n\nevent: cursor_expired\ndata: {}\n\n"
                + "event: changes\ndata: " + changes("c9") + "\n\n";
        List<SessionChanges> seen = new ArrayList<>();
        assertThatThrownBy(() -> service.followChanges("c0", seen::add))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.error()).isInstanceOf(ClientError.CursorExpired.class));
        assertThat(seen).as("nothing after the expiry is applied").extracting(SessionChanges::cursor).containsExactly("c1");
    }

    @Test
    void anAnswerWithoutACursorIsMalformed() {
        events = "event: changes\ndata: {\"upserted\":[]}\n\n";
        assertThatThrownBy(() -> service.followChanges("c0", changes -> { }))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.error()).isInstanceOf(ClientError.MalformedAnswer.class));
    }

    @Test
    void aServerWithoutTheStreamAnswers404() {
        status = 404;
        assertThatThrownBy(() -> service.followChanges("c0", changes -> { })).isInstanceOf(retrofit2.HttpException.class);
    }
}

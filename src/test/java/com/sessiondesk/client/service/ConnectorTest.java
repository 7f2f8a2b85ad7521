package com.sessiondesk.client.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.FailureTranslator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a tiny loopback HTTP server: what goes over the wire. */
class ConnectorTest {

    HttpServer fake;
    String baseUrl;
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/api/v1/admin/login", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            record(exchange);
            if (body.contains("\"password\":\"right\"")) {
                reply(exchange, 200, "{\"token\":\"tok-123\",\"expiresAt\":\"2026-11-27T23:00:00Z\","
                        + "\"user\":{\"username\":\"carla\",\"name\":\"Carla Admin\"}}");
            } else {
                reply(exchange, 401, "{\"error\":\"invalid_credentials\",\"message\":\"no\"}");
            }
        });
        fake.createContext("/api/v1/sessions", exchange -> {
            record(exchange);
            reply(exchange, 200, "{\"sessions\":[]}");
        });
        fake.start();
        baseUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        fake.stop(0);
    }

    void record(HttpExchange exchange) {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization"));
    }

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void signsInWithThePasswordThenSendsTheTokenAsBearer() throws Exception {
        AdminService service = new Connector().signIn(baseUrl, "carla", "right");
        assertThat(service.admin().name()).isEqualTo("Carla Admin");
        assertThat(service.sessions().sessions()).isEmpty();
        assertThat(seen).containsExactly("POST /api/v1/admin/login auth=null", "GET /api/v1/sessions auth=Bearer tok-123");
    }

    @Test
    void aWrongPasswordIsTranslatedForTheConnectScreen() {
        Throwable failure = null;
        try {
            new Connector().signIn(baseUrl, "carla", "wrong");
        } catch (Exception e) {
            failure = e;
        }
        assertThat(FailureTranslator.translate(failure))
                .isEqualTo(new ClientError.NotSignedIn("Wrong username or password.", false));
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> new Connector().signIn("http://sessions.example.org", "carla", "right"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(seen).isEmpty();
    }
}

package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import com.sessiondesk.server.observability.Metrics;
import com.sessiondesk.server.observability.MetricsEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} after real traffic: logins that succeed, fail and are throttled, heartbeats and
 * the three kinds of log out, each counted once under its exact Prometheus name; the JVM's and Jetty's
 * metrics beside them; no label holding a username, address, session or device; the metrics port apart
 * from the API's.
 */
class MetricsTest {

    /** A service with metrics, and their endpoint on a free port of 127.0.0.1. */
    record Observed(SessionServer server, MetricsEndpoint endpoint) implements AutoCloseable {

        static Observed start(ServerConfig config) {
            Metrics metrics = new Metrics();
            MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics);
            return new Observed(SessionServer.start(config, metrics), endpoint);
        }

        String metricsUrl() {
            return "http://127.0.0.1:" + endpoint.port() + MetricsEndpoint.PATH;
        }

        @Override
        public void close() {
            endpoint.close();
            server.close();
        }
    }

    @RegisterExtension
    static final TestServers.Running<Observed> SERVICE = TestServers.sqlite().as(Observed::start);

    private static final List<String> STAFF = List.of("mia.metrics", "noa.metrics", "ola.metrics", "pia.locked");
    private static final int THROTTLE_LIMIT = 10;
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_:][a-z0-9_:]*)(\\{(.*)})? (\\S+)$");

    private static RawHttp raw;
    private static final List<String> identifiers = new ArrayList<>(List.of("127.0.0.1"));

    @BeforeAll
    static void traffic() {
        raw = new RawHttp(SERVICE.get().server().baseUrl());
        for (String user : STAFF) {
            TestUsers.add(SERVICE.jdbcUrl(), user, "Metrics " + user, false);
            identifiers.add(user);
        }
        String admin = raw.post("/api/v1/admin/login", null,
                Json.GSON.toJson(new AdminLoginRequest(TestServers.ADMIN, TestServers.ADMIN_PASSWORD)))
                .object().get("token").getAsString();
        String one = login("mia.metrics", "mia-phone-1");
        String kept = login("mia.metrics", "mia-phone-2");
        login("noa.metrics", "noa-phone");
        String bulk = login("ola.metrics", "ola-phone");
        for (int i = 0; i < 3; i++) {
            assertThat(raw.post("/api/v1/mobile/heartbeat", token(kept), "{\"pendingSyncItems\":1}").status())
                    .isEqualTo(204);
        }
        for (int i = 0; i < THROTTLE_LIMIT; i++) {
            assertThat(mobileLogin("pia.locked", "pia-phone", "Wrong-Password-" + i).status()).isEqualTo(401);
        }
        assertThat(mobileLogin("pia.locked", "pia-phone", TestUsers.PASSWORD).status()).isEqualTo(429);
        assertThat(raw.post("/api/v1/sessions/" + id(one) + "/logout", admin,
                Json.GSON.toJson(LogoutRequest.of(false, false, "one device"))).status()).isEqualTo(200);
        assertThat(raw.post("/api/v1/users/noa.metrics/logout", admin, "{\"reason\":\"all of them\"}").status())
                .isEqualTo(200);
        assertThat(raw.post("/api/v1/sessions/logout", admin, Json.GSON.toJson(
                new BulkLogoutRequest(List.of(id(bulk)), false, "bulk", null))).status()).isEqualTo(200);
        // refused ones count as none
        assertThat(raw.post("/api/v1/users/nobody.here/logout", admin, null).status()).isEqualTo(404);
        assertThat(raw.post("/api/v1/mobile/heartbeat", "not-a-token", null).status()).isEqualTo(401);
    }

    /** "sessionId token" of a new session. */
    private static String login(String username, String deviceId) {
        RawHttp.Reply reply = mobileLogin(username, deviceId, TestUsers.PASSWORD);
        assertThat(reply.status()).isEqualTo(201);
        String sessionId = reply.object().get("sessionId").getAsString();
        identifiers.add(sessionId);
        return sessionId + " " + reply.object().get("token").getAsString();
    }

    private static RawHttp.Reply mobileLogin(String username, String deviceId, String password) {
        identifiers.add(deviceId);
        return raw.post("/api/v1/mobile/login", null, Json.GSON.toJson(Api.device(username, password, "Caregiver",
                "4.2.0", deviceId, "Pixel 6", "Android 13", "English")));
    }

    private static String id(String session) {
        return session.substring(0, session.indexOf(' '));
    }

    private static String token(String session) {
        return session.substring(session.indexOf(' ') + 1);
    }

    @Test
    void theServiceCountsWhatHappenedUnderItsExactNames() throws Exception {
        HttpResponse<String> scrape = get(SERVICE.get().metricsUrl());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        Map<String, Double> samples = samples(scrape.body());

        // the admin's sign-in and four devices'
        assertThat(samples).containsEntry("sessiondesk_logins_total{result=\"ok\"}", 5.0)
                .containsEntry("sessiondesk_logins_total{result=\"failed\"}", (double) THROTTLE_LIMIT)
                .containsEntry("sessiondesk_logins_total{result=\"throttled\"}", 1.0)
                .containsEntry("sessiondesk_logins_total{result=\"busy\"}", 0.0)
                .containsEntry("sessiondesk_heartbeats_total", 3.0)
                .containsEntry("sessiondesk_logouts_total{kind=\"session\"}", 1.0)
                .containsEntry("sessiondesk_logouts_total{kind=\"user\"}", 1.0)
                .containsEntry("sessiondesk_logouts_total{kind=\"bulk\"}", 1.0)
                .containsEntry("sessiondesk_logouts_total{kind=\"device\"}", 0.0)
                // mia's second phone is the one session left
                .containsEntry("sessiondesk_active_sessions", 1.0)
                .containsEntry("sessiondesk_hashing_queue_depth", 0.0)
                .containsEntry("sessiondesk_push_streams", 0.0)
                .containsKey("sessiondesk_feed_lag_seconds")
                .containsEntry("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/users/{username}/logout\","
                        + "status=\"200\"}", 1.0)
                .containsEntry("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/mobile/heartbeat\","
                        + "status=\"401\"}", 1.0);
        assertThat(samples.get("sessiondesk_feed_lag_seconds")).isBetween(0.0, 5.0);
        assertThat(samples.keySet()).as("the JVM's and Jetty's metrics").anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"))
                .anyMatch(k -> k.startsWith("jvm_gc_"))
                .anyMatch(k -> k.startsWith("jvm_threads_live_threads"))
                .anyMatch(k -> k.startsWith("jvm_classes_loaded_classes"))
                .anyMatch(k -> k.startsWith("process_cpu_usage"))
                .anyMatch(k -> k.startsWith("jetty_threads_busy"))
                .anyMatch(k -> k.startsWith("jetty_connections_current_connections"));
        assertThat(scrape.body()).contains("# TYPE sessiondesk_active_sessions gauge",
                "# TYPE sessiondesk_push_streams gauge", "# TYPE sessiondesk_logins_total counter");
    }

    @Test
    void noLabelHoldsAUsernameAnAddressASessionOrADevice() throws Exception {
        String body = get(SERVICE.get().metricsUrl()).body();
        List<String> labels = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches() && sample.group(3) != null) {
                labels.add(sample.group(3));
            }
        }
        assertThat(labels).isNotEmpty();
        for (String identifier : identifiers) {
            assertThat(labels).as("labels").noneMatch(label -> label.contains(identifier));
        }
        assertThat(labels).as("a route is a template, never a real path").noneMatch(label -> label.contains("nobody.here"));
    }

    @Test
    void theMetricsAreNotOnTheApiPortNorTheApiOnTheMetricsPort() throws Exception {
        Observed observed = SERVICE.get();
        HttpResponse<String> onApi = get(observed.server().baseUrl() + "metrics");
        assertThat(onApi.statusCode()).as("no such route of the API").isEqualTo(404);
        assertThat(onApi.body()).doesNotContain("sessiondesk_");
        String metricsRoot = "http://127.0.0.1:" + observed.endpoint().port();
        assertThat(get(metricsRoot + "/api/v1/health").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metricsRoot
                + "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void theMetricsPortListensOnLoopbackOnly() throws IOException {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, new Metrics())) {
            assertThat(endpoint.address().getAddress().isLoopbackAddress()).isTrue();
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLoopbackAddress()) {
                        assertThatThrownBy(() -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(address, endpoint.port()), 2000);
                            }
                        }).as("connecting through %s", address).isInstanceOf(IOException.class);
                    }
                }
            }
        }
    }

    @Test
    void aMetricsPortInUseIsAClearError() throws IOException {
        try (MetricsEndpoint first = MetricsEndpoint.start("127.0.0.1", 0, new Metrics())) {
            assertThatThrownBy(() -> MetricsEndpoint.start("127.0.0.1", first.port(), new Metrics()))
                    .hasMessageStartingWith("cannot listen for metrics on 127.0.0.1:" + first.port());
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each sample line as "name{labels}" -> value. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new java.util.LinkedHashMap<>();
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                String labels = sample.group(2) == null ? "" : sample.group(2);
                samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(4)));
            }
        }
        return samples;
    }
}

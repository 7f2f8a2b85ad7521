package com.sessiondesk.server.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.server.Server;

/**
 * The service's metrics in one Micrometer registry, scraped in Prometheus' text format: the JVM's
 * (memory, GC, threads, class loading, CPU, uptime), Jetty's (thread pool, connections), every
 * request's duration by route template ({@code http_server_requests_seconds}), and the service's
 * own {@code sessiondesk_*}. A Micrometer counter {@code sessiondesk.logins} is written
 * {@code sessiondesk_logins_total}; a gauge keeps its name. No label ever holds a username, an
 * address or a path: only the fixed values below, a method, a route template and a status.
 */
public final class Metrics implements AutoCloseable {

    /** The {@code result} values of {@code sessiondesk_logins_total}. */
    public enum Login { OK, FAILED, THROTTLED, BUSY }

    /** The {@code kind} values of {@code sessiondesk_logouts_total} ("device": a device block, none yet). */
    public enum Logout { SESSION, USER, BULK, DEVICE }

    /** What the gauges read; each is called on a scrape, so each must be cheap. */
    public interface Sources {
        /** Active sessions in the database (every instance's); may be cached by the caller. */
        long activeSessions();

        /** Password hashes waiting for a hashing thread. */
        int hashingQueueDepth();

        /** Device event streams ({@code GET /api/v1/mobile/events}) this instance holds open. */
        int pushStreams();

        /** See {@code docs/metrics-and-logs.md}: how long the oldest change received here has waited for the feed. */
        double feedLagSeconds();
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Login, Counter> logins = new EnumMap<>(Login.class);
    private final Map<Logout, Counter> logouts = new EnumMap<>(Logout.class);
    private final Counter heartbeats;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Login result : Login.values()) {
            logins.put(result, Counter.builder("sessiondesk.logins").tag("result", lower(result))
                    .description("Sign-ins of devices and admins by result").register(registry));
        }
        for (Logout kind : Logout.values()) {
            logouts.put(kind, Counter.builder("sessiondesk.logouts").tag("kind", lower(kind))
                    .description("Log outs made by admins, by kind").register(registry));
        }
        heartbeats = Counter.builder("sessiondesk.heartbeats").description("Heartbeats accepted from devices")
                .register(registry);
    }

    /** Registers the gauges of the service's state. */
    public void watch(Sources sources) {
        gauge("sessiondesk_active_sessions", "Active mobile sessions (all instances)", sources,
                Sources::activeSessions);
        gauge("sessiondesk_hashing_queue_depth", "Sign-ins waiting for a password hashing thread", sources,
                Sources::hashingQueueDepth);
        gauge("sessiondesk_push_streams", "Device event streams held open by this instance", sources,
                Sources::pushStreams);
        gauge("sessiondesk_feed_lag_seconds", "Age of the oldest change received here and not yet in the feed",
                sources, Sources::feedLagSeconds);
    }

    private void gauge(String name, String description, Sources sources, ToDoubleFunction<Sources> value) {
        Gauge.builder(name, sources, value).description(description).strongReference(true).register(registry);
    }

    /** Jetty's thread pool and connections; call once the server has started. */
    public void watchJetty(Server server) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    public void login(Login result) {
        logins.get(result).increment();
    }

    public void logout(Logout kind) {
        logouts.get(kind).increment();
    }

    public void heartbeat() {
        heartbeats.increment();
    }

    /** One answered request: its method, route template (or "unmatched") and status. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests").description("Requests answered by the HTTP API")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything, in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

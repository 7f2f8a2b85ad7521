package com.sessiondesk.server.observability;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per request, on the logger {@value #LOGGER}: method, route template (never the real
 * path, nor its query string), status, duration and a request id, which is also sent back as
 * {@value #HEADER}. Nothing of the request's headers or body is read, so no token, password or reason
 * can reach the line. An incoming {@value #HEADER} is kept when it matches {@link #INCOMING_ID}
 * (a proxy's or a client's id ties their lines to ours); otherwise one is made. With {@link Metrics},
 * each request is also timed by route and counted for the {@code sessiondesk_*} counters ({@link ApiOutcomes}).
 */
public final class RequestLog {

    public static final String LOGGER = "sessiondesk.requests";
    public static final String HEADER = "X-Request-Id";
    /** The key of the request id in the logging context (every line logged while the request runs). */
    public static final String MDC_KEY = "requestId";
    /** 1 to 64 letters, digits, dots, underscores and hyphens, starting with a letter or digit. */
    public static final Pattern INCOMING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A route template for a request that matched none (its real path is not logged). */
    static final String UNMATCHED = "unmatched";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String STARTED = RequestLog.class.getName() + ".started";

    /** The route template of a request's method and path, or null when no route takes it. */
    @FunctionalInterface
    public interface RouteTemplates {
        String of(String method, String path);
    }

    private final Metrics metrics;
    private RouteTemplates templates = (method, path) -> null;

    /** @param metrics where requests are counted too, or null */
    public RequestLog(Metrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Adds the handlers; call before any other before-handler, so that even a refused request has its
     * id. {@code templates} names the route of a request refused before it reached its handler.
     */
    public void install(Javalin app, RouteTemplates templates) {
        this.templates = templates;
        app.before(this::begin);
        app.after(this::end);
    }

    private void begin(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String id = requestId(ctx.header(HEADER));
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    private void end(Context ctx) {
        Long started = ctx.attribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        String id = ctx.res().getHeader(HEADER);
        String method = ctx.method().name();
        String route = route(ctx, templates);
        int status = ctx.status().getCode();
        long millis = nanos / 1_000_000;
        LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", millis)
                .addKeyValue(MDC_KEY, id)
                .log("{} {} {} {} ms id={}", method, route, status, millis, id);
        MDC.remove(MDC_KEY);
        if (metrics != null) {
            metrics.request(method, route, status, nanos);
            ApiOutcomes.count(metrics, method, route, status);
        }
    }

    /** The incoming id when it is sane, else a new one (16 hexadecimal digits). */
    static String requestId(String incoming) {
        if (incoming != null && INCOMING_ID.matcher(incoming).matches()) {
            return incoming;
        }
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    private static String route(Context ctx, RouteTemplates templates) {
        String route = templates.of(ctx.method().name(), ctx.path());
        return route == null ? UNMATCHED : route;
    }
}

package com.sessiondesk.server.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.Health;
import com.sessiondesk.api.Json;
import com.sessiondesk.server.observability.RequestLog;
import com.sessiondesk.server.push.DeviceStreams;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinGson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: Javalin with the shared Gson, the access filter, the routes, and one error mapping
 * so that every failure (ours or Javalin's) answers {@code {"error", "message"}}.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Only for {@code session_ended}, whose {@code reason} is present even when null. */
    private static final Gson WITH_NULLS = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final Javalin app;
    private final RouteTable routes;
    private final StartupGate gate = new StartupGate();

    public HttpApi(Services services) {
        this(services, null);
    }

    /** With {@code streams}, the device event stream ({@code GET /api/v1/mobile/events}) is served too. */
    public HttpApi(Services services, DeviceStreams streams) {
        this(services, streams, new RequestLog(null), config -> { });
    }

    /**
     * With the request log that goes first (every request, refused ones too, gets its id and its
     * line) and {@code jetty}, which adds to Javalin's settings: the HTTPS connector when the
     * service has TLS.
     */
    public HttpApi(Services services, DeviceStreams streams, RequestLog requestLog, Consumer<JavalinConfig> jetty) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.useVirtualThreads = false;
            config.jsonMapper(new JavalinGson(Json.GSON, false));
            config.router.ignoreTrailingSlashes = false;
            config.http.maxRequestSize = RequestJson.MAX_BULK_BODY_BYTES; // RequestJson limits each route
            config.http.disableCompression();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            jetty.accept(config);
        });
        routes = new RouteTable(app);
        requestLog.install(app, this::routeTemplate);
        app.before(gate);
        app.before(new RouteGuard(routes));
        app.before(new AccessFilter(services));
        app.exception(Exception.class, HttpApi::failure);
        app.error(404, ctx -> ensureErrorBody(ctx, ErrorCode.NOT_FOUND, "No such route: " + ctx.method() + " "
                + ctx.path()));
        routes.get("/api/v1/health", ctx -> ctx.json(new Health("ok")));
        new MobileRoutes(services).register(routes);
        new AdminAuthRoutes(services).register(routes);
        SessionRoutes sessionRoutes = new SessionRoutes(services);
        sessionRoutes.register(routes);
        app.events(events -> events.serverStopping(sessionRoutes::closeStreams));
        new UserRoutes(services).register(routes);
        new AuditRoutes(services).register(routes);
        new AlertRoutes(services).register(routes);
        new DeviceRoutes(services).register(routes);
        if (streams != null) {
            new DeviceEventRoutes(services, streams).register(routes);
            // An action through this instance is told at once; other instances see it at their next poll.
            app.after(ctx -> {
                String told = ctx.attribute(AccessFilter.TOLD_SESSION);
                if (told != null) {
                    streams.toldByResponse(told, services.now());
                }
                if (ctx.method() == HandlerType.POST && DeviceEventRoutes.mayEndSessions(ctx.path())) {
                    streams.wake();
                }
            });
        }
    }

    /** From now on requests are served; until then each answers 503 {@code service_busy}. */
    public void ready() {
        gate.open();
    }

    private String routeTemplate(String method, String path) {
        return routes.template(method, path);
    }

    public Javalin app() {
        return app;
    }

    public List<String> routes() {
        return routes.routes();
    }

    private static void failure(Exception e, Context ctx) {
        if (e instanceof ApiException api) {
            send(ctx, api);
        } else if (e instanceof HttpResponseException http) {
            ErrorCode code = switch (http.getStatus()) {
                case 401 -> ErrorCode.INVALID_TOKEN;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 500 -> ErrorCode.INTERNAL;
                default -> ErrorCode.INVALID_REQUEST;
            };
            String message = code == ErrorCode.NOT_FOUND ? "No such route: " + ctx.method() + " " + ctx.path()
                    : code == ErrorCode.INTERNAL ? "Internal error." : http.getMessage();
            send(ctx, ApiException.of(code, message));
        } else {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            send(ctx, ApiException.of(ErrorCode.INTERNAL, "Internal error. The server log has the details."));
        }
    }

    private static void send(Context ctx, ApiException e) {
        ErrorCode code = e.code();
        ctx.status(code.status());
        if (code.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (code == ErrorCode.RATE_LIMITED || code == ErrorCode.SERVICE_BUSY) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        String json;
        if (code == ErrorCode.SESSION_ENDED) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", code.wireName());
            body.put("message", e.getMessage());
            body.put("reason", e.reason());
            json = WITH_NULLS.toJson(body);
        } else {
            json = Json.GSON.toJson(new ErrorBody(code.wireName(), e.getMessage(), e.reason(), e.blockedUntil()));
        }
        ctx.contentType("application/json").result(json);
    }

    /** Javalin's own 404/405 answers get our body; ours already have one. */
    private static void ensureErrorBody(Context ctx, ErrorCode code, String message) {
        String current = ctx.result();
        if (current != null && current.startsWith("{\"error\"")) {
            return;
        }
        send(ctx, ApiException.of(code, message));
    }
}

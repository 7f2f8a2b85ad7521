package com.sessiondesk.server.http;

import com.sessiondesk.server.push.DeviceStreams;
import com.sessiondesk.server.store.Records.MobileSession;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;

/**
 * {@code GET /api/v1/mobile/events}: the Server-Sent Events stream a mobile app holds while in the
 * foreground. Like Javalin's own SSE handler, but it needs no exact {@code Accept} header and the
 * stream is held without a thread (the request stays open asynchronously until the stream closes).
 */
public final class DeviceEventRoutes {

    public static final String PATH = "/api/v1/mobile/events";

    private final Services services;
    private final DeviceStreams streams;

    public DeviceEventRoutes(Services services, DeviceStreams streams) {
        this.services = services;
        this.streams = streams;
    }

    public void register(RouteTable routes) {
        routes.get(PATH, this::events);
    }

    /** The POST routes after which this instance's streams are looked at at once, not at the next poll. */
    static boolean mayEndSessions(String path) {
        return path.endsWith("/logout") || path.endsWith("/block") || path.equals("/api/v1/mobile/heartbeat");
    }

    private void events(Context ctx) throws IOException {
        MobileSession session = AccessFilter.mobileSessionOf(ctx); // ended sessions were answered 401
        ctx.res().setStatus(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.res().addHeader("Cache-Control", "no-cache");
        ctx.res().addHeader("X-Accel-Buffering", "no");
        ctx.res().flushBuffer();
        SseClient client = new SseClient(ctx);
        client.keepAlive();
        services.heartbeats().record(session.sessionId(), services.now(), null);
        streams.open(session.sessionId(), session.endAfter(), client);
    }
}

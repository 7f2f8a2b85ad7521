package com.sessiondesk.server.http;

import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.server.service.LogoutOrder;
import com.sessiondesk.server.service.LogoutService;
import com.sessiondesk.server.service.SessionListService;
import com.sessiondesk.server.store.ActionRefused;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Active Sessions view: list, one session, forced log out. */
public final class SessionRoutes {

    /** The most sessions one bulk log out takes. */
    static final int MAX_BULK_IDS = 100_000;

    private final Services services;
    private final FeedStreams streams;
    private final SessionListService list;
    private final LogoutService logouts;

    public SessionRoutes(Services services) {
        this.services = services;
        this.list = new SessionListService(services.store());
        this.logouts = new LogoutService(services.store().database());
        this.streams = new FeedStreams(services.store());
        if (services.heartbeats() != null) {
            services.heartbeats().afterWrite(streams::wake);
        }
    }

    /** Closes the push streams (the server stops). */
    public void closeStreams() {
        streams.close();
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/sessions", this::list);
        routes.get("/api/v1/sessions/changes", this::changes); // before {id}, which would match it too
        routes.get("/api/v1/sessions/stream", this::stream);
        routes.post("/api/v1/sessions/logout", this::logoutMany);
        routes.get("/api/v1/sessions/{id}", this::one);
        routes.post("/api/v1/sessions/{id}/logout", this::logout);
    }

    private void list(Context ctx) throws IOException {
        String username = Fields.query(ctx.queryParam("username"), "username", Fields.MAX_USERNAME);
        String application = Fields.query(ctx.queryParam("application"), "application", Fields.MAX_TEXT);
        String q = Fields.query(ctx.queryParam("q"), "q", Fields.MAX_TEXT);
        SessionListService.Listing listing = list.list(username, application, q);
        ctx.contentType("application/json");
        SessionJson json = new SessionJson(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        for (SessionListService.Listed listed : listing.sessions()) {
            json.write(listed.row(), listed.superseded());
        }
        json.finish(listing.cursor());
    }

    /** The live console's feed: what changed since the cursor, or 410 when it is too old or unknown. */
    private void changes(Context ctx) {
        String since = ctx.queryParam("since");
        if (since == null || since.isEmpty()) {
            throw ApiException.invalid("The parameter 'since' is required (the cursor of a session list).");
        }
        Fields.limited(since, "since", Fields.MAX_TEXT);
        SessionChanges changes = services.store().sessionChanges(since).orElseThrow(ApiException::cursorExpired);
        ctx.json(changes);
    }

    /**
     * The push form of {@link #changes}: Server-Sent Events {@code changes} (data: the changes, id:
     * their cursor) as soon as the feed moves. Reconnecting with {@code Last-Event-ID} resumes.
     */
    private void stream(Context ctx) throws Exception {
        String lastEventId = ctx.header("Last-Event-ID");
        String since = lastEventId != null && !lastEventId.isEmpty() ? lastEventId : ctx.queryParam("since");
        if (since == null || since.isEmpty()) {
            throw ApiException.invalid("The parameter 'since' is required (the cursor of a session list).");
        }
        Fields.limited(since, "since", Fields.MAX_TEXT);
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw ApiException.invalid("This route streams Server-Sent Events: send 'Accept: text/event-stream'.");
        }
        SessionChanges first = services.store().sessionChanges(since).orElseThrow(ApiException::cursorExpired);
        String tokenHash = AccessFilter.adminOf(ctx).tokenHash();
        new SseHandler(client -> streams.open(client, tokenHash, first)).handle(ctx);
    }

    /** Log out selected: many sessions, one transaction, one audit event. */
    private void logoutMany(Context ctx) {
        BulkLogoutRequest body = RequestJson.required(ctx, BulkLogoutRequest.class, RequestJson.MAX_BULK_BODY_BYTES);
        List<String> ids = body.sessionIds();
        if (ids == null || ids.isEmpty()) {
            throw ApiException.invalid("The field 'sessionIds' must list at least one session id.");
        }
        if (ids.size() > MAX_BULK_IDS) {
            throw ApiException.invalid("The field 'sessionIds' lists too many sessions (at most " + MAX_BULK_IDS
                    + ").");
        }
        for (String id : ids) {
            Fields.required(id, "sessionIds", Fields.MAX_TEXT);
        }
        boolean block = Boolean.TRUE.equals(body.block());
        long now = services.now();
        LogoutOrder order = new LogoutOrder(new LogoutOrder.Sessions(ids), false, block, Fields.reason(body.reason()),
                Fields.until(body.until(), block, now), AfterSync.deadline(body.afterSync(), body.syncMinutes(), now),
                AccessFilter.adminOf(ctx).username(), now);
        try {
            ctx.json(logouts.logOutSessions(order));
        } catch (ActionRefused e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    private void one(Context ctx) {
        String id = Fields.limited(ctx.pathParam("id"), "id", Fields.MAX_TEXT);
        Session session = services.store().activeSession(id)
                .orElseThrow(() -> ApiException.notFound("No active session " + id + "."));
        ctx.json(session);
    }

    private void logout(Context ctx) {
        String id = Fields.limited(ctx.pathParam("id"), "id", Fields.MAX_TEXT);
        LogoutRequest body = RequestJson.optional(ctx, LogoutRequest.class);
        LogoutOrder order = order(new LogoutOrder.OneSession(id), body, AccessFilter.adminOf(ctx).username(),
                services.now());
        try {
            LogoutResult result = logouts.logOut(order)
                    .orElseThrow(() -> ApiException.notFound("No session " + id + "."));
            ctx.json(result);
        } catch (ActionRefused e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    /** The order of a single-session log out: every field of the request is optional, and so is the request. */
    private static LogoutOrder order(LogoutOrder.Target target, LogoutRequest body, String actor, long now) {
        if (body == null) {
            return new LogoutOrder(target, false, false, null, null, null, actor, now);
        }
        boolean block = Boolean.TRUE.equals(body.block());
        return new LogoutOrder(target, Boolean.TRUE.equals(body.allDevices()), block, Fields.reason(body.reason()),
                Fields.until(body.until(), block, now), AfterSync.deadline(body.afterSync(), body.syncMinutes(), now),
                actor, now);
    }
}

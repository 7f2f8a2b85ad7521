package com.sessiondesk.server.http;

import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.server.store.ActionRefused;
import com.sessiondesk.server.store.ActiveSessionRow;
import com.sessiondesk.server.store.Superseded;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The Active Sessions view: list, one session, forced log out. */
public final class SessionRoutes {

    private final Services services;

    public SessionRoutes(Services services) {
        this.services = services;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/sessions", this::list);
        routes.get("/api/v1/sessions/{id}", this::one);
        routes.post("/api/v1/sessions/{id}/logout", this::logout);
    }

    private void list(Context ctx) throws IOException {
        String username = Fields.query(ctx.queryParam("username"), "username", Fields.MAX_USERNAME);
        String application = Fields.query(ctx.queryParam("application"), "application", Fields.MAX_TEXT);
        String q = Fields.query(ctx.queryParam("q"), "q", Fields.MAX_TEXT);
        // Superseded needs every session of a (user, app, device) group, so q is applied after it:
        // the username and application filters keep or drop whole groups, q might split one.
        List<ActiveSessionRow> rows = services.store().activeSessionRows(username, application);
        boolean[] superseded = Superseded.flags(rows);
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        ctx.contentType("application/json");
        SessionJson json = new SessionJson(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        for (int i = 0; i < rows.size(); i++) {
            ActiveSessionRow row = rows.get(i);
            if (needle == null || matches(row, needle)) {
                json.write(row, superseded[i]);
            }
        }
        json.finish();
    }

    static boolean matches(ActiveSessionRow row, String needle) {
        return contains(row.username(), needle) || contains(row.name(), needle)
                || contains(row.deviceModel(), needle) || contains(row.deviceOs(), needle);
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
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
        boolean block = body != null && Boolean.TRUE.equals(body.block());
        boolean allDevices = block || body != null && Boolean.TRUE.equals(body.allDevices());
        String reason = body == null ? null : Fields.reason(body.reason());
        String actor = AccessFilter.adminOf(ctx).username();
        Long syncDeadline = body == null ? null : AfterSync.deadline(body.afterSync(), body.syncMinutes(),
                services.now());
        try {
            LogoutResult result = (syncDeadline == null
                    ? services.store().logoutSession(id, allDevices, block, reason, actor, services.now())
                    : services.store().logoutSessionAfterSync(id, allDevices, block, reason, actor, services.now(),
                            syncDeadline))
                    .orElseThrow(() -> ApiException.notFound("No session " + id + "."));
            ctx.json(result);
        } catch (ActionRefused e) {
            throw ApiException.invalid(e.getMessage());
        }
    }
}

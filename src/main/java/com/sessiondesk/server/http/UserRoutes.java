package com.sessiondesk.server.http;

import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserList;
import com.sessiondesk.server.store.ActionRefused;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** The User Accounts view: list, log out everywhere, block, unblock. */
public final class UserRoutes {

    private final Services services;

    public UserRoutes(Services services) {
        this.services = services;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/users", this::list);
        routes.post("/api/v1/users/{username}/logout", this::logout);
        routes.post("/api/v1/users/{username}/block", this::block);
        routes.post("/api/v1/users/{username}/unblock", this::unblock);
    }

    private void list(Context ctx) {
        String q = Fields.query(ctx.queryParam("q"), "q", Fields.MAX_TEXT);
        Boolean blocked = booleanQuery(ctx.queryParam("blocked"), "blocked");
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        List<User> users = services.store().users().stream()
                .filter(u -> blocked == null || u.blocked() == blocked)
                .filter(u -> needle == null || u.username().toLowerCase(Locale.ROOT).contains(needle)
                        || u.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        ctx.json(new UserList(users));
    }

    private static Boolean booleanQuery(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid("The parameter '" + field + "' must be true or false.");
        };
    }

    private void logout(Context ctx) {
        String username = username(ctx);
        ReasonRequest body = RequestJson.optional(ctx, ReasonRequest.class);
        String reason = reason(body);
        if (body != null) {
            Fields.until(body.until(), false, services.now()); // 400: 'until' goes with a block only
        }
        Long syncDeadline = syncDeadline(body);
        String actor = AccessFilter.adminOf(ctx).username();
        LogoutResult result = (syncDeadline == null
                ? services.store().logoutUser(username, reason, actor, services.now())
                : services.store().logoutUserAfterSync(username, reason, actor, services.now(), syncDeadline))
                .orElseThrow(() -> unknownUser(username));
        ctx.json(result);
    }

    private void block(Context ctx) {
        String username = username(ctx);
        ReasonRequest body = RequestJson.optional(ctx, ReasonRequest.class);
        String reason = reason(body);
        long now = services.now();
        Long until = body == null ? null : Fields.until(body.until(), true, now);
        Long syncDeadline = syncDeadline(body);
        String actor = AccessFilter.adminOf(ctx).username();
        try {
            User user = (syncDeadline == null
                    ? services.store().blockUser(username, reason, until, actor, now)
                    : services.store().blockUserAfterSync(username, reason, until, actor, now, syncDeadline))
                    .orElseThrow(() -> unknownUser(username));
            ctx.json(user);
        } catch (ActionRefused e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    private void unblock(Context ctx) {
        String username = username(ctx);
        User user = services.store()
                .unblockUser(username, AccessFilter.adminOf(ctx).username(), services.now())
                .orElseThrow(() -> unknownUser(username));
        ctx.json(user);
    }

    private static String username(Context ctx) {
        return Fields.limited(ctx.pathParam("username"), "username", Fields.MAX_USERNAME);
    }

    private static String reason(ReasonRequest body) {
        return body == null ? null : Fields.reason(body.reason());
    }

    private Long syncDeadline(ReasonRequest body) {
        return body == null ? null : AfterSync.deadline(body.afterSync(), body.syncMinutes(), services.now());
    }

    private static ApiException unknownUser(String username) {
        return ApiException.notFound("No user " + username + ".");
    }
}

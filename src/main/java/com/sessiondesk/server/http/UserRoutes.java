package com.sessiondesk.server.http;

import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserList;
import com.sessiondesk.server.service.LogoutOrder;
import com.sessiondesk.server.service.LogoutService;
import com.sessiondesk.server.store.ActionRefused;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** The User Accounts view: list, log out everywhere, block, unblock. */
public final class UserRoutes {

    private final Services services;
    private final LogoutService logouts;

    public UserRoutes(Services services) {
        this.services = services;
        this.logouts = new LogoutService(services.store().database());
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
        LogoutResult result = logouts.logOut(order(ctx, username, false))
                .orElseThrow(() -> unknownUser(username));
        ctx.json(result);
    }

    private void block(Context ctx) {
        String username = username(ctx);
        try {
            User user = logouts.block(order(ctx, username, true)).orElseThrow(() -> unknownUser(username));
            ctx.json(user);
        } catch (ActionRefused e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    private void unblock(Context ctx) {
        String username = username(ctx);
        User user = logouts.unblock(username, AccessFilter.adminOf(ctx).username(), services.now())
                .orElseThrow(() -> unknownUser(username));
        ctx.json(user);
    }

    /** The order of a log out or block of an account; the request and each of its fields are optional. */
    private LogoutOrder order(Context ctx, String username, boolean block) {
        ReasonRequest body = RequestJson.optional(ctx, ReasonRequest.class);
        String actor = AccessFilter.adminOf(ctx).username();
        long now = services.now();
        LogoutOrder.Account target = new LogoutOrder.Account(username);
        if (body == null) {
            return new LogoutOrder(target, true, block, null, null, null, actor, now);
        }
        return new LogoutOrder(target, true, block, Fields.reason(body.reason()),
                Fields.until(body.until(), block, now), // 400: 'until' goes with a block only
                AfterSync.deadline(body.afterSync(), body.syncMinutes(), now), actor, now);
    }

    private static String username(Context ctx) {
        return Fields.limited(ctx.pathParam("username"), "username", Fields.MAX_USERNAME);
    }

    private static ApiException unknownUser(String username) {
        return ApiException.notFound("No user " + username + ".");
    }
}

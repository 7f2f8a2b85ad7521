package com.sessiondesk.server.http;

import com.sessiondesk.api.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * Runs before authorization: a path that names no route is 404 {@code not_found} for everyone
 * (with or without a token: the routes are public in openapi.yaml), and a method the path does not
 * take (HEAD and OPTIONS included) is 405 {@code method_not_allowed} with the methods it does take in
 * {@code Allow}. A trailing slash makes another path ({@code /api/v1/users/} is no route).
 */
final class RouteGuard implements Handler {

    private final RouteTable routes;

    RouteGuard(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(Context ctx) {
        List<String> allowed = routes.allowedMethods(ctx.path());
        if (allowed.isEmpty()) {
            throw ApiException.notFound("No such route: " + ctx.method() + " " + ctx.path());
        }
        if (!allowed.contains(ctx.method().name())) {
            ctx.header("Allow", String.join(", ", allowed));
            throw ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "Method " + ctx.method() + " is not allowed on "
                    + ctx.path() + "; allowed: " + String.join(", ", allowed) + ".");
        }
    }
}

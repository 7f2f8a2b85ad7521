package com.sessiondesk.server.http;

import com.sessiondesk.api.AuditList;
import io.javalin.http.Context;

/** The History view: admin actions and sign-ins, newest first. */
public final class AuditRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Services services;

    public AuditRoutes(Services services) {
        this.services = services;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/audit", this::list);
    }

    private void list(Context ctx) {
        String username = Fields.query(ctx.queryParam("username"), "username", Fields.MAX_USERNAME);
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(new AuditList(services.store().audit(username, limit)));
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("The parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}

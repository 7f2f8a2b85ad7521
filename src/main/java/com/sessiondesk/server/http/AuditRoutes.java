package com.sessiondesk.server.http;

import com.sessiondesk.api.AuditList;
import com.sessiondesk.server.service.AuditService;
import com.sessiondesk.server.store.AuditCategory;
import io.javalin.http.Context;

/** The History view: admin actions or security events, newest first, a page at a time. */
public final class AuditRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditService audit;

    public AuditRoutes(Services services) {
        this.audit = new AuditService(services.store());
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/audit", this::list);
    }

    private void list(Context ctx) {
        String username = Fields.query(ctx.queryParam("username"), "username", Fields.MAX_USERNAME);
        AuditCategory category = category(ctx.queryParam("category"));
        int limit = limit(ctx.queryParam("limit"));
        String before = ctx.queryParam("before");
        AuditService.Page page;
        try {
            page = audit.page(new AuditService.Query(category, username,
                    before == null || before.isEmpty() ? null : before, limit));
        } catch (AuditService.BadCursor e) {
            throw ApiException.invalid(e.getMessage());
        }
        ctx.json(new AuditList(page.events(), page.nextCursor()));
    }

    private static AuditCategory category(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (AuditCategory category : AuditCategory.values()) {
            if (category.column().equals(value)) {
                return category;
            }
        }
        throw ApiException.invalid("The parameter 'category' must be 'action' or 'security'.");
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

package com.sessiondesk.server.http;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AlertList;
import com.sessiondesk.server.service.AlertService;
import io.javalin.http.Context;

/** The alerts: the list, and acknowledging one (the rules are {@link AlertService}'s). */
public final class AlertRoutes {

    private final Services services;
    private final AlertService alerts;

    public AlertRoutes(Services services) {
        this.services = services;
        this.alerts = new AlertService(services.store().database());
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/alerts", this::list);
        routes.post("/api/v1/alerts/{id}/acknowledge", this::acknowledge);
    }

    private void list(Context ctx) {
        ctx.json(new AlertList(alerts.list(services.now())));
    }

    private void acknowledge(Context ctx) {
        long id = id(ctx.pathParam("id"));
        Alert alert = alerts.acknowledge(id, AccessFilter.adminOf(ctx).username(), services.now())
                .orElseThrow(() -> ApiException.notFound("No alert " + id + "."));
        ctx.json(alert);
    }

    private static long id(String value) {
        if (value.length() <= 18 && value.chars().allMatch(ch -> ch >= '0' && ch <= '9') && !value.isEmpty()) {
            return Long.parseLong(value);
        }
        throw ApiException.invalid("The alert id must be a whole number.");
    }
}

package com.sessiondesk.server.http;

import com.sessiondesk.api.DeviceBlockRequest;
import com.sessiondesk.api.DeviceList;
import com.sessiondesk.server.service.DeviceService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Device blocks: block a device (not its users), unblock it, list the blocked ones. */
public final class DeviceRoutes {

    private final Services services;
    private final DeviceService devices;

    public DeviceRoutes(Services services) {
        this.services = services;
        this.devices = new DeviceService(services.store());
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/devices", this::list);
        routes.post("/api/v1/devices/{deviceId}/block", this::block);
        routes.post("/api/v1/devices/{deviceId}/unblock", this::unblock);
    }

    private void list(Context ctx) {
        String blocked = ctx.queryParam("blocked");
        if (blocked != null && !blocked.isEmpty() && !blocked.equals("true")) {
            throw ApiException.invalid(blocked.equals("false")
                    ? "Only blocked devices are listed: the parameter 'blocked' must be true."
                    : "The parameter 'blocked' must be true or false.");
        }
        ctx.json(new DeviceList(devices.blocked(services.now())));
    }

    private void block(Context ctx) {
        String deviceId = deviceId(ctx);
        DeviceBlockRequest body = RequestJson.optional(ctx, DeviceBlockRequest.class);
        long now = services.now();
        String reason = body == null ? null : Fields.reason(body.reason());
        Long until = body == null ? null : Fields.until(body.until(), true, now);
        ctx.json(devices.block(deviceId, AccessFilter.adminOf(ctx).username(), reason, until, now));
    }

    private void unblock(Context ctx) {
        String deviceId = deviceId(ctx);
        if (!devices.unblock(deviceId, AccessFilter.adminOf(ctx).username(), services.now())) {
            throw ApiException.notFound("The device " + deviceId + " is not blocked.");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The device id of the path: 1 to 200 characters without control characters, as a login sends it. */
    private static String deviceId(Context ctx) {
        return Fields.required(Fields.limited(ctx.pathParam("deviceId"), "deviceId", Fields.MAX_TEXT), "deviceId",
                Fields.MAX_TEXT);
    }
}

package com.sessiondesk.server.http;

import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.service.AlertService;
import com.sessiondesk.server.service.DeviceService;
import com.sessiondesk.server.store.Devices.BlockState;
import com.sessiondesk.server.store.Records.LoginStart;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.MobileSession;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;

/** What the mobile apps call: log in, heartbeat, who am I, log out. */
public final class MobileRoutes {

    private final Services services;
    private final DeviceService devices;
    private final AlertService alerts;

    public MobileRoutes(Services services) {
        this.services = services;
        this.devices = new DeviceService(services.store());
        this.alerts = new AlertService(services.store().database());
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/mobile/login", this::login);
        routes.post("/api/v1/mobile/heartbeat", this::heartbeat);
        routes.get("/api/v1/mobile/me", this::me);
        routes.post("/api/v1/mobile/logout", this::logout);
    }

    private void login(Context ctx) {
        MobileLoginRequest body = RequestJson.required(ctx, MobileLoginRequest.class);
        String username = Fields.required(body.username(), "username", Fields.MAX_USERNAME);
        String password = Fields.password(body.password());
        Device device = new Device(
                Fields.required(body.application(), "application", Fields.MAX_TEXT),
                Fields.required(body.appVersion(), "appVersion", Fields.MAX_TEXT),
                Fields.required(body.deviceId(), "deviceId", Fields.MAX_TEXT),
                Fields.required(body.deviceModel(), "deviceModel", Fields.MAX_TEXT),
                Fields.required(body.deviceOs(), "deviceOs", Fields.MAX_TEXT),
                Fields.required(body.language(), "language", Fields.MAX_TEXT),
                clientAddress(ctx));
        if (body.deviceTicket() != null && body.deviceTicket().length() > Fields.MAX_TEXT) {
            throw ApiException.invalid("The field 'deviceTicket' is too long (at most " + Fields.MAX_TEXT
                    + " characters).");
        }
        long now = services.now();
        devices.blockOf(device.deviceId(), now).ifPresent(block -> refuseBlockedDevice(device, username, block));
        String ticketId = body.deviceTicket() == null ? null
                : services.tickets().verify(body.deviceTicket(), username, device.deviceId(), now).orElse(null);
        Credentials user = PasswordCheck.check(services, new PasswordCheck.Attempt(username, password,
                        device.address(), ticketId, PasswordCheck.Kind.MOBILE_LOGIN))
                .orElseThrow(PasswordCheck::wrongPassword);
        if (user.blocked()) {
            throw PasswordCheck.blocked(services, username);
        }
        String token = Tokens.newToken();
        LoginStart started = devices.startSession(user.userId(), device, Tokens.hash(token), services.now(),
                services.timeouts().maxSessionsPerUser());
        if (started.deviceBlock() != null) {
            refuseBlockedDevice(device, username, started.deviceBlock());
        }
        if (!started.started()) {
            throw PasswordCheck.blocked(services, username);
        }
        String sessionId = started.sessionId();
        if (started.newDevice()) {
            alerts.newDeviceLogin(user.userId(), user.username(), device.deviceId(), device.deviceModel(),
                    device.address(), services.now());
        }
        String ticket = services.tickets().issue(username, device.deviceId(), services.now());
        ctx.status(HttpStatus.CREATED).json(new MobileLoginResponse(sessionId, token, ticket));
    }

    /**
     * A login from a blocked device: refused with 403 {@code device_blocked} (the block's reason and
     * end), before its password is checked and again if the block came while it was checked. The
     * one place such an attempt is known: the device and the username tried are here for what
     * reacts to it (an alert of a blocked device's attempt).
     */
    private void refuseBlockedDevice(Device device, String username, BlockState block) {
        alerts.blockedDeviceAttempt(username, device.deviceId(), device.deviceModel(), device.address(),
                services.now());
        throw ApiException.deviceBlocked(block.reason(),
                block.until() == null ? null : Instant.ofEpochMilli(block.until()));
    }

    private void heartbeat(Context ctx) {
        MobileSession session = AccessFilter.mobileSessionOf(ctx);
        HeartbeatRequest body = RequestJson.optional(ctx, HeartbeatRequest.class);
        Integer items = body == null ? null : body.pendingSyncItems();
        if (items != null && items < 0) {
            throw ApiException.invalid("The field 'pendingSyncItems' must be 0 or more.");
        }
        services.heartbeats().record(session.sessionId(), services.now(), items, clientAddress(ctx));
        if (session.endingAt(services.now())) {
            AfterSync.answerHeartbeat(services, ctx, session, items);
            return;
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * The device's network address as recorded on its session (login and heartbeat): the
     * connection's, or the forwarded one from a trusted proxy.
     */
    private String clientAddress(Context ctx) {
        return services.clientAddress().of(ctx);
    }

    private void me(Context ctx) {
        MobileSession session = AccessFilter.mobileSessionOf(ctx);
        services.heartbeats().record(session.sessionId(), services.now(), null, clientAddress(ctx));
        ctx.json(new UserIdentity(session.username(), session.name()));
    }

    private void logout(Context ctx) {
        MobileSession session = AccessFilter.mobileSessionOf(ctx);
        services.store().endSessionByUser(session.sessionId(), session.username(), services.now());
        ctx.status(HttpStatus.NO_CONTENT);
    }
}

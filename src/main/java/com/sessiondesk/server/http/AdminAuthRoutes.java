package com.sessiondesk.server.http;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminLoginResponse;
import com.sessiondesk.api.AdminPasswordRequest;
import com.sessiondesk.api.AdminPasswordResponse;
import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.server.security.PasswordPolicy;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.service.PasswordService;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.Credentials;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Admin sign-in, sign-out and password change. Successes are in the audit log; failures are
 * security events (rate-limited, unknown usernames as "unknown user").
 */
public final class AdminAuthRoutes {

    /** What an admin device ticket is bound to besides the username (the desktop client has no device id). */
    private static final String DESKTOP = "desktop client";

    private final Services services;

    public AdminAuthRoutes(Services services) {
        this.services = services;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/admin/login", this::login);
        routes.post("/api/v1/admin/logout", this::logout);
        routes.post("/api/v1/admin/password", this::changePassword);
    }

    private void login(Context ctx) {
        AdminLoginRequest body = RequestJson.required(ctx, AdminLoginRequest.class);
        String username = Fields.required(body.username(), "username", Fields.MAX_USERNAME);
        String password = Fields.password(body.password());
        String address = services.clientAddress().of(ctx);
        if (body.deviceTicket() != null && body.deviceTicket().length() > Fields.MAX_TEXT) {
            throw ApiException.invalid("The field 'deviceTicket' is too long (at most " + Fields.MAX_TEXT
                    + " characters).");
        }
        String ticketId = body.deviceTicket() == null ? null
                : services.tickets().verify(body.deviceTicket(), username, DESKTOP, services.now()).orElse(null);
        Optional<Credentials> checked = PasswordCheck.check(services, new PasswordCheck.Attempt(username, password,
                address, ticketId, PasswordCheck.Kind.ADMIN_LOGIN));
        if (checked.isEmpty()) {
            throw PasswordCheck.wrongPassword();
        }
        Credentials user = checked.get();
        if (user.blocked()) {
            failed(user.username(), address, "account blocked");
            throw PasswordCheck.blocked();
        }
        if (!user.superUser()) {
            failed(user.username(), address, "not a super user");
            throw ApiException.forbidden("Only super users can manage sessions.");
        }
        long now = services.now();
        String token = issueToken(user, now);
        services.store().recordAudit(AuditAction.ADMIN_LOGIN, user.username(), user.username(), List.of(), null, now);
        long expiresAt = now + services.timeouts().adminAbsoluteTimeout().toMillis();
        ctx.json(new AdminLoginResponse(token, Instant.ofEpochMilli(expiresAt),
                new UserIdentity(user.username(), user.name()), services.tickets().issue(username, DESKTOP, now)));
    }

    /** Creates an admin token for a super user whose credentials were checked; returns the raw token. */
    public String issueToken(Credentials user, long now) {
        String token = Tokens.newToken();
        long expiresAt = now + services.timeouts().adminAbsoluteTimeout().toMillis();
        services.store().createAdminToken(Tokens.hash(token), user.userId(), now, expiresAt);
        return token;
    }

    private void failed(String username, String address, String why) {
        services.store().recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, username, address, why, services.now());
    }

    private void logout(Context ctx) {
        AdminToken admin = AccessFilter.adminOf(ctx);
        services.store().revokeAdminToken(admin.tokenHash());
        services.store().recordAudit(AuditAction.ADMIN_LOGOUT, admin.username(), admin.username(), List.of(), null,
                services.now());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * The signed-in super user changes their password: the current one is checked like a login
     * (throttled), the new one must pass the {@link PasswordPolicy}. Their other admin sessions and
     * their mobile sessions end ({@link PasswordService}).
     */
    private void changePassword(Context ctx) {
        AdminToken admin = AccessFilter.adminOf(ctx);
        AdminPasswordRequest body = RequestJson.required(ctx, AdminPasswordRequest.class);
        String oldPassword = Fields.password(body.oldPassword(), "oldPassword");
        String newPassword = Fields.password(body.newPassword(), "newPassword");
        PasswordPolicy.problem(newPassword, true).ifPresent(problem -> {
            throw ApiException.invalid(problem);
        });
        if (newPassword.equals(oldPassword)) {
            throw ApiException.invalid("The new password must differ from the current one.");
        }
        Optional<Credentials> checked = PasswordCheck.check(services, new PasswordCheck.Attempt(admin.username(),
                oldPassword, services.clientAddress().of(ctx), null, PasswordCheck.Kind.PASSWORD_CHANGE));
        if (checked.isEmpty()) {
            throw ApiException.invalid("The current password is wrong.");
        }
        String hash = PasswordCheck.hashNew(services, newPassword);
        PasswordService.Change change = new PasswordService(services.store().database()).setPassword(admin.username(),
                hash, admin.username(), admin.tokenHash(), services.now())
                .orElseThrow(() -> ApiException.invalidToken("The account of this token no longer exists."));
        ctx.json(new AdminPasswordResponse(change.endedAdminSessions(), change.endedSessions().size()));
    }
}

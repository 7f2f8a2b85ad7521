package com.sessiondesk.server.http;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminLoginResponse;
import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.store.Records.Credentials;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Admin sign-in and sign-out. Every attempt is in the audit log. */
public final class AdminAuthRoutes {

    private final Services services;

    public AdminAuthRoutes(Services services) {
        this.services = services;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/admin/login", this::login);
        routes.post("/api/v1/admin/logout", this::logout);
    }

    private void login(Context ctx) {
        AdminLoginRequest body = RequestJson.required(ctx, AdminLoginRequest.class);
        String username = Fields.required(body.username(), "username", Fields.MAX_USERNAME);
        String password = Fields.password(body.password());
        Optional<Credentials> checked = PasswordCheck.check(services, username, password, ctx.ip());
        if (checked.isEmpty()) {
            failed(username, "wrong username or password");
            throw PasswordCheck.wrongPassword();
        }
        Credentials user = checked.get();
        if (user.blocked()) {
            failed(username, "account blocked");
            throw PasswordCheck.blocked();
        }
        if (!user.superUser()) {
            failed(username, "not a super user");
            throw ApiException.forbidden("Only super users can manage sessions.");
        }
        long now = services.now();
        String token = issueToken(user, now);
        services.store().recordAudit(AuditAction.ADMIN_LOGIN, username, username, List.of(), null, now);
        long expiresAt = now + services.config().adminAbsoluteTimeout().toMillis();
        ctx.json(new AdminLoginResponse(token, Instant.ofEpochMilli(expiresAt),
                new UserIdentity(user.username(), user.name())));
    }

    /** Creates an admin token for a super user whose credentials were checked; returns the raw token. */
    public String issueToken(Credentials user, long now) {
        String token = Tokens.newToken();
        long expiresAt = now + services.config().adminAbsoluteTimeout().toMillis();
        services.store().createAdminToken(Tokens.hash(token), user.userId(), now, expiresAt);
        return token;
    }

    private void failed(String username, String why) {
        services.store().recordAudit(AuditAction.ADMIN_LOGIN_FAILED, username, username, List.of(), why,
                services.now());
    }

    private void logout(Context ctx) {
        services.store().revokeAdminToken(AccessFilter.adminOf(ctx).tokenHash());
        ctx.status(HttpStatus.NO_CONTENT);
    }
}

package com.sessiondesk.server.http;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.MobileSession;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authorization, in one place, before any route runs. Deny by default: only the public paths are
 * open; {@code /api/v1/mobile/...} needs a live mobile session token; everything else needs a
 * valid admin token of an active, unblocked super user.
 */
public final class AccessFilter implements Handler {

    static final String MOBILE_SESSION = "sessiondesk.mobileSession";
    static final String ADMIN = "sessiondesk.admin";
    /** The session whose device this answer tells that it ended or is ending (a delivery to record). */
    static final String TOLD_SESSION = "sessiondesk.toldSession";
    private static final Set<String> PUBLIC = Set.of("/api/v1/health", "/api/v1/mobile/login", "/api/v1/admin/login");
    private static final String MOBILE_PREFIX = "/api/v1/mobile/";
    private static final int MAX_TOKEN_LENGTH = 256;
    private static final long MAX_TOUCH_INTERVAL_MILLIS = 5_000;

    private final Services services;

    public AccessFilter(Services services) {
        this.services = services;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (PUBLIC.contains(path)) {
            return;
        }
        if (path.startsWith(MOBILE_PREFIX)) {
            ctx.attribute(MOBILE_SESSION, mobileSession(ctx));
        } else {
            ctx.attribute(ADMIN, admin(ctx));
        }
    }

    public static MobileSession mobileSessionOf(Context ctx) {
        return ctx.attribute(MOBILE_SESSION);
    }

    public static AdminToken adminOf(Context ctx) {
        return ctx.attribute(ADMIN);
    }

    private MobileSession mobileSession(Context ctx) {
        String token = bearer(ctx);
        MobileSession session = services.store().mobileSession(Tokens.hash(token))
                .orElseThrow(() -> ApiException.invalidToken("Unknown session token. Sign in again."));
        if (session.expired()) {
            throw expired();
        }
        if (session.endedAt(services.now())) {
            // This 401 tells the device: its delivery is recorded after the answer (DeviceEventRoutes).
            ctx.attribute(TOLD_SESSION, session.sessionId());
            throw ApiException.sessionEnded(session.endReason());
        }
        long now = services.now();
        if (now - session.loginAt() >= services.timeouts().mobileAbsoluteTimeout().toMillis()
                || now - session.lastSeenAt() >= services.timeouts().mobileIdleTimeout().toMillis()) {
            services.store().expireSession(session.sessionId(), now);
            throw expired();
        }
        return session;
    }

    private static ApiException expired() {
        return ApiException.of(ErrorCode.SESSION_EXPIRED, "This session expired. Sign in again.");
    }

    private AdminToken admin(Context ctx) {
        String hash = Tokens.hash(bearer(ctx));
        Optional<AdminToken> found = services.store().adminToken(hash);
        if (found.isEmpty()) {
            Optional<MobileSession> mobile = services.store().mobileSession(hash);
            if (mobile.isPresent()) {
                refused(ctx, mobile.get().username(), "a mobile session token on an admin route");
                throw ApiException.forbidden("Only super users can manage sessions: a mobile session token "
                        + "cannot be used here.");
            }
            refused(ctx, PasswordCheck.UNKNOWN_USER, "unknown or revoked admin token");
            throw ApiException.invalidToken("Unknown or revoked token. Sign in again.");
        }
        AdminToken admin = found.get();
        long now = services.now();
        long idleMillis = services.timeouts().adminIdleTimeout().toMillis();
        if (now >= admin.expiresAt() || now - admin.lastUsedAt() >= idleMillis) {
            services.store().revokeAdminToken(hash);
            throw ApiException.invalidToken("Your admin session expired. Sign in again.");
        }
        if (admin.blocked() || !admin.superUser()) {
            // Blocking and demoting delete the tokens; one that slipped through goes now, for good.
            services.store().revokeAdminToken(hash);
            refused(ctx, admin.username(), admin.blocked() ? "account blocked" : "not a super user");
            throw ApiException.invalidToken(admin.blocked() ? "This account is blocked: its admin sessions ended."
                    : "This account is no longer a super user: its admin sessions ended.");
        }
        // Idle time is tracked to within a few seconds: not every request needs a write.
        if (now - admin.lastUsedAt() >= Math.min(MAX_TOUCH_INTERVAL_MILLIS, idleMillis / 10)) {
            services.store().touchAdminToken(hash, now);
        }
        return admin;
    }

    /**
     * A refused admin call is a security event (at most one row per account and address a minute).
     * Its reason is the service's own words: nothing of the request (path, headers) is stored.
     */
    private void refused(Context ctx, String username, String why) {
        services.store().recordSecurityEvent(AuditAction.ADMIN_CALL_REFUSED, username, services.clientAddress().of(ctx),
                why, services.now());
    }

    /** The bearer token of the request; 401 when there is none. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8
                || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw ApiException.invalidToken("This call needs a bearer token (Authorization: Bearer TOKEN).");
        }
        String token = header.substring(7).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw ApiException.invalidToken("Malformed bearer token.");
        }
        return token;
    }
}

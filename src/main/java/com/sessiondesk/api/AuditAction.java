package com.sessiondesk.api;

import java.util.Set;

/** The actions recorded in the audit log, with their wire names. */
public enum AuditAction {
    LOGOUT_SESSION("logout_session"),
    LOGOUT_ALL("logout_all"),
    BLOCK("block"),
    UNBLOCK("unblock"),
    LOGOUT_SESSIONS("logout_sessions"),
    BLOCK_SESSIONS("block_sessions"),
    ADMIN_LOGIN("admin_login"),
    ADMIN_LOGIN_FAILED("admin_login_failed"),
    /** Security events (rate-limited: one per account, address and kind per minute, with a count). */
    MOBILE_LOGIN_FAILED("mobile_login_failed"),
    LOGIN_THROTTLED("login_throttled"),
    /** A login refused with 503 because its hashing lane was full (counted like a failure for its client). */
    LOGIN_BUSY("login_busy"),
    ADMIN_CALL_REFUSED("admin_call_refused"),
    /** A blocked or demoted super user's admin sessions were ended. */
    ADMIN_TOKENS_REVOKED("admin_tokens_revoked"),
    /** A password set by the user themselves (the admin API) or from the command line: their sessions ended. */
    PASSWORD_CHANGED("password_changed"),
    /** A super user created from the command line. */
    SUPER_USER_ADDED("super_user_added"),
    /** A staff user (not a super user) created from the command line. */
    USER_ADDED("user_added"),
    /** An admin signed out of the desktop client (their admin session ended). */
    ADMIN_LOGOUT("admin_logout"),
    /** A user made a super user. */
    SUPER_USER_PROMOTED("super_user_promoted"),
    /** A super user made a staff user again (their admin sessions end). */
    SUPER_USER_DEMOTED("super_user_demoted"),
    /** A device blocked (its sessions ended, its logins refused) or unblocked; username: its last user. */
    DEVICE_BLOCKED("device_blocked"),
    DEVICE_UNBLOCKED("device_unblocked"),
    /** A super user acknowledged an alert (the alert's kind in the reason). */
    ALERT_ACKNOWLEDGED("alert_acknowledged");

    /**
     * The security events: what refused clients caused, recorded apart from the admin actions
     * (History's "Security" filter; their own retention, counted per minute).
     */
    public static final Set<String> SECURITY = Set.of("admin_login_failed", "mobile_login_failed",
            "login_throttled", "login_busy", "admin_call_refused");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuditAction fromWireName(String name) {
        for (AuditAction action : values()) {
            if (action.wireName.equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown audit action: " + name);
    }
}

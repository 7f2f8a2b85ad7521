package com.sessiondesk.api;

/** The actions recorded in the audit log, with their wire names. */
public enum AuditAction {
    LOGOUT_SESSION("logout_session"),
    LOGOUT_ALL("logout_all"),
    BLOCK("block"),
    UNBLOCK("unblock"),
    LOGOUT_SESSIONS("logout_sessions"),
    BLOCK_SESSIONS("block_sessions"),
    ADMIN_LOGIN("admin_login"),
    ADMIN_LOGIN_FAILED("admin_login_failed");

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

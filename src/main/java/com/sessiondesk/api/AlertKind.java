package com.sessiondesk.api;

/** The kinds of {@link Alert}, with their wire names. */
public enum AlertKind {
    /** 5 or more failed logins for one account within 15 minutes, from any address. */
    FAILED_LOGINS("failed_logins"),
    /** A login from a device the user never used before, while the user has another active session. */
    NEW_DEVICE_LOGIN("new_device_login"),
    /** A login attempt from a blocked device. */
    BLOCKED_DEVICE_ATTEMPT("blocked_device_attempt"),
    /** The login throttle refused more than 100 attempts within one minute. */
    LOGIN_STORM("login_storm");

    private final String wireName;

    AlertKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind of a wire name, or null when this side does not know it. */
    public static AlertKind fromWireName(String name) {
        for (AlertKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}

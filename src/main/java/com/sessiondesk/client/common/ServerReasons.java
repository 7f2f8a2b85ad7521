package com.sessiondesk.client.common;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons the service writes into History by itself (in English: "wrong username or
 * password", "password changed", ...) in the language of the window. A reason an admin typed is
 * shown as typed.
 */
public final class ServerReasons {

    /** The service's fixed reasons and the key of each one's text. */
    private static final Map<String, String> KEYS = Map.of(
            "wrong username or password", "reason.wrongPassword",
            "wrong current password (password change)", "reason.wrongCurrentPassword",
            "account blocked", "reason.accountBlocked",
            "not a super user", "reason.notSuperUser",
            "unknown or revoked admin token", "reason.unknownToken",
            "a mobile session token on an admin route", "reason.mobileTokenOnAdminRoute",
            "password changed", "reason.passwordChanged");

    /** A password change that also ended other admin sessions: "password changed; other admin sessions ended: 2". */
    private static final Pattern PASSWORD_AND_ADMINS = Pattern.compile("password changed; other admin sessions ended: (\\d+)");

    private ServerReasons() {
    }

    /** The reason in the window's language when the service wrote it; else as it was typed. */
    public static String text(String reason) {
        if (reason == null || reason.isEmpty()) {
            return "";
        }
        String key = KEYS.get(reason);
        if (key != null) {
            return Messages.get(key);
        }
        Matcher both = PASSWORD_AND_ADMINS.matcher(reason);
        if (both.matches()) {
            return Messages.format("reason.passwordChangedAndAdmins", Integer.parseInt(both.group(1)));
        }
        return reason;
    }
}

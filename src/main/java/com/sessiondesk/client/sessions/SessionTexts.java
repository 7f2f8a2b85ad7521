package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Cells.Badge;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.Formats;
import java.time.Instant;

/** What each cell of the Active Sessions table says, its full value, and its marker badge (testable without a toolkit). */
public final class SessionTexts {

    static final Badge BLOCKED = new Badge("blocked", "badge-danger",
            "The account is blocked: the user cannot log in again until unblocked under User Accounts");
    static final String OLD_APP_VERSION = "The app was updated on this device without logging out: "
            + "this older session is still active";
    static final String UNSYNCED = "Items the device has not synced yet: they are lost if this session ends";

    private SessionTexts() {
    }

    /** The text in the cell, compact for the times ("3:04 PM" today, "Nov 27, 3:04 PM" this year). */
    public static String cellText(SessionColumn column, SessionRow row, Instant now) {
        var s = row.session();
        return switch (column) {
            case USERNAME -> row.username();
            case NAME -> row.name();
            case DEVICE -> row.device();
            case APPLICATION -> (row.application() + " " + SessionRow.text(s.appVersion())).trim();
            case LANGUAGE -> SessionRow.text(s.language());
            case LOGIN_TIME -> Formats.compactDateTime(s.loginTime(), now);
            case LAST_SEEN -> s.lastSeen() == null ? ""
                    : Formats.relative(s.lastSeen(), now) + " (" + Formats.compactDateTime(s.lastSeen(), now) + ")";
        };
    }

    /** The full value, for the tooltip of a cut cell: times with their full date. */
    public static String fullText(SessionColumn column, SessionRow row, Instant now) {
        var s = row.session();
        return switch (column) {
            case LOGIN_TIME -> Formats.dateTime(s.loginTime());
            case LAST_SEEN -> s.lastSeen() == null ? ""
                    : Formats.relative(s.lastSeen(), now) + " (" + Formats.dateTime(s.lastSeen()) + ")";
            default -> cellText(column, row, now);
        };
    }

    /** Markers: a blocked account, unsynced items on the device, an old app version. */
    public static Badge badge(SessionColumn column, SessionRow row) {
        return switch (column) {
            case USERNAME -> row.userBlocked() ? BLOCKED : null;
            case DEVICE -> row.session().ending()
                    ? new Badge(DeliveryTexts.ending(row.session(), Instant.now()), "badge-warning",
                            DeliveryTexts.ENDING_EXPLANATION)
                    : row.session().pendingSyncItems() > 0
                    ? new Badge(row.session().pendingSyncItems() + " unsynced", "badge-warning", UNSYNCED) : null;
            case APPLICATION -> row.session().superseded() ? new Badge("old app version", "badge-muted", OLD_APP_VERSION) : null;
            default -> null;
        };
    }
}

package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Cells.Badge;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What each cell of the Active Sessions table says, its full value, and its marker badge (testable without a toolkit). */
public final class SessionTexts {

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
            case ADDRESS -> SessionRow.text(s.address());
            case LOGIN_TIME -> Formats.compactDateTime(s.loginTime(), now);
            case LAST_SEEN -> s.lastSeen() == null ? ""
                    : Messages.format("sessions.lastSeen", ago(s.lastSeen(), now), Formats.compactDateTime(s.lastSeen(), now));
        };
    }

    /** "… ago" by the minutes shown: rows of the same minute read the same, in the order the column sorts them. */
    private static String ago(Instant at, Instant now) {
        return Formats.relative(at.truncatedTo(ChronoUnit.MINUTES), now.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The full value, for the tooltip of a cut cell: times with their full date. */
    public static String fullText(SessionColumn column, SessionRow row, Instant now) {
        var s = row.session();
        return switch (column) {
            case LOGIN_TIME -> Formats.dateTime(s.loginTime());
            case LAST_SEEN -> s.lastSeen() == null ? ""
                    : Messages.format("sessions.lastSeen", ago(s.lastSeen(), now), Formats.dateTime(s.lastSeen()));
            default -> cellText(column, row, now);
        };
    }

    /** What a CSV export writes: the cell's text, times as ISO 8601 instants (UTC). */
    public static String exportText(SessionColumn column, SessionRow row) {
        var s = row.session();
        return switch (column) {
            case LOGIN_TIME -> s.loginTime() == null ? "" : s.loginTime().toString();
            case LAST_SEEN -> s.lastSeen() == null ? "" : s.lastSeen().toString();
            default -> cellText(column, row, Instant.EPOCH);
        };
    }

    /** Markers: a blocked account, unsynced items on the device, a new device or address, an old app version. */
    public static Badge badge(SessionColumn column, SessionRow row) {
        return switch (column) {
            case USERNAME -> row.userBlocked() ? new Badge(Messages.get("sessions.badge.blocked"), "badge-danger",
                    Messages.get("sessions.badge.blocked.explanation")) : null;
            case DEVICE -> row.session().ending()
                    ? new Badge(DeliveryTexts.ending(row.session(), Instant.now()), "badge-warning",
                            Messages.get("sessions.badge.ending.explanation"))
                    : row.session().pendingSyncItems() > 0
                    ? new Badge(Messages.format("sessions.badge.unsynced", row.session().pendingSyncItems()), "badge-warning",
                            Messages.format("sessions.badge.unsynced.explanation", row.session().pendingSyncItems())) : null;
            case LOGIN_TIME -> NewArrivals.badge(row.session(), Instant.now());
            case APPLICATION -> row.session().superseded() ? new Badge(Messages.get("sessions.badge.oldVersion"), "badge-muted",
                    Messages.get("sessions.badge.oldVersion.explanation")) : null;
            default -> null;
        };
    }
}

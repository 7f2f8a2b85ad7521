package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import java.time.Instant;

/** What each cell of the Active Sessions table says, and its marker badge (testable without a toolkit). */
public final class SessionTexts {

    /** A small label beside a cell's text: the text and its style class. */
    public record Badge(String text, String styleClass) {
    }

    private SessionTexts() {
    }

    public static String cellText(SessionColumn column, SessionRow row, Instant now) {
        var s = row.session();
        return switch (column) {
            case USERNAME -> row.username();
            case NAME -> row.name();
            case DEVICE -> row.device();
            case APPLICATION -> (row.application() + " " + SessionRow.text(s.appVersion())).trim();
            case LANGUAGE -> SessionRow.text(s.language());
            case LOGIN_TIME -> Formats.dateTime(s.loginTime());
            case LAST_SEEN -> s.lastSeen() == null ? ""
                    : Messages.format("sessions.lastSeen", Formats.relative(s.lastSeen(), now), Formats.shortDateTime(s.lastSeen(), now));
        };
    }

    /** A marker in words for screen readers ("The account of bob.aide is blocked"), or null without one. */
    public static String badgeDescription(SessionColumn column, SessionRow row) {
        return switch (column) {
            case USERNAME -> row.userBlocked() ? Messages.format("sessions.badge.blocked.accessible", row.username()) : null;
            case DEVICE -> row.session().pendingSyncItems() > 0
                    ? Messages.format("sessions.badge.unsynced.accessible", row.session().pendingSyncItems()) : null;
            case APPLICATION -> row.session().superseded() ? Messages.get("sessions.badge.oldVersion.accessible") : null;
            default -> null;
        };
    }

    /** Markers: a blocked account, unsynced items on the device, an old app version. */
    public static Badge badge(SessionColumn column, SessionRow row) {
        return switch (column) {
            case USERNAME -> row.userBlocked() ? new Badge(Messages.get("sessions.badge.blocked"), "badge-danger") : null;
            case DEVICE -> row.session().pendingSyncItems() > 0
                    ? new Badge(Messages.format("sessions.badge.unsynced", row.session().pendingSyncItems()), "badge-warning") : null;
            case APPLICATION -> row.session().superseded() ? new Badge(Messages.get("sessions.badge.oldVersion"), "badge-muted") : null;
            default -> null;
        };
    }
}

package com.sessiondesk.client.common;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.api.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Push to the device in words: deliveries of a log out, and an ending session. */
public final class DeliveryTexts {

    private DeliveryTexts() {
    }

    /** "Signed out Bob Aide from 3 devices · Delivered to 2 of 3 devices". */
    public static String deliveredTo(String notification, int told, int total) {
        return Messages.format("logout.delivered", notification, told, total);
    }

    /** "2 of 3 told" for an action that ended sessions; "" for the others. */
    public static String summary(AuditEvent event) {
        if (event.deliveries() == null || event.deliveries().isEmpty()) {
            return "";
        }
        long told = event.deliveries().stream().filter(d -> d.deliveredAt() != null).count();
        return Messages.format("delivery.summary", told, event.deliveries().size());
    }

    /** "Waiting for the device since 14:02", or "Told at 14:02:05 (0.4 s after)". */
    public static String state(AuditEvent event, Delivery delivery, Instant now) {
        if (delivery.deliveredAt() == null) {
            return Messages.format("delivery.waiting", Formats.compactDateTime(event.at(), now));
        }
        long millis = Math.max(0, Duration.between(event.at(), delivery.deliveredAt()).toMillis());
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(Messages.locale());
        return Messages.format("delivery.told", time.format(delivery.deliveredAt().atZone(ZoneId.systemDefault())),
                after(millis));
    }

    /** "0.4 s after", "12 s after", "3 min after". */
    static String after(long millis) {
        if (millis < 10_000) {
            return Messages.format("delivery.after.seconds", String.format(Messages.locale(), "%.1f", millis / 1000.0));
        }
        if (millis < 120_000) {
            return Messages.format("delivery.after.seconds", Long.toString(millis / 1000));
        }
        return Messages.format("delivery.after.minutes", millis / 60_000);
    }

    /** Any device still waiting to be told. */
    public static boolean waiting(AuditEvent event) {
        return event.deliveries() != null && event.deliveries().stream().anyMatch(d -> d.deliveredAt() == null);
    }

    /** "Ending after sync: 3 items left, until 14:17" for a session logged out after sync. */
    public static String ending(Session session, Instant now) {
        return Messages.format("sessions.badge.ending", Math.max(0, session.pendingSyncItems()),
                Formats.compactDateTime(session.syncDeadline(), now));
    }

    /** "Session 1a2b3c4d" for a session this client did not list. */
    public static String unknownSession(String sessionId) {
        return Messages.format("delivery.session", sessionId.length() > 8 ? sessionId.substring(0, 8) : sessionId);
    }
}

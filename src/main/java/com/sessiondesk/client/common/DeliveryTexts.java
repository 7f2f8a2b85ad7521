package com.sessiondesk.client.common;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.api.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Push to the device in words (issue 9): deliveries of a log out, and an ending session. */
public final class DeliveryTexts {

    private static final DateTimeFormatter TIME_WITH_SECONDS = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault(Locale.Category.FORMAT));

    private DeliveryTexts() {
    }

    /** "Delivered to 2 of 3 devices". */
    public static String deliveredTo(int told, int total) {
        return "Delivered to " + told + " of " + Formats.count(total, "device", "devices");
    }

    /** "2 of 3 told" for an action that ended sessions; "" for the others. */
    public static String summary(AuditEvent event) {
        if (event.deliveries() == null || event.deliveries().isEmpty()) {
            return "";
        }
        long told = event.deliveries().stream().filter(d -> d.deliveredAt() != null).count();
        return told + " of " + event.deliveries().size() + " told";
    }

    /** "Waiting for the device since 14:02", or "Told at 14:02:05 (0.4 s after)". */
    public static String state(AuditEvent event, Delivery delivery, Instant now) {
        if (delivery.deliveredAt() == null) {
            return "Waiting for the device since " + Formats.compactDateTime(event.at(), now);
        }
        long millis = Math.max(0, Duration.between(event.at(), delivery.deliveredAt()).toMillis());
        return "Told at " + TIME_WITH_SECONDS.format(delivery.deliveredAt().atZone(ZoneId.systemDefault()))
                + " (" + after(millis) + ")";
    }

    /** "0.4 s after", "12 s after", "3 min after". */
    static String after(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s after", millis / 1000.0);
        }
        if (millis < 120_000) {
            return millis / 1000 + " s after";
        }
        return millis / 60_000 + " min after";
    }

    /** Any device still waiting to be told. */
    public static boolean waiting(AuditEvent event) {
        return event.deliveries() != null && event.deliveries().stream().anyMatch(d -> d.deliveredAt() == null);
    }

    /** "Ending after sync: 3 items left, until 14:17" for a session logged out after sync. */
    public static String ending(Session session, Instant now) {
        return "Ending after sync: " + Formats.count(Math.max(0, session.pendingSyncItems()), "item", "items")
                + " left, until " + Formats.compactDateTime(session.syncDeadline(), now);
    }

    public static final String ENDING_EXPLANATION = "Logged out after sync: the session ends once the device has "
            + "uploaded its unsynced work, at the latest at the time shown. Log out again to end it now.";
}

package com.sessiondesk.client.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How times and counts read in the client: local time zone, "Nov 27, 2026, 3:04 PM", "5 min ago". */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = forLocale(Locale.getDefault(Locale.Category.FORMAT));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withLocale(Locale.getDefault(Locale.Category.FORMAT));

    private static final DateTimeFormatter DAY_MONTH = dayMonth(Locale.getDefault(Locale.Category.FORMAT));

    private Formats() {
    }

    /** The locale's medium date without the year, e.g. "Nov 27" in en-US. */
    static DateTimeFormatter dayMonth(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.MEDIUM, null, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern.replaceAll("[^\\p{L}']*y+[^\\p{L}']*", " ").trim(), locale);
    }

    /**
     * A date and time that fits a narrow column and keeps the time of day: "3:04 PM" today,
     * "Nov 27, 3:04 PM" this year, the full {@link #dateTime} otherwise.
     */
    public static String compactDateTime(Instant instant, Instant now) {
        return compactDateTime(instant, now, ZoneId.systemDefault(), DATE_TIME, DAY_MONTH, TIME);
    }

    static String compactDateTime(Instant instant, Instant now, ZoneId zone, DateTimeFormatter full,
                                  DateTimeFormatter dayMonth, DateTimeFormatter time) {
        if (instant == null) {
            return "";
        }
        var at = instant.atZone(zone);
        var today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return time.format(at);
        }
        if (at.getYear() == today.getYear()) {
            return dayMonth.format(at) + ", " + time.format(at);
        }
        return full.format(at);
    }

    /** Medium date, short time in the locale's order, e.g. "Nov 27, 2026, 3:04 PM" in en-US. */
    static DateTimeFormatter forLocale(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.MEDIUM, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    public static String dateTime(Instant instant) {
        return dateTime(instant, ZoneId.systemDefault(), DATE_TIME);
    }

    static String dateTime(Instant instant, ZoneId zone, DateTimeFormatter formatter) {
        return instant == null ? "" : formatter.format(instant.atZone(zone));
    }

    /** The time alone when it is today ("3:04 PM"), else the full {@link #dateTime}. */
    public static String shortDateTime(Instant instant, Instant now) {
        return shortDateTime(instant, now, ZoneId.systemDefault(), DATE_TIME, TIME);
    }

    static String shortDateTime(Instant instant, Instant now, ZoneId zone, DateTimeFormatter full, DateTimeFormatter time) {
        if (instant == null) {
            return "";
        }
        boolean today = instant.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return today ? time.format(instant.atZone(zone)) : full.format(instant.atZone(zone));
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago"; a time slightly ahead (clock skew) is "just now". */
    public static String relative(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        long seconds = Duration.between(instant, now).getSeconds();
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = hours / 24;
        return days == 1 ? "1 day ago" : days + " days ago";
    }

    /** How a person is named in messages: their name, or their username when the name is missing. */
    public static String displayName(String name, String username) {
        return name == null || name.isBlank() ? username : name;
    }

    /** "1 session", "2 sessions". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}

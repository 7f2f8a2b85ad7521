package com.sessiondesk.client.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How times and counts read in the client, in the language and region of {@link Messages#locale()}
 * and the local time zone: "Nov 27, 2026, 3:04 PM" (full), "Nov 12, 1:27 PM" (compact), "5 min ago".
 */
public final class Formats {

    private static Locale formatsLocale;
    private static DateTimeFormatter dateTime;
    private static DateTimeFormatter compact;
    private static DateTimeFormatter time;

    private Formats() {
    }

    /** The formatters of the chosen locale, made once (and again if the locale changes, in tests). */
    private static synchronized void ensureLocale() {
        Locale locale = Messages.locale();
        if (!locale.equals(formatsLocale)) {
            dateTime = forLocale(locale);
            compact = compactForLocale(locale);
            time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
            formatsLocale = locale;
        }
    }

    /** Medium date, short time in the locale's order, e.g. "Nov 27, 2026, 3:04 PM" in en-US. */
    static DateTimeFormatter forLocale(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.MEDIUM, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    /**
     * The locale's medium date without the year, then its short time: "Nov 12, 1:27 PM" (en-US),
     * "12 nov, 13:27" (es-ES). For a narrow column; the full {@link #dateTime} goes in its tooltip.
     */
    static DateTimeFormatter compactForLocale(Locale locale) {
        String date = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.MEDIUM, null, IsoChronology.INSTANCE, locale);
        String withoutYear = date.replaceAll("[\\s,./-]*(?:'[^']*'\\s*)?y+[.]?", "").replaceAll("^[\\s,./-]+", "").strip();
        String clock = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                null, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(withoutYear + ", " + clock, locale);
    }

    public static String dateTime(Instant instant) {
        ensureLocale();
        return dateTime(instant, ZoneId.systemDefault(), dateTime);
    }

    static String dateTime(Instant instant, ZoneId zone, DateTimeFormatter formatter) {
        return instant == null ? "" : formatter.format(instant.atZone(zone));
    }

    /**
     * A date and time that fits a narrow column and keeps the time of day: "3:04 PM" today,
     * "Nov 12, 1:27 PM" this year, the full {@link #dateTime} otherwise ("Nov 12, 2025, 1:27 PM").
     */
    public static String compactDateTime(Instant instant, Instant now) {
        ensureLocale();
        return compactDateTime(instant, now, ZoneId.systemDefault(), compact, dateTime, time);
    }

    static String compactDateTime(Instant instant, Instant now, ZoneId zone, DateTimeFormatter compactFormat,
                                  DateTimeFormatter full, DateTimeFormatter timeOfDay) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        if (at.toLocalDate().equals(today.toLocalDate())) {
            return timeOfDay.format(at);
        }
        return at.getYear() == today.getYear() ? compactFormat.format(at) : full.format(at);
    }

    /** The time alone when it is today ("3:04 PM"), else the full {@link #dateTime}. */
    public static String shortDateTime(Instant instant, Instant now) {
        ensureLocale();
        return shortDateTime(instant, now, ZoneId.systemDefault(), dateTime, time);
    }

    static String shortDateTime(Instant instant, Instant now, ZoneId zone, DateTimeFormatter full, DateTimeFormatter time) {
        if (instant == null) {
            return "";
        }
        boolean today = instant.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return today ? time.format(instant.atZone(zone)) : full.format(instant.atZone(zone));
    }

    /** The time of day alone, "3:04 PM". */
    public static String time(Instant instant) {
        ensureLocale();
        return instant == null ? "" : time.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago" (in the chosen language); a time slightly ahead (clock skew) is "just now". */
    public static String relative(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        long seconds = Duration.between(instant, now).getSeconds();
        if (seconds < 60) {
            return Messages.get("time.justNow");
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return Messages.format("time.minutesAgo", minutes);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return Messages.format("time.hoursAgo", hours);
        }
        return Messages.format("time.daysAgo", hours / 24);
    }

    /** A whole number in the locale's digits and grouping: "10,397" (en), "10.397" (es). */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Messages.locale()).format(n);
    }

    /** How a person is named in messages: their name, or their username when the name is missing. */
    public static String displayName(String name, String username) {
        return name == null || name.isBlank() ? username : name;
    }

    /** "1 session", "2 sessions" (English only: prefer a {@code choice} text in {@link Messages}). */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}

package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");
    static final java.time.format.DateTimeFormatter TIME_US =
            java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(Locale.US);

    @Test
    void relativeTimes() {
        assertThat(Formats.relative(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(Formats.relative(NOW.plusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(Formats.relative(NOW.minusSeconds(5 * 60 + 30), NOW)).isEqualTo("5 min ago");
        assertThat(Formats.relative(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 h ago");
        assertThat(Formats.relative(NOW.minusSeconds(26 * 3600), NOW)).isEqualTo("1 day ago");
        assertThat(Formats.relative(NOW.minusSeconds(50 * 3600), NOW)).isEqualTo("2 days ago");
        assertThat(Formats.relative(null, NOW)).isEmpty();
    }

    @Test
    void dateTimeInTheLocalZone() {
        var us = Formats.forLocale(Locale.US);
        assertThat(Formats.dateTime(NOW, ZoneId.of("UTC"), us).replace('\u202f', ' ')).isEqualTo("Nov 27, 2026, 3:04 PM");
        assertThat(Formats.dateTime(NOW, ZoneId.of("America/New_York"), us).replace('\u202f', ' '))
                .isEqualTo("Nov 27, 2026, 10:04 AM");
    }

    /** Narrow columns keep the time of day. */
    @Test
    void compactDateTimesKeepTheTimeOfDay() {
        var utc = ZoneId.of("UTC");
        var full = Formats.forLocale(Locale.US);
        var compact = Formats.compactForLocale(Locale.US);
        var time = java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(Locale.US);
        assertThat(Formats.compactDateTime(NOW.minusSeconds(3600), NOW, utc, compact, full, time).replace('\u202f', ' '))
                .isEqualTo("2:04 PM");
        assertThat(Formats.compactDateTime(NOW.minusSeconds(3 * 86_400), NOW, utc, compact, full, time).replace('\u202f', ' '))
                .isEqualTo("Nov 24, 3:04 PM");
        assertThat(Formats.compactDateTime(Instant.parse("2025-12-31T09:00:00Z"), NOW, utc, compact, full, time)
                .replace('\u202f', ' ')).isEqualTo("Dec 31, 2025, 9:00 AM");
        assertThat(Formats.compactForLocale(Locale.GERMANY).format(NOW.atZone(utc))).isEqualTo("27.11, 15:04");
    }

    @Test
    void compactDateTimeDropsTheYearOfThisYear() {
        ZoneId utc = ZoneId.of("UTC");
        Instant login = Instant.parse("2026-11-12T13:27:00Z");
        assertThat(Formats.compactDateTime(login, NOW, utc, Formats.compactForLocale(Locale.US), Formats.forLocale(Locale.US), TIME_US)
                .replace('\u202f', ' ')).isEqualTo("Nov 12, 1:27 PM");
        var spain = Locale.forLanguageTag("es-ES");
        assertThat(Formats.compactDateTime(login, NOW, utc, Formats.compactForLocale(spain), Formats.forLocale(spain), TIME_US))
                .isEqualTo("12 nov, 13:27");
        assertThat(Formats.compactDateTime(Instant.parse("2025-11-12T13:27:00Z"), NOW, utc,
                Formats.compactForLocale(Locale.US), Formats.forLocale(Locale.US), TIME_US).replace('\u202f', ' '))
                .isEqualTo("Nov 12, 2025, 1:27 PM");
        assertThat(Formats.compactDateTime(NOW.minusSeconds(60), NOW, utc,
                Formats.compactForLocale(Locale.US), Formats.forLocale(Locale.US), TIME_US).replace('\u202f', ' '))
                .isEqualTo("3:03 PM");
        assertThat("Nov 12, 2025, 1:27 PM")
                .isEqualTo("Nov 12, 2025, 1:27 PM");
    }

    @Test
    void relativeTimesAndNumbersInSpanish() {
        Messages.use(Locale.forLanguageTag("es-ES"));
        try {
            assertThat(Formats.relative(NOW.minusSeconds(20), NOW)).isEqualTo("ahora mismo");
            assertThat(Formats.relative(NOW.minusSeconds(5 * 60 + 30), NOW)).isEqualTo("hace 5 min");
            assertThat(Formats.relative(NOW.minusSeconds(26 * 3600), NOW)).isEqualTo("hace 1 día");
            assertThat(Formats.relative(NOW.minusSeconds(50 * 3600), NOW)).isEqualTo("hace 2 días");
            assertThat(Formats.number(10_397)).isEqualTo("10.397");
            assertThat(Messages.format("sessions.count", 10_397, 1)).isEqualTo("10.397 sesiones · 1 usuario");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
        assertThat(Formats.number(10_397)).isEqualTo("10,397");
        assertThat(Messages.format("sessions.count", 1, 0)).isEqualTo("1 session · 0 users");
    }

    @Test
    void counts() {
        assertThat(Formats.count(1, "session", "sessions")).isEqualTo("1 session");
        assertThat(Formats.count(312, "session", "sessions")).isEqualTo("312 sessions");
    }
}

package com.sessiondesk.server.http;

import com.sessiondesk.server.store.ActiveSessionRow;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes the session list by hand, in 64 KB chunks. A list can hold 100,000 sessions (37 MB of JSON):
 * Gson's writer and {@code Instant.toString()} were most of the time of {@code GET /sessions}.
 * The output is what Gson writes for {@link com.sessiondesk.api.Session} with the shared adapters.
 */
final class SessionJson {

    private static final int CHUNK = 64 * 1024;

    private final Writer out;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;
    private boolean first = true;

    SessionJson(Writer out) {
        this.out = out;
        buffer.append("{\"sessions\":[");
    }

    void write(ActiveSessionRow row, boolean superseded) throws IOException {
        StringBuilder b = buffer;
        b.append(first ? "{\"id\":" : ",{\"id\":");
        first = false;
        string(row.id());
        b.append(",\"username\":");
        string(row.username());
        b.append(",\"name\":");
        string(row.name());
        b.append(",\"deviceId\":");
        string(row.deviceId());
        b.append(",\"deviceModel\":");
        string(row.deviceModel());
        b.append(",\"deviceOs\":");
        string(row.deviceOs());
        b.append(",\"application\":");
        string(row.application());
        b.append(",\"appVersion\":");
        string(row.appVersion());
        b.append(",\"language\":");
        string(row.language());
        b.append(",\"loginTime\":\"");
        instant(row.loginTime());
        b.append("\",\"lastSeen\":\"");
        instant(row.lastSeen());
        b.append("\",\"pendingSyncItems\":").append(row.pendingSyncItems());
        b.append(",\"superseded\":").append(superseded);
        if (row.address() != null) {
            b.append(",\"address\":");
            string(row.address());
        }
        if (row.syncDeadline() != null) {
            b.append(",\"syncDeadline\":\"");
            instant(row.syncDeadline());
            b.append('"');
        }
        b.append('}');
        if (b.length() >= CHUNK) {
            drain();
        }
    }

    void finish() throws IOException {
        finish(null);
    }

    /** Closes the list, with the change feed's {@code cursor} beside it when not null. */
    void finish(String cursor) throws IOException {
        buffer.append(']');
        if (cursor != null) {
            buffer.append(",\"cursor\":");
            string(cursor);
        }
        buffer.append('}');
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.append(buffer);
        buffer.setLength(0);
    }

    /** A JSON string; null is written as null (Gson would omit the field; our columns are NOT NULL). */
    private void string(String value) {
        StringBuilder b = buffer;
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /** Exactly {@code Instant.ofEpochMilli(millis).toString()} for years 1000 to 9999, without its allocations. */
    void instant(long millis) {
        StringBuilder b = buffer;
        long day = Math.floorDiv(millis, 86_400_000L);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                b.append(Instant.ofEpochMilli(millis));
                return;
            }
            cachedDay = day;
            cachedDate = date.toString();
        }
        int inDay = (int) Math.floorMod(millis, 86_400_000L);
        int ms = inDay % 1000;
        int seconds = inDay / 1000;
        b.append(cachedDate).append('T');
        two(seconds / 3600);
        b.append(':');
        two(seconds / 60 % 60);
        b.append(':');
        two(seconds % 60);
        if (ms != 0) {
            b.append('.');
            b.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
        }
        b.append('Z');
    }

    private void two(int value) {
        buffer.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** For tests: what was written so far and not yet drained. */
    String pending() {
        return buffer.toString();
    }
}

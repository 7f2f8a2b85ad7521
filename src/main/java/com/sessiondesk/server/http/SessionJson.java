package com.sessiondesk.server.http;

import com.google.gson.stream.JsonWriter;
import com.sessiondesk.api.Json;
import com.sessiondesk.server.store.ActiveSessionRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Streams the session list with Gson's {@link JsonWriter} (the shared {@link Json#GSON}'s settings), a
 * row at a time: a list can hold 100,000 sessions (37 MB of JSON) and is never held as one string.
 * The output is what Gson writes for a {@link com.sessiondesk.api.SessionList}: the fields of
 * {@link com.sessiondesk.api.Session} in their order, instants as {@code Instant.toString()}, null
 * fields left out.
 */
final class SessionJson {

    private static final int BUFFER = 64 * 1024;

    private final JsonWriter out;
    private final StringBuilder text = new StringBuilder(32);
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    SessionJson(Writer writer) throws IOException {
        this.out = Json.GSON.newJsonWriter(new BufferedWriter(writer, BUFFER));
        out.beginObject().name("sessions").beginArray();
    }

    void write(ActiveSessionRow row, boolean superseded) throws IOException {
        out.beginObject();
        out.name("id").value(row.id());
        out.name("username").value(row.username());
        out.name("name").value(row.name());
        out.name("deviceId").value(row.deviceId());
        out.name("deviceModel").value(row.deviceModel());
        out.name("deviceOs").value(row.deviceOs());
        out.name("application").value(row.application());
        out.name("appVersion").value(row.appVersion());
        out.name("language").value(row.language());
        out.name("loginTime").value(instant(row.loginTime()));
        out.name("lastSeen").value(instant(row.lastSeen()));
        out.name("pendingSyncItems").value(row.pendingSyncItems());
        out.name("superseded").value(superseded);
        out.name("address").value(row.address());
        out.name("syncDeadline").value(row.syncDeadline() == null ? null : instant(row.syncDeadline()));
        out.name("newDevice").value(row.newDevice());
        out.name("newAddress").value(row.newAddress());
        out.endObject();
    }

    void finish() throws IOException {
        finish(null);
    }

    /** Closes the list, with the change feed's {@code cursor} beside it when not null. */
    void finish(String cursor) throws IOException {
        out.endArray();
        out.name("cursor").value(cursor);
        out.endObject();
        out.flush();
    }

    /**
     * Exactly {@code Instant.ofEpochMilli(millis).toString()} (what the shared Gson writes), with the
     * date part kept from the last row: formatting 300,000 instants was most of the list's time.
     */
    String instant(long millis) {
        long day = Math.floorDiv(millis, 86_400_000L);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                return Instant.ofEpochMilli(millis).toString();
            }
            cachedDay = day;
            cachedDate = date.toString();
        }
        int inDay = (int) Math.floorMod(millis, 86_400_000L);
        int ms = inDay % 1000;
        int seconds = inDay / 1000;
        StringBuilder b = text;
        b.setLength(0);
        b.append(cachedDate).append('T');
        two(b, seconds / 3600).append(':');
        two(b, seconds / 60 % 60).append(':');
        two(b, seconds % 60);
        if (ms != 0) {
            b.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
                    .append((char) ('0' + ms % 10));
        }
        return b.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}

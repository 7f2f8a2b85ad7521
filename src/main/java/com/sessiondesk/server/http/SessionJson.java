package com.sessiondesk.server.http;

import com.google.gson.stream.JsonWriter;
import com.sessiondesk.api.Json;
import com.sessiondesk.server.store.ActiveSessionRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

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

    private static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}

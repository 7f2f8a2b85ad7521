package com.sessiondesk.api;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/**
 * Whether the device of a session an admin action ended (or made ending) has been told:
 * {@code deliveredAt} is null while the service waits for the device, and is written as
 * {@code null} (not left out), since "not yet" is the point. {@code channel} says how it was told:
 * {@code stream} (the event was written to its open event stream) or {@code response} (an answer to
 * its next request); absent while waiting. {@code device} is the model of the session's device, so
 * History can say which device an action ended.
 */
@JsonAdapter(Delivery.Adapter.class)
public record Delivery(String sessionId, Instant deliveredAt, String channel, String device) {

    public Delivery(String sessionId, Instant deliveredAt, String channel) {
        this(sessionId, deliveredAt, channel, null);
    }

    static final class Adapter extends TypeAdapter<Delivery> {
        @Override
        public void write(JsonWriter out, Delivery value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            out.beginObject();
            out.name("sessionId").value(value.sessionId());
            out.name("deliveredAt");
            if (value.deliveredAt() == null) {
                boolean serializeNulls = out.getSerializeNulls();
                out.setSerializeNulls(true);
                out.nullValue();
                out.setSerializeNulls(serializeNulls);
            } else {
                out.value(value.deliveredAt().toString());
            }
            if (value.channel() != null) {
                out.name("channel").value(value.channel());
            }
            if (value.device() != null) {
                out.name("device").value(value.device());
            }
            out.endObject();
        }

        @Override
        public Delivery read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String sessionId = null;
            Instant deliveredAt = null;
            String channel = null;
            String device = null;
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    continue;
                }
                switch (name) {
                    case "sessionId" -> sessionId = in.nextString();
                    case "deliveredAt" -> deliveredAt = Json.GSON.fromJson(in, Instant.class);
                    case "channel" -> channel = in.nextString();
                    case "device" -> device = in.nextString();
                    default -> in.skipValue();
                }
            }
            in.endObject();
            return new Delivery(sessionId, deliveredAt, channel, device);
        }
    }
}

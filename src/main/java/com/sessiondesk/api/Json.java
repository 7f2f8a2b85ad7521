package com.sessiondesk.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The one Gson of both sides: ISO-8601 instants (reflection into java.time fails on Java 17). */
public final class Json {

    public static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** Writes instants as {@code 2026-11-27T15:04:05Z} (UTC, second precision when exact). */
    static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                throw new JsonParseException("expected an ISO-8601 instant at " + in.getPath());
            }
            String text = in.nextString();
            Instant quick = parseUtc(text);
            if (quick != null) {
                return quick;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new JsonParseException("not an ISO-8601 instant: " + text, e);
            }
        }

        /**
         * The shape this API writes, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, without
         * {@code Instant.parse}'s formatter machinery (it was most of the time of reading a session
         * list in a cold JVM). Null for any other text (and out-of-range fields, leap seconds
         * included), which then goes to {@code Instant.parse}: the same instants, the same errors.
         */
        static Instant parseUtc(String text) {
            int length = text.length();
            if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                    || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
                return null;
            }
            int nanos = 0;
            if (length > 20) {
                int digits = length - 21;
                if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                    return null;
                }
                int fraction = digits(text, 20, length - 1);
                if (fraction < 0) {
                    return null;
                }
                nanos = fraction;
                for (int i = digits; i < 9; i++) {
                    nanos *= 10;
                }
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if ((year | month | day | hour | minute | second) < 0) {
                return null;
            }
            try {
                return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return null;
            }
        }

        /** The decimal value of text[from, to), or -1 if any of it is not an ASCII digit. */
        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}

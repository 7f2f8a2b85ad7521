package com.sessiondesk.server.http;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.Json;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies: size-limited, strict JSON, strict types (Gson would otherwise turn
 * {@code "yes"} into {@code false} and {@code 12} into {@code "12"}). Unknown fields are ignored.
 */
public final class RequestJson {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The bulk log out's limit: 100,000 session ids. */
    public static final int MAX_BULK_BODY_BYTES = 8 * 1024 * 1024;

    private static final Gson STRICT = Json.GSON.newBuilder()
            .registerTypeAdapter(String.class, new StrictString().nullSafe())
            .registerTypeAdapter(Boolean.class, new StrictBoolean().nullSafe())
            .registerTypeAdapter(Integer.class, new StrictInteger().nullSafe())
            .create();

    private RequestJson() {
    }

    /** The body as {@code type}; 400 when it is missing, too large or malformed. */
    public static <T> T required(Context ctx, Class<T> type) {
        T value = optional(ctx, type);
        if (value == null) {
            throw ApiException.invalid("A JSON object body is required.");
        }
        return value;
    }

    /** The body as {@code type}, up to {@code maxBytes}; 400 when it is missing, too large or malformed. */
    public static <T> T required(Context ctx, Class<T> type, int maxBytes) {
        T value = parse(ctx, readLimited(ctx, maxBytes), type);
        if (value == null) {
            throw ApiException.invalid("A JSON object body is required.");
        }
        return value;
    }

    /** The body as {@code type}, or null when there is none (empty or {@code null}). */
    public static <T> T optional(Context ctx, Class<T> type) {
        return parse(ctx, readLimited(ctx, MAX_BODY_BYTES), type);
    }

    private static <T> T parse(Context ctx, byte[] bytes, Class<T> type) {
        if (bytes.length > 0 && !isJson(ctx.req().getContentType())) {
            // A web page can send text/plain or a form across origins without a preflight: only
            // application/json is read, so the browser's CORS checks always apply.
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be sent as Content-Type: application/json.");
        }
        if (isBlank(bytes)) {
            return null;
        }
        try {
            JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8));
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() == JsonToken.NULL) {
                return null;
            }
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw ApiException.invalid("The body must be a JSON object.");
            }
            T value = STRICT.fromJson(reader, type);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiException.invalid("Malformed JSON: unexpected data after the object.");
            }
            return value;
        } catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
            throw ApiException.invalid("Malformed JSON body: " + shortMessage(e));
        }
    }

    /** application/json, with or without parameters (charset=utf-8). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip();
        return type.equalsIgnoreCase("application/json");
    }

    private static byte[] readLimited(Context ctx, int maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            // Exact size when declared (the usual case: no copying); otherwise read one byte past the limit.
            byte[] bytes = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes || declared >= 0 && in.read() != -1) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.invalid("The body could not be read.");
        }
    }

    private static ApiException tooLarge(int maxBytes) {
        return ApiException.invalid("The body is too large (at most " + maxBytes / 1024 + " KB).");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Gson's message without class names or its advice to be lenient: "expected a string at
     * $.reason", "Unterminated object at line 1 column 13 path $.reason".
     */
    static String shortMessage(Exception e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        message = message.replaceAll("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(Exception|Error): ", "");
        message = message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "syntax error");
        int cut = message.indexOf("\nSee https://");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = message.replaceAll("Exception|Error", "problem").strip();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static final class StrictString extends TypeAdapter<String> {
        @Override
        public void write(JsonWriter out, String value) throws IOException {
            out.value(value);
        }

        @Override
        public String read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                throw new JsonParseException("expected a string at " + in.getPath());
            }
            return in.nextString();
        }
    }

    private static final class StrictBoolean extends TypeAdapter<Boolean> {
        @Override
        public void write(JsonWriter out, Boolean value) throws IOException {
            out.value(value);
        }

        @Override
        public Boolean read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.BOOLEAN) {
                throw new JsonParseException("expected true or false at " + in.getPath());
            }
            return in.nextBoolean();
        }
    }

    private static final class StrictInteger extends TypeAdapter<Integer> {
        @Override
        public void write(JsonWriter out, Integer value) throws IOException {
            out.value(value);
        }

        @Override
        public Integer read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.NUMBER) {
                throw new JsonParseException("expected an integer at " + in.getPath());
            }
            String text = in.nextString();
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new JsonParseException("expected an integer at " + in.getPath() + ", got " + text);
            }
        }
    }
}

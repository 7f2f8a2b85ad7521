package com.sessiondesk.api;

import java.io.Closeable;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A minimal Server-Sent Events reader for {@code GET /api/v1/mobile/events} over OkHttp, as a
 * mobile app would hold it: one reading thread per stream (the simulator's devices and the tests
 * use it). Events are dispatched with their name and data; comments (keep-alives) are skipped.
 */
public final class EventStream implements Closeable {

    /** What a stream reports; called on its reading thread. */
    public interface Listener {

        /** The server accepted the stream (200). */
        default void opened() {
        }

        void event(String name, String data);

        /** The server refused the stream: {@code status} and the error body (e.g. 401 session_ended). */
        void refused(int status, String body);

        /** The stream ended: by the server ({@code failure} null) or by a network failure. */
        void closed(IOException failure);
    }

    public static final String PATH = "api/v1/mobile/events";

    private final Call call;
    private volatile boolean cancelled;

    private EventStream(Call call) {
        this.call = call;
    }

    /**
     * Opens the stream of a session on a new daemon thread.
     *
     * @param baseUrl the server's root ({@code http://host:port/})
     */
    public static EventStream open(OkHttpClient http, String baseUrl, String token, Listener listener,
            String threadName) {
        String root = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        Request request = new Request.Builder().url(root + PATH)
                .header("Authorization", SessionDeskApi.bearer(token))
                .header("Accept", "text/event-stream")
                .build();
        EventStream stream = new EventStream(http.newCall(request));
        Thread reader = new Thread(null, () -> stream.read(listener), threadName, 256 * 1024);
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private void read(Listener listener) {
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                listener.refused(response.code(), body == null ? "" : body.string());
                return;
            }
            listener.opened();
            BufferedSource source = body.source();
            String event = "message";
            StringBuilder data = null;
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        listener.event(event, data.toString());
                    }
                    event = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    continue; // a comment: keep-alive
                } else if (line.startsWith("event:")) {
                    event = value(line, 6);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(value(line, 5));
                }
            }
            listener.closed(null);
        } catch (IOException e) {
            if (!cancelled) {
                listener.closed(e);
            }
        }
    }

    private static String value(String line, int from) {
        return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
    }

    /** Closes the stream from this side (the listener is not called). */
    @Override
    public void close() {
        cancelled = true;
        call.cancel();
    }
}

package com.sessiondesk.api;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.BiConsumer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.internal.sse.ServerSentEventReader;

/**
 * The stream of {@code GET /api/v1/mobile/events} as a mobile app holds it: one reading thread per
 * stream (the simulator's devices and the tests use it); okhttp-sse's reader reads the events. Events are
 * dispatched with their name and data; comments (keep-alives) are skipped.
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
            readEvents(body, listener::event);
            listener.closed(null);
        } catch (IOException e) {
            if (!cancelled) {
                listener.closed(e);
            }
        }
    }

    /**
     * Reads text/event-stream events until the end of {@code body}, on the calling thread, with
     * okhttp-sse's reader: each event's name ({@code message} when it has none) and data; comments
     * (keep-alives) and {@code retry:} are skipped. (Its own {@code EventSources.processResponse}
     * fails in OkHttp 4.12 on a response it did not fetch itself; the asynchronous
     * {@code EventSources.createFactory} would put every stream on OkHttp's dispatcher, five per host.)
     */
    public static void readEvents(ResponseBody body, BiConsumer<String, String> onEvent) throws IOException {
        ServerSentEventReader reader = new ServerSentEventReader(body.source(), new ServerSentEventReader.Callback() {
            @Override
            public void onEvent(String id, String type, String data) {
                onEvent.accept(type == null ? "message" : type, data);
            }

            @Override
            public void onRetryChange(long timeMs) {
                // the stream's users decide when to reconnect
            }
        });
        while (reader.processNextEvent()) {
            // each call dispatches at most one event
        }
    }

    /** Closes the stream from this side (the listener is not called). */
    @Override
    public void close() {
        cancelled = true;
        call.cancel();
    }
}

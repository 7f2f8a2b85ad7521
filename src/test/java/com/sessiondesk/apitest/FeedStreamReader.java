package com.sessiondesk.apitest;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.EventStream;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.SessionChanges;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Follows an admin's change feed as a stream ({@code GET /api/v1/sessions/stream}) on a thread of its
 * own, as the live console does, and hands over the alerts that arrive, each with when it arrived.
 */
public final class FeedStreamReader implements AutoCloseable {

    /** An alert as the stream brought it, and {@link System#nanoTime} then. */
    public record Arrived(Alert alert, long atNanos) {
    }

    private final BlockingQueue<Arrived> alerts = new LinkedBlockingQueue<>();
    private final Call<ResponseBody> call;
    private final Thread reader;

    private FeedStreamReader(Call<ResponseBody> call) {
        this.call = call;
        this.reader = new Thread(this::read, "test-feed-stream");
        reader.setDaemon(true);
    }

    /** Opens the stream of {@code baseUrl} from {@code cursor} with an admin token. */
    public static FeedStreamReader open(String baseUrl, String adminToken, String cursor) {
        FeedStreamReader stream = new FeedStreamReader(Api.withToken(baseUrl, adminToken).sessionStream(cursor, null));
        stream.reader.start();
        return stream;
    }

    private void read() {
        try {
            Response<ResponseBody> response = call.execute();
            if (!response.isSuccessful() || response.body() == null) {
                return;
            }
            try (ResponseBody body = response.body()) {
                EventStream.readEvents(body, (name, data) -> {
                    if (name.equals("changes")) {
                        long at = System.nanoTime();
                        for (Alert alert : Json.GSON.fromJson(data, SessionChanges.class).alerts()) {
                            alerts.add(new Arrived(alert, at));
                        }
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // closed by the test, or the service stopped
        }
    }

    /** The next alert that matches, with its arrival time; null after {@code limit}. */
    public Arrived next(Duration limit, Predicate<Alert> wanted) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            Arrived arrived = alerts.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (arrived == null || wanted.test(arrived.alert())) {
                return arrived;
            }
        }
    }

    /** The next alert that matches; null after {@code limit}. */
    public Alert nextAlert(Duration limit, Predicate<Alert> wanted) throws InterruptedException {
        Arrived arrived = next(limit, wanted);
        return arrived == null ? null : arrived.alert();
    }

    @Override
    public void close() {
        call.cancel();
    }
}

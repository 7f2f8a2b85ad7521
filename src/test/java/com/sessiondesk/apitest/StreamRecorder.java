package com.sessiondesk.apitest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sessiondesk.api.EventStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** Holds a device's event stream and records what arrives, with the time it arrived. */
final class StreamRecorder implements EventStream.Listener, AutoCloseable {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60))
            .addNetworkInterceptor(new ContractInterceptor(ContractValidator.OPENAPI))
            .build();

    /** One event as the device received it. */
    record Received(String name, JsonObject data, long atNanos) {
    }

    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int refusedStatus;
    private volatile String refusedBody;
    private final EventStream stream;

    private StreamRecorder(String baseUrl, String token) {
        stream = EventStream.open(HTTP, baseUrl, token, this, "test-device-stream");
    }

    /** Opens the stream and waits for its {@code ready} event. */
    static StreamRecorder open(String baseUrl, String token) throws InterruptedException {
        StreamRecorder recorder = new StreamRecorder(baseUrl, token);
        Received ready = recorder.next(5_000);
        if (ready == null || !ready.name().equals("ready")) {
            throw new AssertionError("no ready event: " + ready + ", refused " + recorder.refusedStatus + " "
                    + recorder.refusedBody);
        }
        return recorder;
    }

    /** The next event, or null after {@code millis}. */
    Received next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void event(String name, String data) {
        events.add(new Received(name, JsonParser.parseString(data).getAsJsonObject(), System.nanoTime()));
    }

    @Override
    public void refused(int status, String body) {
        refusedStatus = status;
        refusedBody = body;
        closed.countDown();
    }

    @Override
    public void closed(IOException failure) {
        closed.countDown();
    }

    int refusedStatus() {
        return refusedStatus;
    }

    String refusedBody() {
        return refusedBody;
    }

    @Override
    public void close() {
        stream.close();
    }
}

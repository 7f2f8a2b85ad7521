package com.sessiondesk.server.http;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.server.store.JdbcStore;
import io.javalin.http.sse.SseClient;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push form of the change feed ({@code GET /api/v1/sessions/stream}, Server-Sent Events). The
 * feed lives in the database, so a change made through another instance must be noticed here too:
 * one thread per instance reads the feed's position every {@link #CHECK_MILLIS} ms (one tiny query)
 * and, when it moved, sends each connected client the changes after its own cursor. A write of this
 * instance ({@link #wake}: the heartbeat flush) has it look at once, on the same thread, so the
 * changes of this instance go out as soon as they are committed. While streams are
 * connected a comment goes out every 15 s so that proxies keep the connection open. A stream is closed
 * after {@link #MAX_STREAM_MILLIS}, so that its admin token is checked again when the client reconnects
 * (with {@code Last-Event-ID}: nothing is lost). A stream ends with the right to it: at every check
 * one more query asks the database which of the streams' admin tokens
 * still give access, and the streams of a token revoked through any instance (sign-out, block,
 * demotion, password set) are closed; the client's reconnection is then refused with 401.
 */
final class FeedStreams implements AutoCloseable {

    static final long CHECK_MILLIS = 200;
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    static final long MAX_STREAM_MILLIS = 5 * 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(FeedStreams.class);

    /** One connected console and the cursor it has received up to. */
    private static final class Stream {
        final SseClient client;
        final String tokenHash;
        final long openedAt = System.currentTimeMillis();
        volatile String cursor;

        Stream(SseClient client, String tokenHash, String cursor) {
            this.client = client;
            this.tokenHash = tokenHash;
            this.cursor = cursor;
        }
    }

    private final JdbcStore store;
    private final CopyOnWriteArrayList<Stream> streams = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService checker;
    private String lastPosition;
    private long lastSent = System.currentTimeMillis();

    FeedStreams(JdbcStore store) {
        this.store = store;
    }

    /**
     * Sends the first changes (possibly none: the console then knows it is live) and follows the
     * feed while the admin token {@code tokenHash} gives access.
     */
    synchronized void open(SseClient client, String tokenHash, SessionChanges first) {
        client.keepAlive();
        Stream stream = new Stream(client, tokenHash, first.cursor());
        client.onClose(() -> streams.remove(stream));
        send(stream, first);
        streams.add(stream);
        if (checker == null) {
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sessiondesk-feed-streams");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A change was committed here: look now rather than at the next check (no-op without streams). */
    synchronized void wake() {
        if (checker != null && !streams.isEmpty()) {
            try {
                checker.execute(this::check);
            } catch (RejectedExecutionException closed) {
                // the server is stopping
            }
        }
    }

    private void check() {
        if (streams.isEmpty()) {
            return;
        }
        try {
            closeRevoked();
            String position = store.sessionFeedCursor();
            boolean moved = !position.equals(lastPosition);
            lastPosition = position;
            long now = System.currentTimeMillis();
            for (Stream stream : streams) {
                if (stream.client.terminated()) {
                    streams.remove(stream);
                } else if (now - stream.openedAt >= MAX_STREAM_MILLIS) {
                    stream.client.close(); // the client reconnects with Last-Event-ID and its token is checked
                    streams.remove(stream);
                } else if (moved || !position.equals(stream.cursor)) {
                    catchUp(stream);
                } else if (now - lastSent >= KEEP_ALIVE_MILLIS) {
                    stream.client.sendComment("keep-alive");
                }
            }
            if (moved || now - lastSent >= KEEP_ALIVE_MILLIS) {
                lastSent = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the session feed for {} streams, will retry: {}", streams.size(),
                    e.getMessage());
        }
    }

    /** Closes the streams whose admin token no longer gives access. */
    private void closeRevoked() {
        Set<String> held = new HashSet<>();
        for (Stream stream : streams) {
            held.add(stream.tokenHash);
        }
        Set<String> live = store.liveAdminTokens(held);
        for (Stream stream : streams) {
            if (!live.contains(stream.tokenHash)) {
                stream.client.close(); // the reconnection is refused (401): the right to the stream ended
                streams.remove(stream);
            }
        }
    }

    private void catchUp(Stream stream) {
        Optional<SessionChanges> changes = store.sessionChanges(stream.cursor);
        if (changes.isEmpty()) { // pruned under a stalled stream: the console reloads
            stream.client.sendEvent("cursor_expired", Json.GSON.toJson(ErrorBody.of(ErrorCode.CURSOR_EXPIRED,
                    "This cursor is too old. Reload the list and follow its cursor.")), null);
            stream.client.close();
            streams.remove(stream);
            return;
        }
        SessionChanges next = changes.get();
        if (!next.upserted().isEmpty() || !next.ended().isEmpty() || !next.blockChanges().isEmpty()
                || !next.deviceBlockChanges().isEmpty() || !next.alerts().isEmpty()) {
            send(stream, next);
        }
        stream.cursor = next.cursor();
    }

    private static void send(Stream stream, SessionChanges changes) {
        stream.client.sendEvent("changes", Json.GSON.toJson(changes), changes.cursor());
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
        for (Stream stream : streams) {
            stream.client.close();
        }
        streams.clear();
    }
}

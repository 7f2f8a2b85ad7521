package com.sessiondesk.server.push;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.ReadyEvent;
import com.sessiondesk.api.SessionEndedEvent;
import com.sessiondesk.api.SyncThenLogoutEvent;
import com.sessiondesk.server.store.Records.SessionSignal;
import com.sessiondesk.server.store.JdbcStore;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open event streams of this instance ({@code GET /api/v1/mobile/events}), one per session, and
 * the one thread that tells them. A stream holds no thread: Javalin keeps the request open
 * asynchronously ({@link SseClient#keepAlive()}), and this class writes to it.
 *
 * <p>Every {@value #POLL_MILLIS} ms one indexed query reads the sessions ended, or made ending,
 * since the previous look (with {@value #OVERLAP_MILLIS} ms of overlap for transactions that
 * commit late), whichever instance ended them: what this instance's streams hold is told at once.
 * Nothing is passed in memory only, so a log out through another instance on the same database
 * reaches a stream here within a poll. The deadlines of ending sessions are watched here too.
 */
public final class DeviceStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStreams.class);

    public static final long POLL_MILLIS = 250;
    static final long OVERLAP_MILLIS = 5_000;
    /** A comment line this often keeps proxies and Jetty's idle timeout (30 s) from closing a quiet stream. */
    public static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final long FINISH_DUE_MILLIS = 1_000;

    public static final String READY = "ready";
    public static final String SESSION_ENDED = "session_ended";
    public static final String SYNC_THEN_LOGOUT = "sync_then_logout";

    private final JdbcStore store;
    private final Clock clock;
    private final Map<String, DeviceStream> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    private long lastPoll;
    private long lastKeepAliveNanos = System.nanoTime();
    private long lastFinishDue;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean recordQueued = new AtomicBoolean();
    private final Queue<Map.Entry<String, Long>> toldByResponse = new ConcurrentLinkedQueue<>();

    public DeviceStreams(JdbcStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lastPoll = clock.millis();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sessiondesk-device-streams");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        poller.scheduleWithFixedDelay(this::tickSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** How many streams this instance holds. */
    public int size() {
        return open.size();
    }

    /**
     * Holds the stream of a session (a newer stream of the same session replaces the older one) and
     * tells it at once what is already true: {@code ready}, and {@code sync_then_logout} when the
     * session is ending.
     */
    public void open(String sessionId, Long endAfter, SseClient client) {
        DeviceStream stream = new DeviceStream(sessionId, client);
        client.onClose(() -> open.remove(sessionId, stream));
        DeviceStream previous = open.put(sessionId, stream);
        if (previous != null) {
            previous.close();
        }
        stream.send(READY, Json.GSON.toJson(new ReadyEvent(sessionId)));
        if (endAfter != null) {
            long now = clock.millis();
            store.sessionSignal(sessionId).ifPresent(signal -> {
                if (tell(stream, signal, now)) {
                    store.markDelivered(List.of(sessionId), "stream", now);
                }
            });
        }
    }

    /**
     * The answer to a request of this session told its device (401 {@code session_ended}, or a
     * heartbeat's {@code sync_then_logout}): recorded on this class's thread, so the answer is not
     * held up by a write.
     */
    public void toldByResponse(String sessionId, long now) {
        toldByResponse.add(Map.entry(sessionId, now));
        if (recordQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::recordToldByResponse);
            } catch (RejectedExecutionException e) {
                recordQueued.set(false); // closing: recorded by close()
            }
        }
    }

    private void recordToldByResponse() {
        recordQueued.set(false);
        Map<Long, List<String>> byTime = new TreeMap<>();
        for (Map.Entry<String, Long> told; (told = toldByResponse.poll()) != null; ) {
            byTime.computeIfAbsent(told.getValue(), t -> new ArrayList<>()).add(told.getKey());
        }
        try {
            byTime.forEach((now, ids) -> store.markDelivered(ids, "response", now));
        } catch (RuntimeException e) {
            LOG.warn("Device streams: could not record {} deliveries: {}", byTime.size(), e.toString());
        }
    }

    /** Looks at the database now rather than at the next poll (after an action through this instance). */
    public void wake() {
        if (!open.isEmpty() && wakeQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    wakeQueued.set(false);
                    tickSafely();
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false); // closing
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Device streams: poll failed, will retry: {}", e.toString());
        }
    }

    /** One look at the database; package-private for tests. */
    synchronized void tick() {
        long now = clock.millis();
        long since = lastPoll - OVERLAP_MILLIS;
        lastPoll = now;
        List<String> told = new ArrayList<>();
        if (!open.isEmpty()) {
            for (SessionSignal signal : store.sessionSignalsSince(since)) {
                DeviceStream stream = open.get(signal.sessionId());
                if (stream != null && tell(stream, signal, now)) {
                    told.add(signal.sessionId());
                }
            }
            for (DeviceStream stream : open.values()) {
                SessionSignal ending = stream.ending();
                if (ending != null && ending.endedAt(now) && tell(stream, ending, now)) {
                    told.add(stream.sessionId());
                }
            }
        }
        if (System.nanoTime() - lastKeepAliveNanos >= KEEP_ALIVE_MILLIS * 1_000_000) {
            lastKeepAliveNanos = System.nanoTime();
            for (DeviceStream stream : open.values()) {
                stream.comment("keep-alive");
            }
        }
        if (now - lastFinishDue >= FINISH_DUE_MILLIS || now < lastFinishDue) {
            lastFinishDue = now;
            store.finishDueEndings(now);
        }
        store.markDelivered(told, "stream", now);
    }

    /** Writes what changed to the stream; true when an event was written. Ended: the stream closes. */
    private boolean tell(DeviceStream stream, SessionSignal signal, long now) {
        Instant blockedUntil = signal.blockedUntil() == null ? null : Instant.ofEpochMilli(signal.blockedUntil());
        if (signal.endedAt(now)) {
            open.remove(stream.sessionId(), stream);
            boolean sent = stream.send(SESSION_ENDED, Json.GSON.toJson(new SessionEndedEvent(stream.sessionId(),
                    signal.reason(), signal.blocked(), blockedUntil)));
            stream.close();
            return sent;
        }
        if (signal.endAfter() != null && stream.tellEnding(signal)) {
            return stream.send(SYNC_THEN_LOGOUT, Json.GSON.toJson(new SyncThenLogoutEvent(stream.sessionId(),
                    Instant.ofEpochMilli(signal.endAfter()), signal.reason(), signal.blocked(), blockedUntil)));
        }
        return false;
    }

    /** Stops polling and closes every stream (before Jetty stops, so it need not wait for them). */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DeviceStream stream : List.copyOf(open.values())) {
            stream.close();
        }
        open.clear();
        recordToldByResponse();
    }

    /** One open stream; writes are serialized (the poller and the request thread may both write). */
    private static final class DeviceStream {

        private final String sessionId;
        private final SseClient client;
        private SessionSignal ending;

        DeviceStream(String sessionId, SseClient client) {
            this.sessionId = sessionId;
            this.client = client;
        }

        String sessionId() {
            return sessionId;
        }

        synchronized SessionSignal ending() {
            return ending;
        }

        /** Remembers the ending; false when this deadline was told already. */
        synchronized boolean tellEnding(SessionSignal signal) {
            if (ending != null && ending.endAfter().equals(signal.endAfter())) {
                return false;
            }
            ending = signal;
            return true;
        }

        synchronized boolean send(String event, String json) {
            if (client.terminated()) {
                return false;
            }
            client.sendEvent(event, json);
            return !client.terminated();
        }

        synchronized void comment(String text) {
            if (!client.terminated()) {
                client.sendComment(text);
            }
        }

        synchronized void close() {
            client.close();
        }
    }
}

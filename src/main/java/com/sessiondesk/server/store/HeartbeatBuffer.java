package com.sessiondesk.server.store;

import com.sessiondesk.server.store.Records.Heartbeat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces Last Seen and unsynced-item counts in memory and writes them in one batch per flush
 * (twice a second by default, and on close). Only the write is deferred: a session's state is always read
 * from the database, so a forced log out is never hidden by this buffer, and the batched UPDATE
 * touches only sessions still active, so a flush cannot revive an ended one. The flush also writes
 * the change-feed rows of these moves ({@link SessionFeed}: Last Seen moved 30 s or more, or the
 * unsynced count or the address changed).
 */
public final class HeartbeatBuffer {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatBuffer.class);

    private final JdbcStore store;
    private final ConcurrentHashMap<String, Heartbeat> pending = new ConcurrentHashMap<>();
    private final List<Runnable> afterWrite = new CopyOnWriteArrayList<>();
    /** {@link System#nanoTime} when the oldest heartbeat not yet written arrived, or {@link #NONE}. */
    private final AtomicLong waitingSince = new AtomicLong(NONE);
    private static final long NONE = Long.MIN_VALUE;

    public HeartbeatBuffer(JdbcStore store) {
        this.store = store;
    }

    /**
     * Runs {@code listener} after each flush that wrote something, on the flushing thread (the
     * feed's push streams look at once, instead of at their next check). It must return quickly.
     */
    public void afterWrite(Runnable listener) {
        afterWrite.add(listener);
    }

    /** Records a sign of life; a null count keeps the last one reported. */
    public void record(String sessionId, long now, Integer pendingSyncItems) {
        record(sessionId, now, pendingSyncItems, null);
    }

    /** Records a sign of life from a network address; a null count or address keeps the last one. */
    public void record(String sessionId, long now, Integer pendingSyncItems, String address) {
        Heartbeat beat = new Heartbeat(now, pendingSyncItems, address);
        pending.merge(sessionId, beat, HeartbeatBuffer::combine);
        waitingSince.compareAndSet(NONE, System.nanoTime());
    }

    /**
     * How long the oldest heartbeat still buffered has waited to be written (and so to reach the change
     * feed), in seconds; 0 when none waits. Under a flush interval normally; it grows while writes fail.
     */
    public double waitingSeconds() {
        long since = waitingSince.get();
        return since == NONE ? 0 : (System.nanoTime() - since) / 1e9;
    }

    private static Heartbeat combine(Heartbeat older, Heartbeat newer) {
        long lastSeen = Math.max(older.lastSeen(), newer.lastSeen());
        Integer items = newer.pendingSyncItems() != null ? newer.pendingSyncItems() : older.pendingSyncItems();
        String address = newer.address() != null ? newer.address() : older.address();
        return new Heartbeat(lastSeen, items, address);
    }

    /** Writes what is buffered. Safe to call from several threads; failures are logged and retried next time. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        long takenAt = System.nanoTime();
        Map<String, Heartbeat> batch = new HashMap<>(pending.size() * 2);
        for (String sessionId : pending.keySet()) {
            Heartbeat beat = pending.remove(sessionId);
            if (beat != null) {
                batch.put(sessionId, beat);
            }
        }
        try {
            store.recordHeartbeats(batch);
        } catch (RuntimeException e) {
            LOG.warn("Could not write {} heartbeats, will retry: {}", batch.size(), e.getMessage());
            batch.forEach((id, beat) -> pending.merge(id, beat, (newer, older) -> combine(older, newer)));
            return;
        }
        // What arrived during the write waits since the write began, at most.
        waitingSince.set(NONE);
        if (!pending.isEmpty()) {
            waitingSince.compareAndSet(NONE, takenAt);
        }
        for (Runnable listener : afterWrite) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener of the heartbeat flush failed: {}", e.toString());
            }
        }
    }

    int size() {
        return pending.size();
    }
}

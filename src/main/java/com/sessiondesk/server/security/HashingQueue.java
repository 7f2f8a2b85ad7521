package com.sessiondesk.server.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where password hashes run: off the request threads, in lanes of their own, each with a few
 * threads and a bounded number of places. A login is admitted into a lane or refused at once
 * ({@link Busy}: 503 with Retry-After), so a login storm never piles up, takes at most the open
 * lane's cores, and never delays the trusted lanes:
 * <ul>
 * <li>{@link Lane#OPEN}: every client without a device ticket the throttle honours;</li>
 * <li>{@link Lane#DEVICE}: a mobile login with a valid device ticket;</li>
 * <li>{@link Lane#ADMIN}: an admin sign-in with the desktop client's ticket, and a signed-in
 * admin's password change.</li>
 * </ul>
 * Every hash in progress holds {@link Passwords#MEMORY_KIB} of memory, so at most
 * {@link #threads()} of them do at once: that many times 19 MiB.
 */
public final class HashingQueue implements AutoCloseable {

    /** Who a hash is for; each lane has its own threads and places. */
    public enum Lane {
        OPEN, DEVICE, ADMIN
    }

    /** The lane is full: try again in a moment. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many logins are being checked; try again in a moment", null, false, false);
        }
    }

    /** Seconds a refused client is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 2;
    /** Places (hashing or waiting) of each trusted lane, on its one thread. */
    public static final int TRUSTED_PLACES = 8;

    private final Map<Lane, LaneExecutor> lanes = new EnumMap<>(Lane.class);

    /** The open lane with {@code threads} threads and {@code capacity} waiting places; one thread per trusted lane. */
    public HashingQueue(int threads, int capacity) {
        lanes.put(Lane.OPEN, new LaneExecutor(Lane.OPEN, threads, threads + capacity));
        lanes.put(Lane.DEVICE, new LaneExecutor(Lane.DEVICE, 1, TRUSTED_PLACES));
        lanes.put(Lane.ADMIN, new LaneExecutor(Lane.ADMIN, 1, TRUSTED_PLACES));
    }

    /** The open lane on half the cores (at least one) with 16 waiting places per thread. */
    public static HashingQueue forThisMachine() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new HashingQueue(threads, 16 * threads);
    }

    /**
     * Admits one login into {@code lane} for its hash and bookkeeping, or refuses it at once with
     * {@link Busy} when as many logins as the lane holds are in progress. Close the permit when done.
     */
    public Permit admit(Lane lane) {
        LaneExecutor executor = lanes.get(lane);
        if (!executor.places.tryAcquire()) {
            throw new Busy();
        }
        return new Permit(executor);
    }

    /** A place in a lane, from {@link #admit}; closing it lets the next login in. */
    public static final class Permit implements AutoCloseable {
        private final LaneExecutor lane;
        private boolean closed;

        private Permit(LaneExecutor lane) {
            this.lane = lane;
        }

        /** Runs {@code work} on one of the lane's threads and waits for it. */
        public <T> T run(Supplier<T> work) {
            Future<T> future = lane.threads.submit(work::get);
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new Busy();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lane.places.release();
            }
        }
    }

    /** How many hashes wait for a hashing thread now, over all lanes. */
    public int depth() {
        return lanes.values().stream().mapToInt(lane -> lane.threads.getQueue().size()).sum();
    }

    /** How many hashes can run at once, over all lanes: the bound of their memory. */
    public int threads() {
        return lanes.values().stream().mapToInt(lane -> lane.threads.getMaximumPoolSize()).sum();
    }

    /** How many logins hold a place in {@code lane} now. */
    int inProgress(Lane lane) {
        LaneExecutor executor = lanes.get(lane);
        return executor.size - executor.places.availablePermits();
    }

    @Override
    public void close() {
        lanes.values().forEach(lane -> lane.threads.shutdownNow());
    }

    /** One lane: its threads, and its places (hashing or waiting). */
    private static final class LaneExecutor {
        final ThreadPoolExecutor threads;
        final Semaphore places;
        final int size;

        LaneExecutor(Lane lane, int threadCount, int size) {
            this.size = size;
            this.places = new Semaphore(size);
            AtomicInteger count = new AtomicInteger();
            String name = "sessiondesk-hash-" + lane.name().toLowerCase(java.util.Locale.ROOT) + "-";
            // The places bound the queue: a task is only submitted with a place.
            this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, name + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }
    }
}

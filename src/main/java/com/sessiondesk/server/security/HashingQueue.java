package com.sessiondesk.server.security;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where password hashes run: a few threads of their own (half the cores, at least one) and a
 * bounded queue. A login storm therefore takes at most those cores, never the request threads that
 * serve heartbeats; when the queue is full the login is refused at once ({@link Busy}: 503 with
 * Retry-After) instead of piling up.
 */
public final class HashingQueue implements AutoCloseable {

    /** The queue is full: try again in a moment. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many logins are being checked; try again in a moment", null, false, false);
        }
    }

    /** Seconds a refused client is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final ThreadPoolExecutor executor;
    private final Semaphore admitted;

    public HashingQueue(int threads, int capacity) {
        admitted = new Semaphore(threads + capacity);
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(capacity), runnable -> {
                    Thread thread = new Thread(runnable, "sessiondesk-hash-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Half the cores (at least one), and 16 waiting hashes per thread. */
    public static HashingQueue forThisMachine() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new HashingQueue(threads, 16 * threads);
    }

    /**
     * Admits one login into the whole password step (throttle, hash, bookkeeping) or refuses it at
     * once with {@link Busy}: at most as many logins as the hashing threads and queue hold are in
     * progress, so a login storm never occupies more request threads or database writes than that.
     * Close the permit when done.
     */
    public Permit admit() {
        if (!admitted.tryAcquire()) {
            throw new Busy();
        }
        return new Permit();
    }

    /** A login admitted by {@link #admit()}; closing it lets the next one in. */
    public final class Permit implements AutoCloseable {
        private boolean closed;

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                admitted.release();
            }
        }
    }

    /** How many hashes wait for a hashing thread now. */
    public int depth() {
        return executor.getQueue().size();
    }

    /** Runs {@code work} on a hashing thread and waits for it; {@link Busy} when the queue is full. */
    public <T> T run(Supplier<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
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

    /** How many hashes wait for a thread now. */
    int waiting() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

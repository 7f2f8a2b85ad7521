package com.sessiondesk.server.security;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
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

    public HashingQueue(int threads, int capacity) {
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

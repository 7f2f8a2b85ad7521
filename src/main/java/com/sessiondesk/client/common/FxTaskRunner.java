package com.sessiondesk.client.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Production {@link TaskRunner}: a small pool of daemon threads (a hung request never holds up
 * the exit), results back through {@link Platform#runLater}.
 */
public final class FxTaskRunner implements TaskRunner {

    private final ExecutorService pool;

    public FxTaskRunner(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "sessiondesk-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<ClientError> onFailure) {
        if (pool.isShutdown()) {
            return; // the window has closed: nobody waits for the result
        }
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                ClientError error = FailureTranslator.translate(e);
                if (error instanceof ClientError.Unexpected) {
                    e.printStackTrace(); // a bug: keep the stack for the report
                }
                Platform.runLater(() -> onFailure.accept(error));
            }
        });
    }

    @Override
    public void later(Runnable update) {
        Platform.runLater(update);
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}

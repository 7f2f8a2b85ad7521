package com.sessiondesk.client.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way to leave the FX thread: runs blocking work in the background and hands the result
 * (or the translated failure) back on the FX thread. Tests use {@link #inline()}.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<ClientError> onFailure);

    /** Runs a small update on the FX thread from background work (e.g. progress); inline here. */
    default void later(Runnable update) {
        update.run();
    }

    /** Runs everything on the calling thread: for view-model tests without a toolkit. */
    static TaskRunner inline() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<ClientError> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(FailureTranslator.translate(e));
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}

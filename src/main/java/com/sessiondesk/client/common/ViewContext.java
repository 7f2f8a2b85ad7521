package com.sessiondesk.client.common;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every view model gets from the shell: where to run work, how to show dialogs and
 * notifications, and whom to tell when the admin's sign-in is gone (401: back to the connect screen).
 */
public record ViewContext(TaskRunner runner, DialogService dialogs, Consumer<String> notifier,
                          Consumer<String> signInLost) {

    /**
     * Loads a view's data in the background. Only the latest load of {@code state} counts; a failure
     * keeps what the view shows (stale, when {@code hasData}) with the message for the banner.
     */
    public <T> void load(LoadState state, Callable<T> work, Consumer<? super T> show, BooleanSupplier hasData) {
        int ticket = state.started();
        runner.run(work, loaded -> {
            if (state.isCurrent(ticket)) {
                show.accept(loaded);
                state.succeeded();
            }
        }, error -> {
            if (state.isCurrent(ticket)) {
                state.failed(handledGlobally(error) ? null : error.message(), hasData.getAsBoolean());
            }
        });
    }

    /** Routes a failure: a lost sign-in goes to the shell; anything else is for the view to show. */
    public boolean handledGlobally(ClientError error) {
        if (error instanceof ClientError.NotSignedIn lost) {
            signInLost.accept(lost.message());
            return true;
        }
        return false;
    }
}

package com.sessiondesk.client.common;

import java.util.function.Consumer;

/**
 * What every view model gets from the shell: where to run work, how to show dialogs and
 * notifications, and whom to tell when the admin's sign-in is gone (401: back to the connect screen).
 */
public record ViewContext(TaskRunner runner, DialogService dialogs, Consumer<String> notifier,
                          Consumer<String> signInLost) {

    /** Routes a failure: a lost sign-in goes to the shell; anything else is for the view to show. */
    public boolean handledGlobally(ClientError error) {
        if (error instanceof ClientError.NotSignedIn lost) {
            signInLost.accept(lost.message());
            return true;
        }
        return false;
    }
}

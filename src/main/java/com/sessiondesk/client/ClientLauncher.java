package com.sessiondesk.client;

import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.service.EmbeddedService;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.client.shell.Shell;
import javafx.application.Application;

/** Starts the desktop client (JavaFX) from a class that does not extend Application. */
public final class ClientLauncher {

    private static volatile int exitCode;

    private ClientLauncher() {
    }

    /**
     * Runs the client until its window closes; the exit code (non-zero when the smoke test failed).
     * The application reads the options again from {@code args}, its launch parameters.
     */
    public static int run(ClientOptions options, String[] args) {
        StartupTrace.mark("launcher");
        if (!Boolean.getBoolean("sessiondesk.noPreload")) {
            StartupClasses.preloadInBackground(); // side by side with the JavaFX start-up
        }
        if (Shell.startsEmbedded(options)) {
            EmbeddedService.startEarly(); // side by side with the JavaFX start-up
        }
        exitCode = 0;
        try {
            Application.launch(SessionDeskApp.class, args);
        } catch (RuntimeException e) {
            // JavaFX says only "Exception in Application start method": name the cause
            throw new IllegalStateException(e.getMessage() + ": " + rootCause(e), e);
        }
        return exitCode;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The smoke test's verdict, returned by {@link #run} once the window has closed. */
    static void setExitCode(int code) {
        exitCode = code;
    }
}

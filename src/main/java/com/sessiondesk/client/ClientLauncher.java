package com.sessiondesk.client;

import javafx.application.Application;

/** Starts the desktop client (JavaFX) from a class that does not extend Application. */
public final class ClientLauncher {

    private static volatile int exitCode;

    private ClientLauncher() {
    }

    /** Runs the client until its window closes; the exit code (non-zero when the smoke test failed). */
    public static int run(String[] args) {
        try {
            ClientOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        exitCode = 0;
        Application.launch(SessionDeskApp.class, args);
        return exitCode;
    }

    /** The smoke test's verdict, returned by {@link #run} once the window has closed. */
    static void setExitCode(int code) {
        exitCode = code;
    }
}

package com.sessiondesk.client;

/** Starts the desktop client (JavaFX) from a class that does not extend Application. */
public final class ClientLauncher {

    private ClientLauncher() {
    }

    public static int run(String[] args) {
        System.err.println("client: built in issue 3");
        return 2;
    }
}

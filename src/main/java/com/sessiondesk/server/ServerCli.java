package com.sessiondesk.server;

/** The {@code serve} and {@code user add} commands. */
public final class ServerCli {

    private ServerCli() {
    }

    public static int serve(String[] args) {
        System.err.println("serve: built in issue 2");
        return 2;
    }

    public static int user(String[] args) {
        System.err.println("user: built in issue 2");
        return 2;
    }
}

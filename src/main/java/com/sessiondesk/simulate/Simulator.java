package com.sessiondesk.simulate;

/** The {@code simulate} command: simulated mobile devices against a server. */
public final class Simulator {

    private Simulator() {
    }

    public static int run(String[] args) {
        System.err.println("simulate: built in issue 2");
        return 2;
    }
}

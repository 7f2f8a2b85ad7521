package com.sessiondesk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Where a command reads and writes, and the environment variables it sees; tests pass their own. */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err, System.getenv());
    }
}

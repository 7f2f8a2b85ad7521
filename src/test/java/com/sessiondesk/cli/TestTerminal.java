package com.sessiondesk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A terminal for command tests: the given standard input and environment, output kept as text. */
public final class TestTerminal {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal;

    public TestTerminal() {
        this("", Map.of());
    }

    public TestTerminal(String stdin, Map<String, String> env) {
        terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
    }

    public static TestTerminal withStdin(String stdin) {
        return new TestTerminal(stdin, Map.of());
    }

    public static TestTerminal withEnv(Map<String, String> env) {
        return new TestTerminal("", env);
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Everything written to standard output so far (safe while a command still runs). */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

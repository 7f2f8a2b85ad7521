package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.ServerCli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates accounts the way an operator does: {@code user add USERNAME --name NAME [--super] --db URL}
 * with the password on standard input (README, "user add"). Works beside a running server.
 */
public final class TestUsers {

    public static final String PASSWORD = "Staff-Test-Password-1";

    private TestUsers() {
    }

    public static void add(String jdbcUrl, String username, String name, boolean superUser) {
        add(jdbcUrl, username, name, superUser, PASSWORD);
    }

    /** Swaps System.in for the duration of the command, hence synchronized. */
    public static synchronized void add(String jdbcUrl, String username, String name, boolean superUser,
            String password) {
        List<String> args = new ArrayList<>(List.of("add", username, "--name", name, "--db", jdbcUrl));
        if (superUser) {
            args.add("--super");
        }
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            int exitCode = ServerCli.user(args.toArray(String[]::new));
            assertThat(exitCode).as("exit code of user add %s", username).isZero();
        } finally {
            System.setIn(stdin);
        }
    }
}

package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.Main;
import com.sessiondesk.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates accounts the way an operator does: {@code user add USERNAME --name NAME [--super] --db URL}
 * with the password on standard input (docs/service.md, "user add"). Works beside a running server.
 */
public final class TestUsers {

    public static final String PASSWORD = "Staff-Test-Password-1";

    private TestUsers() {
    }

    public static void add(String jdbcUrl, String username, String name, boolean superUser) {
        add(jdbcUrl, username, name, superUser, PASSWORD);
    }

    public static void add(String jdbcUrl, String username, String name, boolean superUser, String password) {
        List<String> args = new ArrayList<>(List.of("user", "add", username, "--name", name, "--db", jdbcUrl));
        if (superUser) {
            args.add("--super");
        }
        Terminal terminal = new Terminal(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
                System.out, System.err, Map.of());
        int exitCode = Main.run(terminal, args.toArray(String[]::new));
        assertThat(exitCode).as("exit code of user add %s", username).isZero();
    }
}

package com.sessiondesk;

import com.sessiondesk.client.ClientLauncher;
import com.sessiondesk.server.ServerCli;
import com.sessiondesk.simulate.Simulator;
import java.util.Arrays;

/**
 * The one entry point (docs/architecture.md). It does not extend {@code Application}, so the plain
 * jar starts JavaFX from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int exitCode = switch (command) {
            case "serve" -> ServerCli.serve(rest);
            case "user" -> ServerCli.user(rest);
            case "simulate" -> Simulator.run(rest);
            case "help", "-h", "--help" -> usage();
            default -> ClientLauncher.run(args);
        };
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private static int usage() {
        System.out.println("""
                Usage: sessiondesk [COMMAND]

                  (no command)        the desktop client; with no server configured it runs the
                                      session service in-process on a demo agency
                  serve [--host H] [--port P] [--db JDBC_URL] [--demo]
                                      the session service, headless
                  user add USERNAME --name NAME [--super] [--db JDBC_URL]
                                      create a user; the password is read from standard input
                  simulate --server URL --devices N [--duration S]
                                      simulated mobile devices against a --demo server
                """);
        return 0;
    }
}

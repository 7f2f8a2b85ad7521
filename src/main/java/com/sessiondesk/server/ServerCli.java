package com.sessiondesk.server;

import com.sessiondesk.AppDirs;
import com.sessiondesk.server.http.Fields;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** The {@code serve} and {@code user add} commands. Bad arguments print the usage and exit with 2. */
public final class ServerCli {

    static final String SERVE_USAGE = "Usage: sessiondesk serve [--host H] [--port P] [--db JDBC_URL] [--demo]";
    static final String USER_USAGE = "Usage: sessiondesk user add USERNAME --name NAME [--super] [--db JDBC_URL]"
            + "  (the password is read from standard input, one line)";

    private ServerCli() {
    }

    /** Parsed {@code serve} arguments. */
    record ServeArgs(String host, int port, String jdbcUrl, boolean demo) {
    }

    /** Parsed {@code user add} arguments. */
    record UserArgs(String username, String name, boolean superUser, String jdbcUrl) {
    }

    /** A command-line mistake: the message and the usage go to stderr, exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static int serve(String[] args) {
        ServeArgs parsed;
        try {
            parsed = parseServe(args);
        } catch (UsageException e) {
            return usage(System.err, e.getMessage(), SERVE_USAGE);
        }
        ServerConfig config = ServerConfig.defaults()
                .withHost(parsed.host())
                .withPort(parsed.port())
                .withJdbcUrl(parsed.jdbcUrl())
                .withDemo(parsed.demo())
                .withInitialAdminPassword(System.getenv("SESSIONDESK_ADMIN_PASSWORD"));
        SessionServer server;
        try {
            server = SessionServer.start(config);
        } catch (RuntimeException e) {
            System.err.println("serve: could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sessiondesk-shutdown"));
        System.out.println("SessionDesk session service on " + server.baseUrl() + " (Ctrl-C stops it)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static ServeArgs parseServe(String[] args) throws UsageException {
        String host = "127.0.0.1";
        int port = 8080;
        String db = null;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i, "--host");
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--db" -> db = jdbcUrl(value(args, ++i, "--db"));
                case "--demo" -> demo = true;
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        return new ServeArgs(host, port, db != null ? db : AppDirs.defaultJdbcUrl(), demo);
    }

    public static int user(String[] args) {
        return user(args, System.in, System.out, System.err);
    }

    static int user(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        UserArgs parsed;
        try {
            parsed = parseUser(args);
        } catch (UsageException e) {
            return usage(err, e.getMessage(), USER_USAGE);
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            password = null;
        }
        if (password == null || password.isEmpty()) {
            err.println("user add: no password on standard input (one line, not empty)");
            return 1;
        }
        if (password.length() > Fields.MAX_TEXT) {
            err.println("user add: the password is too long (at most " + Fields.MAX_TEXT + " characters)");
            return 1;
        }
        try (Database db = Database.open(parsed.jdbcUrl())) {
            new Migrations(db).run();
            boolean created = new JdbcStore(db).createUser(parsed.username(), parsed.name(), Passwords.hash(password),
                    parsed.superUser(), System.currentTimeMillis());
            if (!created) {
                err.println("user add: the user '" + parsed.username() + "' already exists");
                return 1;
            }
        } catch (RuntimeException e) {
            err.println("user add: " + e.getMessage());
            return 1;
        }
        out.println("Created " + (parsed.superUser() ? "super user" : "user") + " '" + parsed.username() + "'.");
        return 0;
    }

    static UserArgs parseUser(String[] args) throws UsageException {
        if (args.length < 2 || !args[0].equals("add")) {
            throw new UsageException(args.length == 0 ? "missing sub-command 'add'" : "unknown sub-command: " + args[0]);
        }
        String username = args[1];
        if (username.startsWith("--")) {
            throw new UsageException("missing USERNAME");
        }
        if (username.isBlank() || username.length() > Fields.MAX_USERNAME || !username.strip().equals(username)) {
            throw new UsageException("USERNAME must be 1 to " + Fields.MAX_USERNAME + " characters without surrounding spaces");
        }
        String name = null;
        boolean superUser = false;
        String db = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = value(args, ++i, "--name");
                case "--super" -> superUser = true;
                case "--db" -> db = jdbcUrl(value(args, ++i, "--db"));
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        if (name == null || name.isBlank()) {
            throw new UsageException("--name NAME is required");
        }
        if (name.length() > Fields.MAX_TEXT) {
            throw new UsageException("NAME is too long (at most " + Fields.MAX_TEXT + " characters)");
        }
        return new UserArgs(username, name, superUser, db != null ? db : AppDirs.defaultJdbcUrl());
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, not " + text);
    }

    private static String jdbcUrl(String text) throws UsageException {
        if (!text.startsWith("jdbc:sqlite:") && !text.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--db must be a JDBC URL: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB");
        }
        return text;
    }

    private static int usage(PrintStream err, String problem, String usage) {
        err.println("error: " + problem);
        err.println(usage);
        return 2;
    }
}

package com.sessiondesk.server;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.User;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.server.http.Fields;
import com.sessiondesk.server.security.PasswordPolicy;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.security.identity.Usernames;
import com.sessiondesk.server.service.PasswordService;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code user add} and {@code user passwd}: accounts made from the command line, the password on
 * standard input (one line), beside a running service or without one. A refused password or an
 * unknown or existing user exits with 1. A new super user and a new password are audited with the actor
 * {@value PasswordService#COMMAND_LINE}; a new password ends the user's sessions ({@link PasswordService}).
 */
@Command(name = "user", separator = " ", sortOptions = false, subcommands = {UserCommand.Add.class, UserCommand.Passwd.class,
        UserCommand.Promote.class, UserCommand.Demote.class},
        description = "Create a user, set a user's password (read from standard input), or promote or "
                + "demote a super user.")
public final class UserCommand {

    @Command(name = "add", separator = " ", sortOptions = false,
            description = {"Create a user with the password read from standard input (one line).",
                "A super user may sign in to the desktop client; other users only to the mobile apps.",
                "Passwords: at least " + PasswordPolicy.SUPER_USER_MIN_LENGTH + " characters for a super user, "
                        + PasswordPolicy.STAFF_MIN_LENGTH + " for staff."})
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "The new user's username (1 to " + Fields.MAX_USERNAME
                + " characters).")
        String username;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "The user's full name.")
        String name;

        @Option(names = "--super", description = "Make a super user.")
        boolean superUser;

        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        private final Terminal terminal;

        Add(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            if (username.isBlank() || username.length() > Fields.MAX_USERNAME || !username.strip().equals(username)) {
                throw new ParameterException(spec.commandLine(),
                        "USERNAME must be 1 to " + Fields.MAX_USERNAME + " characters without surrounding spaces");
            }
            if (name.isBlank() || name.length() > Fields.MAX_TEXT) {
                throw new ParameterException(spec.commandLine(), "NAME must be 1 to " + Fields.MAX_TEXT + " characters");
            }
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> password = password(terminal, superUser, err, "user add");
            if (password.isEmpty()) {
                return 1;
            }
            try (Database db = Database.open(database.jdbcUrl())) {
                new Migrations(db).run();
                JdbcStore store = new JdbcStore(db);
                long now = System.currentTimeMillis();
                String normalized = Usernames.normalize(username);
                Optional<String> existing = store.addUser(username, name, Passwords.hash(password.get()), superUser,
                        now);
                if (existing.isPresent()) {
                    err.println("user add: " + (existing.get().equals(normalized)
                            ? "the user '" + normalized + "' already exists"
                            : "'" + username + "' looks like the existing user '" + existing.get()
                                    + "': choose a username that cannot be mistaken for it"));
                    return 1;
                }
                store.recordAudit(superUser ? AuditAction.SUPER_USER_ADDED : AuditAction.USER_ADDED,
                        PasswordService.COMMAND_LINE, normalized, List.of(), null, now);
                username = normalized;
            } catch (RuntimeException e) {
                err.println("user add: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println(
                    "Created " + (superUser ? "super user" : "user") + " '" + username + "'.");
            return 0;
        }
    }

    @Command(name = "passwd", separator = " ", sortOptions = false,
            description = {"Set a user's password to the one read from standard input (one line).",
                "Passwords: at least " + PasswordPolicy.SUPER_USER_MIN_LENGTH + " characters for a super user, "
                        + PasswordPolicy.STAFF_MIN_LENGTH + " for staff."})
    static final class Passwd implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "The user whose password changes.")
        String username;

        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        private final Terminal terminal;

        Passwd(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(database.jdbcUrl())) {
                new Migrations(db).run();
                JdbcStore store = new JdbcStore(db);
                Optional<User> user = store.user(username);
                if (user.isEmpty()) {
                    err.println("user passwd: there is no user '" + username + "'");
                    return 1;
                }
                Optional<String> password = password(terminal, user.get().superUser(), err, "user passwd");
                if (password.isEmpty()) {
                    return 1;
                }
                Optional<PasswordService.Change> change = new PasswordService(db).setPassword(username,
                        Passwords.hash(password.get()), PasswordService.COMMAND_LINE, null, System.currentTimeMillis());
                if (change.isEmpty()) {
                    err.println("user passwd: there is no user '" + username + "'");
                    return 1;
                }
                out.println("Ended " + sessions(change.get().endedSessions().size(), "mobile session") + " and "
                        + sessions(change.get().endedAdminSessions(), "admin session") + " of '" + username + "'.");
            } catch (RuntimeException e) {
                err.println("user passwd: " + e.getMessage());
                return 1;
            }
            out.println("Changed the password of '" + username + "'.");
            return 0;
        }
    }

    @Command(name = "promote", separator = " ", sortOptions = false,
            description = "Make a user a super user (audited).")
    static final class Promote implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "The user who becomes a super user.")
        String username;

        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return setSuperUser(spec, database, username, true);
        }
    }

    @Command(name = "demote", separator = " ", sortOptions = false,
            description = {"Make a super user a staff user again (audited): their admin sessions end,",
                "live streams included, on every instance of the service."})
    static final class Demote implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "The super user who becomes a staff user.")
        String username;

        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return setSuperUser(spec, database, username, false);
        }
    }

    private static int setSuperUser(CommandSpec spec, DatabaseOption database, String username, boolean superUser) {
        String command = "user " + spec.name();
        try (Database db = Database.open(database.jdbcUrl())) {
            new Migrations(db).run();
            Optional<User> user = new JdbcStore(db).setSuperUser(username, superUser, PasswordService.COMMAND_LINE,
                    System.currentTimeMillis());
            if (user.isEmpty()) {
                spec.commandLine().getErr().println(command + ": there is no user '" + username + "'");
                return 1;
            }
            spec.commandLine().getOut().println("'" + user.get().username() + "' is "
                    + (superUser ? "a super user." : "a staff user."));
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println(command + ": " + e.getMessage());
            return 1;
        }
    }

    private static String sessions(int count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }

    /** One line of standard input that the password policy accepts; empty after saying why not. */
    static Optional<String> password(Terminal terminal, boolean superUser, PrintWriter err, String command) {
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            password = null;
        }
        if (password == null || password.isEmpty()) {
            err.println(command + ": no password on standard input (one line, not empty)");
            return Optional.empty();
        }
        if (password.length() > Fields.MAX_TEXT) {
            err.println(command + ": the password is too long (at most " + Fields.MAX_TEXT + " characters)");
            return Optional.empty();
        }
        Optional<String> problem = PasswordPolicy.problem(password, superUser);
        problem.ifPresent(text -> err.println(command + ": " + text));
        return problem.isPresent() ? Optional.empty() : Optional.of(password);
    }
}

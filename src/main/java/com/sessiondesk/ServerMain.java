package com.sessiondesk;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.StandardOptions;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.cli.Version;
import com.sessiondesk.server.BackupCommand;
import com.sessiondesk.server.RestoreCommand;
import com.sessiondesk.common.LogBackend;
import com.sessiondesk.server.ServeCommand;
import com.sessiondesk.server.ServeOptions;
import com.sessiondesk.server.UserCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the packaged {@code sessiondesk-server} launcher: {@code sessiondesk-server
 * [OPTIONS]} is {@code sessiondesk-server serve [OPTIONS]}, and {@code sessiondesk-server user ...}
 * manages users (on Windows this console launcher is the only one that can read a password from
 * standard input). A main class, not jpackage's launcher {@code arguments=serve}: those are only
 * defaults, dropped as soon as the user passes an argument such as {@code --port}.
 */
@Command(name = "sessiondesk-server", versionProvider = Version.class, abbreviateSynopsis = true,
        separator = " ", sortOptions = false, subcommands = {ServeCommand.class, UserCommand.class, BackupCommand.class,
            RestoreCommand.class},
        description = {"The SessionDesk session service: with no command (or serve) it runs the service with "
                + "the options below until Ctrl-C or SIGTERM; user manages accounts; backup and restore copy the "
                + "database.", ServeOptions.ADMIN_PASSWORD_NOTE})
public final class ServerMain implements Callable<Integer> {

    @Mixin
    ServeOptions serve;

    @Mixin
    StandardOptions standard;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        LogBackend.forService();
        int exitCode = run(Terminal.system(), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    public static int run(Terminal terminal, String... args) {
        return Cli.execute(new ServerMain(), terminal, args);
    }

    @Override
    public Integer call() {
        return ServeCommand.run(serve.config(), serve.monitoring(), spec.commandLine());
    }
}

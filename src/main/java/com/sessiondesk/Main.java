package com.sessiondesk;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.StandardOptions;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.cli.Version;
import com.sessiondesk.client.shell.ClientArgs;
import com.sessiondesk.client.ClientLauncher;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.server.BackupCommand;
import com.sessiondesk.server.RestoreCommand;
import com.sessiondesk.common.LogBackend;
import com.sessiondesk.server.ServeCommand;
import com.sessiondesk.server.UserCommand;
import com.sessiondesk.simulate.SimulateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The one entry point (docs/architecture.md), {@code sessiondesk}: the desktop client, or one of
 * its commands. It does not extend {@code Application}, so the plain jar starts JavaFX from the
 * class path.
 */
@Command(name = "sessiondesk", versionProvider = Version.class, separator = " ", sortOptions = false,
        subcommands = {ServeCommand.class, UserCommand.class, BackupCommand.class, RestoreCommand.class,
            SimulateCommand.class},
        description = {"The SessionDesk desktop client; with no server configured it runs the session service "
                + "in-process on a demo agency.", "The commands below run without a window."})
public final class Main implements Callable<Integer> {

    @Mixin
    ClientArgs client;

    @Mixin
    StandardOptions standard;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            LogBackend.forService();
        } else {
            LogBackend.forOthers();
        }
        // The desktop menu starts the client without arguments: that start skips building the
        // command tree, whose reflection costs a fresh JVM about 0.3 s of CPU before the window.
        if (args.length == 0) {
            windowClosed(ClientLauncher.run(ClientOptions.defaults(), args));
        }
        int exitCode = run(Terminal.system(), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * The window has closed and the built-in service has stopped: the process ends now, not when an
     * idle thread of the service's HTTP server times out (up to a minute later).
     */
    private static void windowClosed(int exitCode) {
        System.exit(exitCode);
    }

    public static int run(Terminal terminal, String... args) {
        return Cli.execute(new Main(), terminal, args);
    }

    @Override
    public Integer call() {
        ClientOptions options;
        try {
            options = client.toOptions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        windowClosed(ClientLauncher.run(options, spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)));
        return 0; // not reached
    }
}

package com.sessiondesk.simulate;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.server.DemoAgency;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulate}: a new option is a field here and a value for {@link SimArgs} in {@link #args()}. */
@Command(name = "simulate", separator = " ", sortOptions = false,
        description = {"Simulated mobile devices against a server started with --demo.",
            "N devices sign in as distinct demo staff and send a heartbeat every S seconds; each prints what its "
                    + "user sees after a forced log out, and a summary comes at the end."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL", required = true,
            description = "The session service, http:// or https://.")
    String server;

    @Option(names = "--devices", paramLabel = "N", required = true,
            description = "How many devices (1 to " + DemoAgency.STAFF + ").")
    int devices;

    @Option(names = "--duration", paramLabel = "S", description = "Run for S seconds (default: ${DEFAULT-VALUE}).")
    int durationSeconds = 60;

    @Option(names = "--interval", paramLabel = "S",
            description = "A heartbeat every S seconds (default: ${DEFAULT-VALUE}).")
    int intervalSeconds = 5;

    @Spec
    CommandSpec spec;

    private final Terminal terminal;

    SimulateCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        return Simulator.run(args(), terminal.out());
    }

    /** The checked arguments; a value out of range is a usage error. */
    SimArgs args() {
        if (!server.startsWith("http://") && !server.startsWith("https://")) {
            throw new ParameterException(spec.commandLine(), "--server must be an http:// or https:// URL, not " + server);
        }
        return new SimArgs(server,
                Cli.inRange(spec, "--devices", devices, 1, DemoAgency.STAFF),
                Cli.inRange(spec, "--duration", durationSeconds, 1, 86_400),
                Cli.inRange(spec, "--interval", intervalSeconds, 1, 3600));
    }
}

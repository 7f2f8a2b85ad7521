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
            "N devices sign in as demo staff (distinct up to 320), hold their event streams and send a heartbeat "
                    + "every S seconds; each prints what its user sees after a forced log out or a log out after "
                    + "sync, and a summary comes at the end.",
            "With --scenario, one incident is played instead (--devices is not needed): stolen-phone (a phone "
                    + "that keeps signing in again after the office logged it out or blocked the device) or "
                    + "guesser (wrong passwords against a few accounts), so that alerts arrive."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL", required = true,
            description = "The session service, http:// or https://.")
    String server;

    @Option(names = "--devices", paramLabel = "N",
            description = "How many devices (1 to " + SimArgs.MAX_DEVICES + "; past " + DemoAgency.STAFF
                    + " several share an account); needed unless --scenario is given.")
    Integer devices;

    @Option(names = "--duration", paramLabel = "S", description = "Run for S seconds (default: ${DEFAULT-VALUE}).")
    int durationSeconds = 60;

    @Option(names = "--interval", paramLabel = "S",
            description = "A heartbeat every S seconds (default: ${DEFAULT-VALUE}).")
    int intervalSeconds = 5;

    @Option(names = "--no-stream", description = "Heartbeats only: the devices hold no event stream.")
    boolean noStream;

    @Option(names = "--sync-ms", paramLabel = "MS",
            description = "Upload time per unsynced item when told to sync before a log out (default: ${DEFAULT-VALUE}).")
    int syncMillisPerItem = SimArgs.DEFAULT_SYNC_MILLIS;

    @Option(names = "--unsynced", paramLabel = "N",
            description = "Every device holds N unsynced items until told to sync (default: a random walk).")
    Integer unsyncedItems;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Play an incident instead: stolen-phone or guesser (a step every --interval seconds).")
    String scenario;

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
        Scenario played = scenario == null ? null : Scenario.of(scenario);
        if (scenario != null && played == null) {
            throw new ParameterException(spec.commandLine(), "--scenario must be one of " + Scenario.names()
                    + ", not " + scenario);
        }
        if (devices == null && played == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--devices N'");
        }
        return new SimArgs(server,
                played != null && devices == null ? 1 : Cli.inRange(spec, "--devices", devices, 1, SimArgs.MAX_DEVICES),
                Cli.inRange(spec, "--duration", durationSeconds, 1, 86_400),
                Cli.inRange(spec, "--interval", intervalSeconds, 1, 3600),
                noStream,
                Cli.inRange(spec, "--sync-ms", syncMillisPerItem, 0, 60_000),
                unsyncedItems == null ? -1 : Cli.inRange(spec, "--unsynced", unsyncedItems, 0, 100_000),
                played);
    }
}

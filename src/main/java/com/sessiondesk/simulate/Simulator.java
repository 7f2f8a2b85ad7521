package com.sessiondesk.simulate;

import java.io.PrintStream;

/**
 * The {@code simulate} command: N phones of demo staff sign in to a {@code --demo} server with the
 * demo password, hold their event streams, heartbeat every few seconds, and print what each does
 * after a forced log out or a log out after sync (see {@link DeviceFleet}).
 */
public final class Simulator {

    private Simulator() {
    }

    static int run(SimArgs args, PrintStream out) {
        if (args.scenario() != null) {
            return ScenarioRunner.run(args, out);
        }
        DeviceFleet.Settings settings = new DeviceFleet.Settings(args.server(), args.devices(), args.intervalSeconds(),
                !args.noStream(), args.syncMillisPerItem(), args.unsyncedItems());
        out.println("Simulating " + args.devices() + " devices against " + args.server() + " for "
                + args.durationSeconds() + " s (heartbeat every " + args.intervalSeconds() + " s"
                + (args.noStream() ? ", no event streams" : ", each holding its event stream") + ")");
        DeviceFleet fleet = DeviceFleet.start(settings, line -> {
            synchronized (out) {
                out.println(line);
            }
        });
        try {
            Thread.sleep(args.durationSeconds() * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fleet.close();
        out.println(fleet.summary(args.durationSeconds()));
        return 0;
    }
}

package com.sessiondesk.simulate;

import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.SessionDeskApi;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Plays one {@link Scenario} against the service: one step every interval until the duration or the scenario is over. */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    static int run(SimArgs args, PrintStream out) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10)).build();
        SessionDeskApi api = ApiClients.create(args.server(), http);
        Scenario scenario = args.scenario();
        out.println("Playing " + scenario.wireName() + " against " + args.server() + " for " + args.durationSeconds()
                + " s (a step every " + args.intervalSeconds() + " s)");
        Step step = scenario == Scenario.STOLEN_PHONE ? new StolenPhone(api, out)::tick : new Guesser(api, out)::tick;
        long end = System.nanoTime() + Duration.ofSeconds(args.durationSeconds()).toNanos();
        try {
            boolean more = true;
            while (more && System.nanoTime() < end) {
                try {
                    more = step.run();
                } catch (IOException e) {
                    out.println(scenario.wireName() + ": the service cannot be reached: " + e.getMessage());
                }
                Thread.sleep(Math.min(args.intervalSeconds() * 1000L,
                        Math.max(0, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        out.println(scenario.wireName() + ": done");
        return 0;
    }

    private interface Step {
        /** One step; false when the scenario is over. */
        boolean run() throws IOException;
    }
}

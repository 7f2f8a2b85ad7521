package com.sessiondesk.server;

import com.sessiondesk.server.observability.Metrics;
import com.sessiondesk.server.observability.MetricsEndpoint;
import com.sessiondesk.server.observability.ServiceLog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: the session service, headless, until Ctrl-C or SIGTERM. */
@Command(name = "serve", abbreviateSynopsis = true, sortOptions = false, separator = " ",
        description = {
            "Run the session service (HTTP API v1) until Ctrl-C or SIGTERM.",
            ServeOptions.ADMIN_PASSWORD_NOTE
        })
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServeOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(options.config(), options.monitoring(), spec.commandLine());
    }

    /**
     * Serves until the JVM shuts down (SIGTERM, Ctrl-C) or this thread is interrupted; 1 when the
     * service (or its metrics port) cannot start.
     */
    public static int run(ServerConfig config, MonitoringOptions monitoring, CommandLine commandLine) {
        PrintWriter out = commandLine.getOut();
        ServiceLog.use(monitoring.logFormat());
        Metrics metrics = monitoring.metricsPort() == null ? null : new Metrics();
        MetricsEndpoint endpoint = null;
        SessionServer server;
        try {
            if (metrics != null) {
                endpoint = MetricsEndpoint.start(monitoring.metricsHost(), monitoring.metricsPort(), metrics);
            }
            server = SessionServer.start(config, metrics);
        } catch (RuntimeException e) {
            if (endpoint != null) {
                endpoint.close();
            }
            commandLine.getErr().println(commandLine.getCommandName() + ": could not start: " + e.getMessage());
            return 1;
        }
        MetricsEndpoint metricsEndpoint = endpoint;
        Runnable stop = () -> {
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            server.close();
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "sessiondesk-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        out.println("SessionDesk session service on " + server.baseUrl() + " (Ctrl-C stops it)");
        if (metricsEndpoint != null) {
            out.println("Metrics on http://" + hostForUrl(monitoring.metricsHost()) + ":" + metricsEndpoint.port()
                    + MetricsEndpoint.PATH);
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (tests): no shutdown hook will close the service.
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                stop.run();
            } catch (IllegalStateException shuttingDown) {
                // the hook closes it
            }
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}

package com.sessiondesk.server;

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
        return run(options.config(), spec.commandLine());
    }

    /**
     * Serves until the JVM shuts down (SIGTERM, Ctrl-C) or this thread is interrupted; 1 when the
     * service cannot start.
     */
    public static int run(ServerConfig config, CommandLine commandLine) {
        PrintWriter out = commandLine.getOut();
        SessionServer server;
        try {
            server = SessionServer.start(config);
        } catch (RuntimeException e) {
            commandLine.getErr().println(commandLine.getCommandName() + ": could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sessiondesk-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        out.println("SessionDesk session service on " + server.baseUrl() + " (Ctrl-C stops it)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (tests): no shutdown hook will close the service.
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                server.close();
            } catch (IllegalStateException shuttingDown) {
                // the hook closes it
            }
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

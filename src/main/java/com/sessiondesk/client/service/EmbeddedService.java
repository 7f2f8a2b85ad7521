package com.sessiondesk.client.service;

import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The built-in session service: the server in-process on 127.0.0.1 (free port), SQLite under the
 * data directory, the demo agency seeded once by the server. It can start before the window
 * (see {@link #startEarly()}), so that JavaFX and the server start side by side.
 */
public final class EmbeddedService implements AutoCloseable {

    public static final String LABEL = "Built-in demo service";
    private static final String ADMIN = "admin";
    private static volatile EmbeddedService early;

    private CompletableFuture<SessionServer> starting;
    private boolean closed;

    /** Begins starting the built-in service now, on a daemon thread; the window picks it up. */
    public static void startEarly() {
        EmbeddedService service = new EmbeddedService();
        service.begin();
        early = service;
    }

    /** The service started early, if any, else a new one (started on first {@link #connect}). */
    public static EmbeddedService takeEarlyOrNew() {
        EmbeddedService service = early;
        early = null;
        return service != null ? service : new EmbeddedService();
    }

    private synchronized CompletableFuture<SessionServer> begin() {
        if (starting == null || starting.isCompletedExceptionally()) {
            starting = new CompletableFuture<>();
            CompletableFuture<SessionServer> future = starting;
            Thread thread = new Thread(() -> {
                try {
                    future.complete(SessionServer.start(ServerConfig.defaults().withPort(0).withDemo(true)));
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            }, "sessiondesk-embedded-start");
            thread.setDaemon(true);
            thread.start();
        }
        return starting;
    }

    /** Waits for the server (blocking: call it in the background) and signs its admin in. */
    public AdminService connect(Connector connector) throws Exception {
        SessionServer server;
        try {
            server = begin().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the built-in service was closed");
            }
        }
        String token = server.issueAdminToken(ADMIN);
        return connector.withToken(server.baseUrl(), token, new UserIdentity(ADMIN, "Administrator"), LABEL);
    }

    /** Closes the server, now or as soon as it has started. */
    @Override
    public void close() {
        CompletableFuture<SessionServer> running;
        synchronized (this) {
            closed = true;
            running = starting;
            starting = null;
        }
        if (running != null) {
            running.thenAccept(SessionServer::close).exceptionally(e -> null).join();
        }
    }
}

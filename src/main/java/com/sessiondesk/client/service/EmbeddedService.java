package com.sessiondesk.client.service;

import com.sessiondesk.api.SessionList;
import com.sessiondesk.common.AppDirs;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The built-in session service: the server in-process on 127.0.0.1 (free port), its own SQLite file
 * {@code demo.db} under the data directory (never the database {@code serve} uses), the demo agency
 * seeded once by the server. It can start before the window
 * (see {@link #startEarly()}), so that JavaFX and the server start side by side.
 */
public final class EmbeddedService implements AutoCloseable {

    private static final String ADMIN = "admin";
    private static volatile EmbeddedService early;

    private CompletableFuture<SessionServer> starting;
    private CompletableFuture<SessionList> prefetch;
    private CompletableFuture<List<User>> prefetchBlocked;
    private boolean closed;

    /**
     * Begins starting the built-in service now, on a daemon thread, and fetches the first session
     * list (and the blocked users that mark its rows) right after it started: the window picks
     * them up when it is ready.
     */
    public static void startEarly() {
        EmbeddedService service = new EmbeddedService();
        service.prefetch = new CompletableFuture<>();
        service.prefetchBlocked = new CompletableFuture<>();
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
            // Taken before the server is announced: connect() may hand this future to the window
            // as soon as the server is up, so it must be completed whatever happens next.
            CompletableFuture<SessionList> fetchTarget = prefetch;
            CompletableFuture<List<User>> blockedTarget = prefetchBlocked;
            Thread thread = new Thread(() -> {
                SessionServer server;
                try {
                    server = SessionServer.start(ServerConfig.defaults().withPort(0)
                            .withJdbcUrl(AppDirs.demoJdbcUrl()).withDemo(true));
                    StartupTrace.mark("built-in service started");
                } catch (Throwable e) {
                    if (fetchTarget != null) {
                        fetchTarget.completeExceptionally(e);
                        blockedTarget.completeExceptionally(e);
                    }
                    future.completeExceptionally(e);
                    return;
                }
                future.complete(server);
                if (fetchTarget != null) {
                    fetchAhead(server, fetchTarget, blockedTarget);
                }
            }, "sessiondesk-embedded-start");
            thread.setDaemon(true);
            thread.start();
        }
        return starting;
    }

    /**
     * Fetches the first session list, then the blocked users, while the window is still being
     * built. Both futures are always completed: the window's first load waits on them.
     */
    private static void fetchAhead(SessionServer server, CompletableFuture<SessionList> sessions,
            CompletableFuture<List<User>> blocked) {
        AdminService service;
        try {
            service = signIn(server, new Connector());
            sessions.complete(service.sessions());
        } catch (Throwable e) {
            sessions.completeExceptionally(e);
            blocked.completeExceptionally(e);
            return;
        }
        try {
            blocked.complete(service.users(true));
        } catch (Throwable e) {
            blocked.completeExceptionally(e);
        }
    }

    private static AdminService signIn(SessionServer server, Connector connector) {
        String token = server.issueAdminToken(ADMIN);
        return connector.withToken(server.baseUrl(), token, new UserIdentity(ADMIN, Messages.get("main.embedded.admin")), Messages.get("main.embedded.label"));
    }

    /** Waits for the server (blocking: call it in the background) and signs its admin in. */
    public AdminService connect(Connector connector) throws Exception {
        SessionServer server;
        try {
            server = begin().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        CompletableFuture<SessionList> fetchedAhead;
        CompletableFuture<List<User>> blockedAhead;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the built-in service was closed");
            }
            fetchedAhead = prefetch;
            blockedAhead = prefetchBlocked;
            prefetch = null;
            prefetchBlocked = null;
        }
        AdminService service = signIn(server, connector);
        return fetchedAhead == null ? service : new PrefetchedAdminService(service, fetchedAhead, blockedAhead);
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

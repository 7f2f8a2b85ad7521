package com.sessiondesk.client.service;

import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;

/**
 * The built-in session service: the server in-process on 127.0.0.1 (free port), SQLite under the
 * data directory, the demo agency seeded once by the server. Started once, closed on exit.
 */
public final class EmbeddedService implements AutoCloseable {

    public static final String LABEL = "Built-in demo service";
    private static final String ADMIN = "admin";

    private SessionServer server;

    /** Starts the server if not yet running (blocking: call it in the background) and signs in. */
    public synchronized AdminService connect(Connector connector) {
        if (server == null) {
            server = SessionServer.start(ServerConfig.defaults().withPort(0).withDemo(true));
        }
        String token = server.issueAdminToken(ADMIN);
        return connector.withToken(server.baseUrl(), token, new UserIdentity(ADMIN, "Administrator"), LABEL);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            SessionServer running = server;
            server = null;
            running.close();
        }
    }
}

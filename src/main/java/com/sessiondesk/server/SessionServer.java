package com.sessiondesk.server;

/**
 * The session service: HTTP API v1 over a JDBC store. Started headless by {@code serve}, and
 * in-process by the desktop client's embedded default and by the tests.
 */
public final class SessionServer implements AutoCloseable {

    private SessionServer() {
    }

    /** Migrates the database, seeds it if asked, and answers on the configured host and port. */
    public static SessionServer start(ServerConfig config) {
        throw new UnsupportedOperationException("the session service is built in issue 2");
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        throw new UnsupportedOperationException();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String baseUrl() {
        throw new UnsupportedOperationException();
    }

    /**
     * Issues an admin token for a super user in-process, without a password: the embedded
     * client signs in with it. Never reachable over HTTP.
     */
    public String issueAdminToken(String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}

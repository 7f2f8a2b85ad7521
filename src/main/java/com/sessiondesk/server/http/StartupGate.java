package com.sessiondesk.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Ready means ready: until {@link #open()} (the database migrated, the first super user created,
 * the demo seeded if asked for) every request, {@code GET /api/v1/health} included, answers 503
 * {@code service_busy} with Retry-After. A client that waits for the first 200 of the health
 * route can then sign in at once.
 */
final class StartupGate implements Handler {

    private volatile boolean open;

    void open() {
        open = true;
    }

    @Override
    public void handle(Context ctx) {
        if (!open) {
            throw ApiException.starting();
        }
    }
}

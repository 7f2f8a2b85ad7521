package com.sessiondesk.server.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Registers routes and remembers them as "METHOD /path", so {@code routes()} is the truth. */
public final class RouteTable {

    private final Javalin app;
    private final List<String> routes = new ArrayList<>();

    public RouteTable(Javalin app) {
        this.app = app;
    }

    public void get(String path, Handler handler) {
        app.get(path, handler);
        routes.add("GET " + path);
    }

    public void post(String path, Handler handler) {
        app.post(path, handler);
        routes.add("POST " + path);
    }

    public List<String> routes() {
        return Collections.unmodifiableList(routes);
    }
}

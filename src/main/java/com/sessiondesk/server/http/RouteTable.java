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

    /** The methods registered for a concrete path (path parameters match one segment), e.g. [POST]. */
    public List<String> allowedMethods(String path) {
        String[] segments = path.split("/", -1);
        List<String> methods = new ArrayList<>();
        for (String route : routes) {
            int space = route.indexOf(' ');
            String[] pattern = route.substring(space + 1).split("/", -1);
            if (matches(pattern, segments) && !methods.contains(route.substring(0, space))) {
                methods.add(route.substring(0, space));
            }
        }
        return methods;
    }

    private static boolean matches(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean parameter = pattern[i].startsWith("{") && pattern[i].endsWith("}") && !segments[i].isEmpty();
            if (!parameter && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    public List<String> routes() {
        return Collections.unmodifiableList(routes);
    }
}

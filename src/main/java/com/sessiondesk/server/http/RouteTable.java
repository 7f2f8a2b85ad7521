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

    /**
     * The route a request goes to, as registered ({@code /api/v1/users/{username}/logout}), or null:
     * a fixed segment wins over a path parameter, as in Javalin. HEAD goes where GET goes.
     */
    public String template(String method, String path) {
        String wanted = method.equals("HEAD") ? "GET" : method;
        String[] segments = path.split("/", -1);
        String best = null;
        long bestParameters = Long.MAX_VALUE;
        for (String route : routes) {
            int space = route.indexOf(' ');
            String pattern = route.substring(space + 1);
            if (route.substring(0, space).equals(wanted) && matches(pattern.split("/", -1), segments)) {
                long parameters = pattern.chars().filter(ch -> ch == '{').count();
                if (parameters < bestParameters) {
                    best = pattern;
                    bestParameters = parameters;
                }
            }
        }
        return best;
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

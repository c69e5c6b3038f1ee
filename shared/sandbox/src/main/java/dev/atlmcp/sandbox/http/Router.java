package dev.atlmcp.sandbox.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps a method and a path pattern such as {@code /rest/api/3/issue/{key}} to a handler. */
public final class Router {

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    private record Route(String method, String pattern, String[] segments, Handler handler, String servedBy) {
    }

    /** A route as the route map shows it: method, path pattern and the class that registered it. */
    public record Described(String method, String pattern, String servedBy) {
    }

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    public record Match(Handler handler, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    public Router add(String method, String pattern, Handler handler) {
        String servedBy = CALLER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass).filter(
                type -> type != Router.class).findFirst()).map(Class::getSimpleName).orElse("?");
        routes.add(new Route(method, pattern, split(pattern), handler, servedBy));
        return this;
    }

    /** Every route, in the order they were registered (the order they match in). */
    public List<Described> routes() {
        return routes.stream().map(route -> new Described(route.method, route.pattern, route.servedBy)).toList();
    }

    /** The handler for this request; empty if no route matches the path, whatever the method. */
    public Optional<Match> match(String method, String path) {
        String[] actual = split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = matchSegments(route.segments, actual);
            if (params != null) {
                pathKnown = true;
                if (route.method.equals(method)) {
                    return Optional.of(new Match(route.handler, params));
                }
            }
        }
        if (pathKnown) {
            return Optional.of(new Match(r -> {
                throw new ApiException(Response.json(405, Json.object().put("message", "Method not allowed")));
            }, Map.of()));
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(String[] pattern, String[] actual) {
        if (pattern.length != actual.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), actual[i]);
            } else if (!p.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}

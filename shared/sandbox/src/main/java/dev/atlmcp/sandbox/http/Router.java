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

    private record Route(String method, String[] segments, Handler handler) {
    }

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
        routes.add(new Route(method, split(pattern), handler));
        return this;
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

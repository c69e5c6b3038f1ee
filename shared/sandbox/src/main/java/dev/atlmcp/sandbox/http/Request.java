package dev.atlmcp.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

/** One HTTP request as the sandbox's handlers see it: path relative to the mounted site, decoded query and body. */
public record Request(String method, String path, Map<String, List<String>> query, Headers headers, byte[] body,
        Map<String, String> pathParams, Object principal) {

    public Request withMatch(String relativePath, Map<String, String> params) {
        return new Request(method, relativePath, query, headers, body, params, principal);
    }

    public Request withPrincipal(Object newPrincipal) {
        return new Request(method, path, query, headers, body, pathParams, newPrincipal);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public int intParam(String name, int defaultValue) {
        Optional<String> value = param(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw ApiException
                    .badRequest("The value '" + value.get() + "' of parameter '" + name + "' is not a number.");
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null) {
                throw ApiException.badRequest("No content to map due to end-of-input");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("Unexpected character in request body: not valid JSON.");
        }
    }

    /** Parses an application/x-www-form-urlencoded body. */
    public Map<String, String> form() {
        return parseQuery(bodyText()).entrySet().stream().collect(LinkedHashMap::new,
                (m, e) -> m.put(e.getKey(), e.getValue().get(0)), Map::putAll);
    }

    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return result;
    }
}

package dev.atlmcp.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response: status, an optional body (a Jackson tree, a string, bytes or null) and extra headers. */
public record Response(int status, Object body, String contentType, Map<String, String> headers) {

    public static Response json(int status, Object body) {
        return new Response(status, body, "application/json;charset=UTF-8", new LinkedHashMap<>());
    }

    public static Response ok(Object body) {
        return json(200, body);
    }

    public static Response bytes(byte[] body, String contentType) {
        return new Response(200, body, contentType, new LinkedHashMap<>());
    }

    public static Response noContent() {
        return new Response(204, null, null, new LinkedHashMap<>());
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}

package dev.atlmcp.sandbox.compass;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shapes Compass answers in: connections with {@code pageInfo}, {@code QueryError} union members, and mutation
 * payloads with {@code success} and {@code errors}.
 */
final class GraphResults {

    private static final int MAX_PAGE = 100;

    private GraphResults() {
    }

    static Map<String, Object> queryError(int status, String type, String message) {
        return Map.of("__typename", "QueryError", "identifier", type, "message", message, "extensions", List.of(
                Map.of("__typename", "GenericQueryErrorExtension", "statusCode", status, "errorType", type)));
    }

    static Map<String, Object> failed(int status, String type, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("success", false);
        payload.put("errors", List.of(Map.of("message", message, "extensions", Map.of("statusCode", status,
                "errorType", type))));
        return payload;
    }

    /** A successful payload with the given fields, e.g. {@code componentDetails}. */
    static Map<String, Object> succeeded(Object... namesAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("success", true);
        payload.put("errors", List.of());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            payload.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return payload;
    }

    static Object forCloud(String cloudId, Supplier<Object> body) {
        return CompassApi.CLOUD_ID.equals(cloudId) ? body.get()
                : queryError(403, "FORBIDDEN", "You do not have access to cloud id " + cloudId + ".");
    }

    static Map<String, Object> page(String typename, List<Object> all, Integer first, String after) {
        int size = first == null ? 25 : Math.max(1, Math.min(MAX_PAGE, first));
        int start = after == null ? 0 : decode(after);
        int end = Math.min(all.size(), start + size);
        Map<String, Object> connection = connection(typename, all.subList(Math.min(start, all.size()), end),
                end < all.size(), end > start ? encode(end) : null);
        connection.put("totalCount", all.size());
        return connection;
    }

    static Map<String, Object> connection(String typename, List<Object> nodes, boolean more, String endCursor) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("__typename", typename);
        connection.put("nodes", nodes);
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", more);
        pageInfo.put("hasPreviousPage", false);
        pageInfo.put("endCursor", endCursor);
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    private static String encode(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String raw = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            return raw.startsWith("offset:") ? Integer.parseInt(raw.substring(7)) : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}

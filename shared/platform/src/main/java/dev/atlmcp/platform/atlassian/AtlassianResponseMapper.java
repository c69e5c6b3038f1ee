package dev.atlmcp.platform.atlassian;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns every non-2xx Atlassian response into an {@link AtlassianException}, reading the error shapes Jira
 * ({@code errorMessages}/{@code errors}), Confluence v1 ({@code message}), Confluence v2 ({@code errors[].detail} or
 * {@code title}) and GraphQL gateways use.
 */
public class AtlassianResponseMapper implements ResponseExceptionMapper<AtlassianException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;
    /** Confluence Cloud v2 titles that only repeat the status code. */
    private static final java.util.Set<String> GENERIC_TITLES = java.util.Set.of("Not Found", "Bad Request",
            "Unauthorized", "Forbidden", "Internal Server Error");
    /** Confluence prefixes some messages with a Java exception class, e.g. {@code com.atlassian...Exception: }. */
    private static final java.util.regex.Pattern JAVA_EXCEPTION = java.util.regex.Pattern.compile(
            "^(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    @Override
    public AtlassianException toThrowable(Response response) {
        String body = "";
        try {
            response.bufferEntity();
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            // the body is optional; the status alone is enough to explain the failure
        }
        return new AtlassianException(response.getStatus(), messages(body), retryAfter(response.getHeaderString(
                "Retry-After")), rateLimitReason(response::getHeaderString));
    }

    /**
     * Errors, and redirects without a target. A redirect with a {@code Location} (an attachment download sent on to the
     * media store) is the caller's to follow: the client follows none itself.
     */
    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400 || status >= 300 && (headers == null || headers.keySet().stream().noneMatch(
                "Location"::equalsIgnoreCase));
    }

    static List<String> messages(String body) {
        List<String> messages = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return messages;
        }
        try {
            JsonNode json = JSON.readTree(body);
            json.path("errorMessages").forEach(m -> messages.add(m.asText()));
            json.path("errors").fields().forEachRemaining(e -> messages.add(e.getKey() + ": " + e.getValue()
                    .asText()));
            if (json.path("errors").isArray()) {
                json.path("errors").forEach(e -> messages.add(e.hasNonNull("detail") ? e.get("detail").asText()
                        : GENERIC_TITLES.contains(e.path("title").asText()) ? ""
                                : e.path("title").asText(e.path("message").asText())));
            }
            if (json.hasNonNull("message")) {
                messages.add(json.get("message").asText());
            }
        } catch (java.io.IOException e) {
            if (!body.trim().startsWith("<")) {
                messages.add(body.strip());
            }
        }
        return messages.stream().map(m -> JAVA_EXCEPTION.matcher(m).replaceFirst("")).filter(m -> !m.isBlank())
                .map(m -> m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m).toList();
    }

    /** {@code RateLimit-Reason}, or the {@code X-Beta-} variant Atlassian sends for its newer quotas. */
    public static Optional<String> rateLimitReason(java.util.function.UnaryOperator<String> headers) {
        return java.util.stream.Stream.of("RateLimit-Reason", "X-RateLimit-Reason", "X-Beta-RateLimit-Reason")
                .map(headers).filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
    }

    static Optional<Long> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

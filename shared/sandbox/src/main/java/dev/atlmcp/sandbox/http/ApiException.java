package dev.atlmcp.sandbox.http;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered with Atlassian's status code and error body. */
public class ApiException extends RuntimeException {

    private final transient Response response;

    public ApiException(Response response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }

    /** Jira's {@code ErrorCollection}: {@code {"errorMessages":[...],"errors":{...}}}. */
    public static ObjectNode errorCollection(List<String> messages, java.util.Map<String, String> fieldErrors) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        messages.forEach(body.putArray("errorMessages")::add);
        ObjectNode errors = body.putObject("errors");
        fieldErrors.forEach(errors::put);
        return body;
    }

    public static ApiException jira(int status, String message) {
        return new ApiException(Response.json(status, errorCollection(List.of(message), java.util.Map.of())));
    }

    public static ApiException badRequest(String message) {
        return jira(400, message);
    }

    public static ApiException notFound(String message) {
        return jira(404, message);
    }
}

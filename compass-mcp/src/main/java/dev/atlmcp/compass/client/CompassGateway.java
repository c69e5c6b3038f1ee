package dev.atlmcp.compass.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.atlassian.CloudId;

/**
 * Runs Compass GraphQL operations and turns the gateway's failures, which arrive with HTTP 200, into the same
 * {@link AtlassianException} every other Atlassian failure becomes: top-level {@code errors} and {@code QueryError}
 * results carry their {@code statusCode}.
 */
@ApplicationScoped
public class CompassGateway {

    private final CompassClient client;
    private final CloudId cloudId;

    CompassGateway(@RestClient CompassClient client, CloudId cloudId) {
        this.client = client;
        this.cloudId = cloudId;
    }

    /** The configured cloud id, or the one the site tells on first use. */
    public String cloudId() {
        return cloudId.get();
    }

    /** The result at {@code data.compass.<field>}, or an exception if the gateway or the lookup failed. */
    public JsonNode compass(String query, JsonNode variables, String field) {
        return result(client.query(new CompassClient.GraphQlRequest(query, variables)), field);
    }

    private static JsonNode result(JsonNode response, String field) {
        JsonNode errors = response.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw failure(errors.get(0).path("extensions"), messages(errors));
        }
        JsonNode result = response.path("data").path("compass").path(field);
        if ("QueryError".equals(result.path("__typename").asText())) {
            JsonNode extensions = result.path("extensions");
            throw failure(extensions.isArray() ? extensions.path(0) : extensions, List.of(result.path("message")
                    .asText("Compass could not answer the query.")));
        }
        if (result.isMissingNode() || result.isNull()) {
            throw new AtlassianException(502, List.of("Compass returned no " + field + " result."), Optional.empty());
        }
        return result;
    }

    /** A union result nested in a component (relationships, events), or an exception if it is a QueryError. */
    public JsonNode nested(JsonNode result, String what) {
        if ("QueryError".equals(result.path("__typename").asText())) {
            JsonNode extensions = result.path("extensions");
            throw failure(extensions.isArray() ? extensions.path(0) : extensions, List.of(result.path("message")
                    .asText("Compass could not list the " + what + ".")));
        }
        return result;
    }

    /**
     * The payload at {@code data.compass.<field>} of a mutation, or an exception if the gateway failed or the payload
     * says {@code success: false} (its {@code errors} carry the status).
     */
    public JsonNode mutate(String mutation, JsonNode variables, String field) {
        JsonNode payload = result(client.mutation(new CompassClient.GraphQlRequest(mutation, variables)), field);
        if (!payload.path("success").asBoolean(false)) {
            JsonNode errors = payload.path("errors");
            throw failure(errors.path(0).path("extensions"), errors.isArray() && !errors.isEmpty() ? messages(errors)
                    : List.of("Compass did not apply the change."));
        }
        return payload;
    }

    private static AtlassianException failure(JsonNode extensions, List<String> messages) {
        int status = extensions.path("statusCode").asInt(0);
        return new AtlassianException(status >= 400 ? status : 400, messages, Optional.empty());
    }

    private static List<String> messages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.path("message").asText()));
        return messages;
    }
}

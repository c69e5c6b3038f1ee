package dev.atlmcp.compass.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.auth.args.Arguments;
import dev.atlmcp.compass.client.CompassQueries;
import dev.atlmcp.compass.client.ComponentDto;

/** What happened to a component (deployments, incidents, other events) in a time window, and the catalog's types. */
@ApplicationScoped
public class ComponentActivity {

    public static final int MAX_HOURS = 24 * 90;
    private static final Set<String> TYPES = Set.of("DEPLOYMENT", "INCIDENT", "BUILD", "ALERT", "FLAG", "LIFECYCLE",
            "PUSH", "PULL_REQUEST", "VULNERABILITY", "CUSTOM");

    /** One event; {@code state} and {@code detail} (environment or severity) when the event type has them. */
    public record Event(String when, String type, String name, String state, String detail, String url) {
    }

    public record Events(ComponentDto component, int hours, List<Event> events, boolean more) {
    }

    public record Type(String id, String name, String description) {
    }

    private final CompassService compass;
    private final CompassGateway gateway;
    private final ObjectMapper json;

    ComponentActivity(CompassService compass, CompassGateway gateway, ObjectMapper json) {
        this.compass = compass;
        this.gateway = gateway;
        this.json = json;
    }

    /**
     * @param types
     *            comma-separated event types, e.g. deployment,incident; blank for all
     */
    public Events events(String component, int hours, String types, int limit) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be between 1 and " + MAX_HOURS + " (90 days), got "
                    + hours);
        }
        Arguments.limit(limit, CompassService.MAX_LIMIT);
        ArrayNode eventTypes = json.createArrayNode();
        if (types != null && !types.isBlank()) {
            for (String raw : types.split(",")) {
                String type = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
                if (!TYPES.contains(type)) {
                    throw new IllegalArgumentException("types: '" + raw.trim() + "' is not one of " + String.join(
                            ", ", TYPES.stream().sorted().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
                }
                eventTypes.add(type);
            }
        }
        ComponentDto found = compass.component(component);
        Instant now = Instant.now();
        ObjectNode query = json.createObjectNode().put("first", limit);
        if (!eventTypes.isEmpty()) {
            query.set("eventTypes", eventTypes);
        }
        query.putObject("timeParameters").put("startFrom", now.minus(Duration.ofHours(hours)).toString()).put(
                "endAt", now.toString());
        ObjectNode variables = json.createObjectNode().put("id", found.id());
        variables.set("query", query);
        JsonNode result = gateway.nested(gateway.compass(CompassQueries.EVENTS, variables, "component").path(
                "events"), "events");
        List<Event> events = new ArrayList<>();
        for (JsonNode e : result.path("nodes")) {
            JsonNode deployment = e.path("deploymentProperties");
            JsonNode incident = e.path("incidentProperties");
            String state = deployment.path("state").asText(incident.path("state").asText(null));
            String detail = deployment.has("environment") ? deployment.path("environment").path("category").asText(
                    null) : incident.has("severity") ? incident.path("severity").path("label").asText(null) : null;
            events.add(new Event(e.path("lastUpdated").asText(null), e.path("eventType").asText(), e.path(
                    "displayName").asText(), state, detail, e.path("url").asText(null)));
        }
        return new Events(found, hours, events, result.path("pageInfo").path("hasNextPage").asBoolean(false));
    }

    public List<Type> types() {
        ObjectNode variables = json.createObjectNode().put("cloudId", gateway.cloudId());
        variables.putObject("query").put("first", 100);
        List<Type> types = new ArrayList<>();
        gateway.compass(CompassQueries.COMPONENT_TYPES, variables, "componentTypes").path("nodes").forEach(t -> types
                .add(new Type(t.path("id").asText(), t.path("name").asText(), t.path("description").asText(""))));
        return types;
    }
}

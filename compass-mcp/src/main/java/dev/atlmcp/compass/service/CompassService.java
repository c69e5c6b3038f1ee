package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.auth.args.Arguments;
import dev.atlmcp.auth.outbound.AtlassianException;
import dev.atlmcp.compass.client.CompassQueries;
import dev.atlmcp.compass.client.ComponentDto;

/** Catalog reads for the tools: argument rules, id versus slug lookups, search filters and paging. */
@ApplicationScoped
public class CompassService {

    public static final int MAX_LIMIT = 50;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern ARI = Pattern.compile("ari:cloud:compass:[0-9a-f-]{36}:component/[\\w-]+/[\\w-]+");
    private static final List<String> TYPES = List.of("SERVICE", "APPLICATION", "LIBRARY", "OTHER");

    /** One page of matches and the cursor for the next page (null on the last page). */
    public record SearchPage(List<Match> matches, Integer total, String nextCursor) {
    }

    /** A search hit: the component summary and its Compass link. */
    public record Match(ComponentDto component, String link) {
    }

    private final CompassGateway gateway;
    private final ObjectMapper json;

    CompassService(CompassGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    public ComponentDto component(String idOrSlug) {
        String ref = Arguments.text("component", idOrSlug, 300, "checkout-api or ari:cloud:compass:...");
        JsonNode result;
        if (ref.startsWith("ari:")) {
            if (!ARI.matcher(ref).matches()) {
                throw new IllegalArgumentException("component '" + ref + "' is not a Compass component id "
                        + "(ari:cloud:compass:<cloudId>:component/<workspace>/<id>)");
            }
            result = gateway.compass(CompassQueries.COMPONENT_BY_ID, json.createObjectNode().put("id", ref),
                    "component");
        } else if (SLUG.matcher(ref).matches()) {
            result = gateway.compass(CompassQueries.COMPONENT_BY_SLUG, json.createObjectNode().put("slug", ref)
                    .put("cloudId", gateway.cloudId()), "componentByReference");
        } else {
            result = gateway.compass(CompassQueries.COMPONENT_BY_ID, json.createObjectNode().put("id", named(ref)),
                    "component");
        }
        return json.convertValue(result, ComponentDto.class);
    }

    /** Compass has no lookup by name: search for it and keep the component whose name is exactly this. */
    private String named(String name) {
        List<Match> found = search(name, null, null, MAX_LIMIT, null).matches().stream().filter(m -> m.component()
                .name().equalsIgnoreCase(name)).toList();
        if (found.isEmpty()) {
            throw new AtlassianException(404, List.of("No component is named '" + name + "'; find it with "
                    + "compass_search_components, or give its slug or id."), Optional.empty());
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("component: " + found.size() + " components are named '" + name
                    + "' (slugs " + String.join(", ", found.stream().map(m -> m.component().slug()).toList())
                    + "); give the slug of the one you mean");
        }
        return found.get(0).component().id();
    }

    public SearchPage search(String text, String type, String label, int limit, String cursor) {
        Arguments.limit(limit, MAX_LIMIT);
        ObjectNode query = json.createObjectNode().put("first", limit);
        if (text != null && !text.isBlank()) {
            query.put("query", Arguments.text("query", text, 500, "payments"));
        }
        ArrayNode filters = json.createArrayNode();
        if (type != null && !type.isBlank()) {
            String upper = type.trim().toUpperCase(Locale.ROOT);
            if (!TYPES.contains(upper)) {
                throw new IllegalArgumentException("type must be one of " + String.join(", ", TYPES) + ", got '"
                        + type + "'");
            }
            filters.addObject().put("name", "type").putObject("filter").put("eq", upper);
        }
        if (label != null && !label.isBlank()) {
            filters.addObject().put("name", "labels").putObject("filter").putArray("in").add(label.trim());
        }
        if (!filters.isEmpty()) {
            query.set("fieldFilters", filters);
        }
        query.putArray("sort").addObject().put("name", "title").put("order", "ASC");
        String after = Arguments.cursor(cursor);
        if (after != null) {
            query.put("after", after);
        }
        JsonNode result = gateway.compass(CompassQueries.SEARCH, json.createObjectNode().put("cloudId", gateway
                .cloudId()).set("query", query), "searchComponents");
        List<Match> matches = new ArrayList<>();
        result.path("nodes").forEach(n -> matches.add(new Match(json.convertValue(n.path("component"),
                ComponentDto.class), n.path("link").asText(null))));
        JsonNode pageInfo = result.path("pageInfo");
        String next = pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asText(null) : null;
        return new SearchPage(matches, result.hasNonNull("totalCount") ? result.get("totalCount").asInt() : null,
                next);
    }
}

package dev.atlmcp.sandbox.compass;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * Compass through Atlassian's GraphQL gateway ({@code POST /gateway/api/graphql}): every operation is parsed and
 * validated against the sandbox's SDL, lookups answer with {@code QueryError} union members and mutations with
 * {@code errors}, both with HTTP 200, the way the gateway does. {@code GET /_edge/tenant_info} tells the cloud id.
 */
public final class CompassApi {

    public static final String CLOUD_ID = "a436116f-02ce-4520-8fbb-7301462a1674";
    private static final int MAX_PAGE = 100;

    private final String siteUrl;
    private final GraphQL graphql;
    private volatile CompassStore store;

    public CompassApi(String siteUrl) {
        this.siteUrl = siteUrl;
        this.graphql = GraphQL.newGraphQL(schema()).build();
        reset();
    }

    public void reset() {
        store = CompassSeed.seeded(CLOUD_ID, Instant.now());
    }

    public void register(Router router) {
        router.post("/gateway/api/graphql", this::execute);
    }

    /** The API gateway's GraphQL endpoint, {@code https://api.atlassian.com/graphql}. */
    public void registerGateway(Router router) {
        router.post("", this::execute);
    }

    /** The site's public {@code /_edge/tenant_info}, to be registered under {@code /_edge}. */
    public void registerTenantInfo(Router router) {
        router.get("/tenant_info", r -> Response.ok(Json.object().put("cloudId", CLOUD_ID)));
    }

    private Response execute(Request request) {
        JsonNode body = request.json();
        Map<String, Object> variables = body.hasNonNull("variables") ? Json.MAPPER.convertValue(body.get("variables"),
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class)) : Map.of();
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput().query(body.path("query").asText(
                "")).operationName(body.path("operationName").asText(null)).variables(variables).build());
        return Response.ok(Json.MAPPER.valueToTree(result.toSpecification()));
    }

    private GraphQLSchema schema() {
        String sdl;
        try (InputStream in = CompassApi.class.getResourceAsStream("/sandbox/compass/schema.graphqls")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(GraphScalars.passThrough("DateTime"))
                .scalar(GraphScalars.passThrough("URL"))
                .scalar(GraphScalars.passThrough("Long"))
                .type("Query", t -> t.dataFetcher("compass", env -> Map.of())
                        .dataFetcher("tenantContexts", env -> List.of(Map.of("cloudId", CLOUD_ID, "hostName",
                                siteUrl.replaceFirst("^https?://", "")))))
                .type("Mutation", t -> t.dataFetcher("compass", env -> Map.of()))
                .type("CompassCatalogQueryApi", t -> t
                        .dataFetcher("component", env -> component(env.getArgument("id")))
                        .dataFetcher("componentByReference", this::componentByReference)
                        .dataFetcher("components", env -> env.<List<String>> getArgument("ids").stream()
                                .map(id -> store.byId(id).map(this::graph).orElse(null)).toList())
                        .dataFetcher("searchComponents", this::search)
                        .dataFetcher("componentTypes", env -> forCloud(env.getArgument("cloudId"), () -> connection(
                                "CompassComponentTypeConnection",
                                CompassStore.TYPES.stream().<Object> map(t2 -> Map.of("id", t2[0], "name", t2[1],
                                        "description", t2[2])).toList(),
                                false, null)))
                        .dataFetcher("scorecards", env -> forCloud(env.getArgument("cloudId"), () -> connection(
                                "CompassScorecardConnection",
                                CompassStore.SCORECARDS.entrySet().stream().<Object> map(e -> Map.of("id", e.getKey(),
                                        "name", e.getValue()[0], "importance", e.getValue()[1])).toList(),
                                false,
                                null))))
                .type("CompassCatalogMutationApi", t -> t.dataFetcher("addComponentLabels", this::addLabels)
                        .dataFetcher("updateComponent", this::updateComponent))
                .type("CompassComponent", t -> t.dataFetcher("relationships", this::relationships)
                        .dataFetcher("events", this::events))
                .type("CompassComponentResult", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassComponentQueryResult", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassComponentTypesQueryResult", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassScorecardsQueryResult", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassRelationshipConnectionResult", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassEventsQueryResult", t -> t.typeResolver(GraphScalars::byTypename))
                .type("QueryErrorExtension", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassCustomField", t -> t.typeResolver(GraphScalars::byTypename))
                .type("CompassEvent", t -> t.typeResolver(GraphScalars::byTypename))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
    }

    private Object component(String id) {
        if (id == null || !id.startsWith("ari:cloud:compass:")) {
            return queryError(400, "BAD_REQUEST", "Invalid ARI: " + id);
        }
        if (!id.startsWith("ari:cloud:compass:" + CLOUD_ID + ":")) {
            return queryError(403, "FORBIDDEN", "You do not have access to this site.");
        }
        return store.byId(id).<Object> map(this::graph).orElseGet(() -> queryError(404, "NOT_FOUND",
                "Component not found"));
    }

    private Object componentByReference(DataFetchingEnvironment env) {
        Map<String, Object> reference = env.getArgument("reference");
        if (reference.get("ari") != null) {
            return component((String) reference.get("ari"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> slug = (Map<String, Object>) reference.get("slug");
        if (slug == null) {
            return queryError(400, "BAD_REQUEST", "A reference needs an ari or a slug.");
        }
        return forCloud((String) slug.get("cloudId"), () -> store.bySlug((String) slug.get("slug"))
                .<Object> map(this::graph).orElseGet(() -> queryError(404, "NOT_FOUND", "Component not found")));
    }

    private Object search(DataFetchingEnvironment env) {
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        return forCloud(env.getArgument("cloudId"), () -> {
            Predicate<Component> filter = text((String) query.get("query"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> filters = (List<Map<String, Object>>) query.getOrDefault("fieldFilters",
                    List.of());
            for (Map<String, Object> f : filters == null ? List.<Map<String, Object>> of() : filters) {
                Object rule = fieldFilter((String) f.get("name"), cast(f.get("filter")));
                if (rule instanceof Map<?, ?> error) {
                    return error;
                }
                filter = filter.and(cast(rule));
            }
            Comparator<Component> order = Comparator.comparing(c -> c.name.toLowerCase(Locale.ROOT));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sort = (List<Map<String, Object>>) query.get("sort");
            if (sort != null && !sort.isEmpty() && "DESC".equals(String.valueOf(sort.get(0).get("order")))) {
                order = order.reversed();
            }
            List<Object> matches = store.all().stream().filter(filter).sorted(order).<Object> map(c -> Map.of(
                    "link", url(c), "component", graph(c))).toList();
            return page("CompassSearchComponentConnection", matches, (Integer) query.get("first"), (String) query
                    .get("after"));
        });
    }

    private Object fieldFilter(String name, Map<String, Object> filter) {
        List<String> values = new ArrayList<>();
        if (filter.get("eq") != null) {
            values.add(String.valueOf(filter.get("eq")));
        }
        if (filter.get("in") instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        Predicate<Component> rule = switch (name) {
        case "type" -> c -> values.stream().anyMatch(v -> v.equalsIgnoreCase(c.typeId));
        case "ownerId" -> c -> values.contains(c.ownerId);
        case "labels" -> c -> c.labels.stream().anyMatch(values::contains);
        default -> null;
        };
        if (rule == null) {
            return queryError(400, "BAD_REQUEST", "Unsupported field filter: " + name);
        }
        return filter.get("neq") != null ? rule.negate() : rule;
    }

    private static Predicate<Component> text(String query) {
        if (query == null || query.isBlank()) {
            return c -> true;
        }
        String needle = query.toLowerCase(Locale.ROOT).trim();
        return c -> c.name.toLowerCase(Locale.ROOT).contains(needle) || c.slug.contains(needle)
                || c.description.toLowerCase(Locale.ROOT).contains(needle) || c.labels.contains(needle);
    }

    private Object relationships(DataFetchingEnvironment env) {
        Component self = source(env);
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        if ("CHILD_OF".equals(String.valueOf(query.get("relationshipType")))) {
            return connection("CompassRelationshipConnection", List.of(), false, null);
        }
        boolean inward = "INWARD".equals(String.valueOf(query.get("direction")));
        List<Object> nodes = (inward ? store.dependents(self) : self.dependsOn).stream().<Object> map(other -> Map.of(
                "relationshipType", "DEPENDS_ON", "startNode", graph(inward ? other : self), "endNode", graph(inward
                        ? self
                        : other)))
                .toList();
        return page("CompassRelationshipConnection", nodes, (Integer) query.get("first"), (String) query.get(
                "after"));
    }

    private Object events(DataFetchingEnvironment env) {
        Component self = source(env);
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        @SuppressWarnings("unchecked")
        List<String> types = (List<String>) query.get("eventTypes");
        Map<String, Object> time = cast(query.getOrDefault("timeParameters", Map.of()));
        Instant from = time.get("startFrom") == null ? Instant.MIN : Instant.parse(String.valueOf(time.get(
                "startFrom")));
        Instant to = time.get("endAt") == null ? Instant.MAX : Instant.parse(String.valueOf(time.get("endAt")));
        List<Object> nodes = self.events.stream().filter(e -> types == null || types.contains(e.type()))
                .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(to))
                .sorted(Comparator.comparing(Component.Event::at).reversed()).<Object> map(this::event).toList();
        return page("CompassEventConnection", nodes, (Integer) query.get("first"), (String) query.get("after"));
    }

    private Object addLabels(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Optional<Component> component = store.byId(String.valueOf(input.get("componentId")));
        if (component.isEmpty()) {
            return failed(404, "NOT_FOUND", "Component not found");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        List<Object> added = new ArrayList<>();
        for (Object name : (List<?>) input.get("labelNames")) {
            if (!component.get().labels.contains(String.valueOf(name))) {
                component.get().labels.add(String.valueOf(name));
                added.add(Map.of("name", name));
            }
        }
        payload.put("success", true);
        payload.put("errors", List.of());
        payload.put("addedLabels", added);
        return payload;
    }

    /** Sets the given fields; an unknown component or owner team, or a blank name, fails with payload errors. */
    private Object updateComponent(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Optional<Component> component = store.byId(String.valueOf(input.get("id")));
        if (component.isEmpty()) {
            return failed(404, "NOT_FOUND", "Component not found");
        }
        Object name = input.get("name");
        if (input.containsKey("name") && (name == null || String.valueOf(name).isBlank())) {
            return failed(400, "BAD_REQUEST", "Component name must not be blank");
        }
        Object owner = input.get("ownerId");
        if (owner != null && store.all().stream().noneMatch(c -> owner.equals(c.ownerId))) {
            return failed(404, "NOT_FOUND", "Team " + owner + " not found");
        }
        Component c = component.get();
        synchronized (c) {
            if (name != null) {
                c.name = String.valueOf(name);
            }
            if (input.containsKey("description")) {
                c.description = (String) input.get("description");
            }
            if (input.containsKey("ownerId")) {
                c.ownerId = (String) owner;
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("success", true);
        payload.put("errors", List.of());
        payload.put("componentDetails", graph(c));
        return payload;
    }

    private static Map<String, Object> failed(int status, String type, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("success", false);
        payload.put("errors", List.of(Map.of("message", message, "extensions", Map.of("statusCode", status,
                "errorType", type))));
        return payload;
    }

    private Map<String, Object> graph(Component c) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("__typename", "CompassComponent");
        g.put("__source", c);
        g.put("id", c.id);
        g.put("name", c.name);
        g.put("description", c.description);
        g.put("type", c.typeId);
        g.put("typeId", c.typeId);
        CompassStore.TYPES.stream().filter(t -> t[0].equals(c.typeId)).findFirst().ifPresent(t -> g.put(
                "typeMetadata", Map.of("id", t[0], "name", t[1], "description", t[2])));
        g.put("slug", c.slug);
        g.put("state", "ACTIVE");
        g.put("url", url(c));
        g.put("ownerId", c.ownerId);
        g.put("ownerTeam", CompassSeed.teamById(c.ownerId).orElse(null));
        g.put("labels", c.labels.stream().map(l -> Map.of("name", l)).toList());
        g.put("links", c.links.stream().map(l -> Map.of("id", l.id(), "name", l.name(), "type", l.type(), "url",
                l.url())).toList());
        g.put("scorecardScores", c.scores.entrySet().stream().map(e -> Map.of("scorecardId", e.getKey(),
                "totalScore", e.getValue(), "maxTotalScore", 100, "status", e.getValue() >= 80 ? "PASSING"
                        : e.getValue() >= 60 ? "NEEDS_ATTENTION" : "FAILING"))
                .toList());
        List<Object> fields = new ArrayList<>();
        fields.add(Map.of("__typename", "CompassCustomSingleSelectField", "definition", Map.of("id", "field-tier",
                "name", "Tier"), "option", Map.of("id", "option-" + c.tier, "value", c.tier)));
        c.customText.forEach((name, value) -> fields.add(Map.of("__typename", "CompassCustomTextField",
                "definition", Map.of("id", "field-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'), "name", name),
                "textValue", value)));
        g.put("customFields", fields);
        g.put("changeMetadata", Map.of("createdAt", c.createdAt, "lastUserModificationAt", c.createdAt));
        return g;
    }

    private Map<String, Object> event(Component.Event e) {
        Map<String, Object> g = new LinkedHashMap<>();
        boolean deployment = e.type().equals("DEPLOYMENT");
        g.put("__typename", deployment ? "CompassDeploymentEvent" : "CompassIncidentEvent");
        g.put("displayName", e.displayName());
        g.put("description", e.description());
        g.put("eventType", e.type());
        g.put("url", e.url());
        g.put("lastUpdated", e.at());
        g.put("updateSequenceNumber", e.at().toEpochMilli());
        Map<String, Object> p = e.properties();
        if (deployment) {
            g.put("deploymentProperties", Map.of("state", p.get("state"), "startedAt", p.get("startedAt"),
                    "completedAt", e.at(), "sequenceNumber", e.at().getEpochSecond(), "environment", Map.of(
                            "category", p.get("environment"), "displayName", String.valueOf(p.get("environment"))
                                    .toLowerCase(Locale.ROOT),
                            "environmentId", "env-" + p.get("environment"))));
        } else {
            g.put("incidentProperties", Map.of("id", "INC-" + Math.abs(e.displayName().hashCode() % 10000), "state",
                    p.get("state"), "severity", Map.of("label", p.get("severityLabel"), "level", p.get(
                            "severityLevel")),
                    "startTime", p.get("startTime")));
        }
        return g;
    }

    private String url(Component c) {
        return siteUrl + "/compass/component/" + c.id.substring(c.id.lastIndexOf('/') + 1);
    }

    private static Object forCloud(String cloudId, java.util.function.Supplier<Object> body) {
        return CLOUD_ID.equals(cloudId) ? body.get()
                : queryError(403, "FORBIDDEN", "You do not have access to cloud id " + cloudId + ".");
    }

    private static Map<String, Object> page(String typename, List<Object> all, Integer first, String after) {
        int size = first == null ? 25 : Math.max(1, Math.min(MAX_PAGE, first));
        int start = after == null ? 0 : decode(after);
        int end = Math.min(all.size(), start + size);
        Map<String, Object> connection = connection(typename, all.subList(Math.min(start, all.size()), end),
                end < all.size(),
                end > start ? encode(end) : null);
        connection.put("totalCount", all.size());
        return connection;
    }

    private static Map<String, Object> connection(String typename, List<Object> nodes, boolean more,
            String endCursor) {
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

    private static Map<String, Object> queryError(int status, String type, String message) {
        return Map.of("__typename", "QueryError", "identifier", type, "message", message, "extensions", List.of(
                Map.of("__typename", "GenericQueryErrorExtension", "statusCode", status, "errorType", type)));
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

    private static Component source(DataFetchingEnvironment env) {
        return (Component) env.<Map<String, Object>> getSource().get("__source");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}

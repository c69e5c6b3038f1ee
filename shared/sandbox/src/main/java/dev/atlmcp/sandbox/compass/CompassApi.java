package dev.atlmcp.sandbox.compass;

import static dev.atlmcp.sandbox.compass.GraphResults.cast;
import static dev.atlmcp.sandbox.compass.GraphResults.connection;
import static dev.atlmcp.sandbox.compass.GraphResults.forCloud;
import static dev.atlmcp.sandbox.compass.GraphResults.page;
import static dev.atlmcp.sandbox.compass.GraphResults.queryError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
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
    /** The GraphQL context key of the calling account's id. */
    static final String CALLER = "caller";
    private static final String OPTED_IN = "optedIn";
    private static final String BETA = "compass-beta";

    private final String siteUrl;
    private final ComponentView view;
    private final CompassWrites writes;
    private final GraphQL graphql;
    private volatile CompassStore store;

    public CompassApi(String siteUrl) {
        this.siteUrl = siteUrl;
        this.view = new ComponentView(siteUrl, () -> store);
        this.writes = new CompassWrites(() -> store, view);
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
        String query = body.path("query").asText("");
        boolean optedIn = request.header("X-ExperimentalApi").orElse("").contains(BETA) || query.matches(
                "(?s).*@optIn\\(to:\\s*\\[?\\s*\"" + BETA + "\".*");
        String caller = request.principal() instanceof SandboxUser user ? user.accountId() : "";
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput().query(query).operationName(body
                .path("operationName").asText(null)).variables(variables).graphQLContext(Map.of(OPTED_IN, optedIn,
                        CALLER, caller))
                .build());
        return Response.ok(Json.MAPPER.valueToTree(result.toSpecification()));
    }

    private GraphQLSchema schema() {
        String sdl;
        try (InputStream in = CompassApi.class.getResourceAsStream("/sandbox/compass/schema.graphqls")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
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
                                .map(id -> store.byId(id).map(view::graph).orElse(null)).toList())
                        .dataFetcher("searchComponents", env -> search(env, c -> true))
                        .dataFetcher("myComponents", env -> search(env, c -> CompassSeed.member(c.ownerId, env
                                .getGraphQlContext().get(CALLER))))
                        .dataFetcher("componentTypes", env -> forCloud(env.getArgument("cloudId"), () -> connection(
                                "CompassComponentTypeConnection",
                                CompassStore.TYPES.stream().<Object> map(t2 -> Map.of("id", t2[0], "name", t2[1],
                                        "description", t2[2])).toList(),
                                false, null)))
                        .dataFetcher("scorecards", env -> forCloud(env.getArgument("cloudId"), () -> connection(
                                "CompassScorecardConnection", CompassStore.SCORECARDS.stream().<Object> map(
                                        s -> ComponentView.scorecard(s, null)).toList(),
                                false, null)))
                        .dataFetcher("customFieldDefinitions",
                                env -> forCloud(
                                        String.valueOf(env.<Map<String, Object>> getArgument("query").get("cloudId")),
                                        () -> connection(
                                                "CompassCustomFieldDefinitionsConnection", store.fields().stream()
                                                        .<Object> map(ComponentView::definition).toList(),
                                                false, null))))
                .type("CompassCatalogMutationApi", t -> t.dataFetcher("createComponent", writes::createComponent)
                        .dataFetcher("updateComponent", writes::updateComponent)
                        .dataFetcher("addComponentLabels", writes::addLabels)
                        .dataFetcher("removeComponentLabels", writes::removeLabels)
                        .dataFetcher("createComponentLink", writes::createLink)
                        .dataFetcher("deleteComponentLink", writes::deleteLink)
                        .dataFetcher("createRelationship", writes::createRelationship)
                        .dataFetcher("deleteRelationship", writes::deleteRelationship)
                        .dataFetcher("createCompassEvent", writes::createEvent)
                        .dataFetcher("createCustomFieldDefinition", writes::createFieldDefinition)
                        .dataFetcher("deleteCustomFieldDefinition", writes::deleteFieldDefinition))
                .type("CompassComponent", t -> t.dataFetcher("relationships", this::relationships)
                        .dataFetcher("events", this::events)
                        .dataFetcher("metricSources", this::metricSources)
                        .dataFetcher("ownerTeam",
                                env -> optedIn(env, "CompassComponent.ownerTeam",
                                        env.<Map<String, Object>> getSource().get("ownerTeam"))))
                .type("CompassMetricSource", t -> t.dataFetcher("values", env -> {
                    Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
                    return page("CompassMetricSourceValuesConnection", cast(env.<Map<String, Object>> getSource()
                            .get("__values")), (Integer) query.get("first"), (String) query.get("after"));
                }))
                .type("CompassScorecard", t -> t.dataFetcher("scorecardScore", this::scorecardScore))
                .type("CompassScorecardScore", t -> t.dataFetcher("criteriaScores", env -> optedIn(env,
                        "CompassScorecardScore.criteriaScores", env.<Map<String, Object>> getSource().get(
                                "criteriaScores"))));
        for (String union : List.of("CompassComponentResult", "CompassComponentQueryResult",
                "CompassComponentTypesQueryResult", "CompassScorecardsQueryResult",
                "CompassRelationshipConnectionResult", "CompassEventsQueryResult",
                "CompassCustomFieldDefinitionsResult", "QueryErrorExtension", "CompassCustomField",
                "CompassCustomFieldDefinition", "CompassEvent", "CompassComponentMetricSourcesQueryResult",
                "CompassMetricDefinitionFormat", "CompassMetricSourceValuesQueryResult")) {
            wiring.type(union, t -> t.typeResolver(GraphScalars::byTypename));
        }
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring.build());
    }

    /** An experimental field's value, or a GraphQL error when the request did not opt in to compass-beta. */
    private static Object optedIn(DataFetchingEnvironment env, String field, Object value) {
        if (Boolean.TRUE.equals(env.getGraphQlContext().get(OPTED_IN))) {
            return value;
        }
        return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message("The field " + field
                + " is experimental: opt in with the X-ExperimentalApi: " + BETA + " header or @optIn(to: \""
                + BETA + "\")").extensions(Map.of("statusCode", 400, "errorType", "OPT_IN_REQUIRED")).build())
                .build();
    }

    private Object component(String id) {
        if (id == null || !id.startsWith("ari:cloud:compass:")) {
            return queryError(400, "BAD_REQUEST", "Invalid ARI: " + id);
        }
        if (!id.startsWith("ari:cloud:compass:" + CLOUD_ID + ":")) {
            return queryError(403, "FORBIDDEN", "You do not have access to this site.");
        }
        return store.byId(id).<Object> map(view::graph).orElseGet(() -> queryError(404, "NOT_FOUND",
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
                .<Object> map(view::graph).orElseGet(() -> queryError(404, "NOT_FOUND", "Component not found")));
    }

    private Object search(DataFetchingEnvironment env, Predicate<Component> scope) {
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        return forCloud(env.getArgument("cloudId"), () -> {
            Predicate<Component> filter = scope.and(text((String) query.get("query")));
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
                    "link", view.url(c), "component", view.graph(c))).toList();
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
                || (c.description != null && c.description.toLowerCase(Locale.ROOT).contains(needle))
                || c.labels.contains(needle);
    }

    private Object relationships(DataFetchingEnvironment env) {
        Component self = source(env);
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        boolean childOf = "CHILD_OF".equals(String.valueOf(query.get("relationshipType")));
        boolean inward = "INWARD".equals(String.valueOf(query.get("direction")));
        List<Component> others = childOf ? inward ? store.children(self) : self.childOf
                : inward ? store.dependents(self) : self.dependsOn;
        List<Object> nodes = others.stream().<Object> map(other -> Map.of("relationshipType", childOf ? "CHILD_OF"
                : "DEPENDS_ON", "startNode", view.graph(inward ? other : self), "endNode",
                view.graph(inward ? self
                        : other)))
                .toList();
        return page("CompassRelationshipConnection", nodes, (Integer) query.get("first"), (String) query.get(
                "after"));
    }

    private Object scorecardScore(DataFetchingEnvironment env) {
        Map<String, Object> scorecard = env.getSource();
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        Component of = query.get("componentId") != null ? store.byId(String.valueOf(query.get("componentId")))
                .orElse(null) : (Component) scorecard.get("__component");
        return of == null ? null : CompassStore.SCORECARDS.stream().filter(s -> s.id().equals(scorecard.get("id")))
                .findFirst().map(s -> ComponentView.score(s, of)).orElse(null);
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
                .sorted(Comparator.comparing(Component.Event::at).reversed()).<Object> map(view::event).toList();
        return page("CompassEventConnection", nodes, (Integer) query.get("first"), (String) query.get("after"));
    }

    private Object metricSources(DataFetchingEnvironment env) {
        Map<String, Object> query = env.getArgumentOrDefault("query", Map.of());
        List<Object> nodes = source(env).metrics.stream().<Object> map(ComponentView::metric).toList();
        return page("CompassComponentMetricSourcesConnection", nodes, (Integer) query.get("first"), (String) query
                .get("after"));
    }

    private static Component source(DataFetchingEnvironment env) {
        return (Component) env.<Map<String, Object>> getSource().get("__source");
    }
}

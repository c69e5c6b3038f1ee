package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.http.Json;

/** Compass through the GraphQL gateway: validated operations, union errors, paging, the dependency graph. */
class SandboxCompassTest extends SandboxSiteTest {

    private static final String SEARCH = """
            query($c:String!,$q:CompassSearchComponentQuery){compass{searchComponents(cloudId:$c,query:$q){
             ...on CompassSearchComponentConnection{totalCount nodes{link component{id name typeId slug ownerId
             labels{name}}} pageInfo{hasNextPage endCursor}}
             ...on QueryError{message extensions{statusCode errorType}}}}}""";
    private static final String BY_SLUG = """
            query($slug:String!,$c:ID!){compass{componentByReference(reference:{slug:{slug:$slug,cloudId:$c}}){
             ...on CompassComponent{id name relationships(query:{direction:INWARD}){...on CompassRelationshipConnection{
             nodes{startNode{name} endNode{name}}}} events(query:{eventTypes:[DEPLOYMENT]}){...on CompassEventConnection{
             nodes{displayName ...on CompassDeploymentEvent{deploymentProperties{state environment{category}}}}}}}
             ...on QueryError{message extensions{statusCode errorType}}}}}""";

    @Test
    void searchFiltersAndPagesTheCatalog() throws Exception {
        List<String> names = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ObjectNode query = Json.object().put("first", 10);
            if (after != null) {
                query.put("after", after);
            }
            JsonNode result = graphql(SEARCH, Json.object().put("c", CompassApi.CLOUD_ID).set("q", query)).path(
                    "data").path("compass").path("searchComponents");
            result.path("nodes").forEach(n -> names.add(n.path("component").path("name").asText()));
            after = result.path("pageInfo").path("hasNextPage").asBoolean() ? result.path("pageInfo").path(
                    "endCursor").asText() : null;
            pages++;
        } while (after != null && pages < 10);
        assertTrue(names.size() >= 30, "30+ components: " + names.size());
        assertEquals(names.size(), names.stream().distinct().count());

        ObjectNode libraries = Json.object();
        libraries.putArray("fieldFilters").addObject().put("name", "type").putObject("filter").put("eq", "LIBRARY");
        JsonNode found = graphql(SEARCH, Json.object().put("c", CompassApi.CLOUD_ID).set("q", libraries));
        found.path("data").path("compass").path("searchComponents").path("nodes").forEach(n -> assertEquals(
                "LIBRARY", n.path("component").path("typeId").asText()));
        assertEquals(4, found.path("data").path("compass").path("searchComponents").path("totalCount").asInt());
    }

    @Test
    void dependencyGraphHasInwardEdgesACycleAndDeployments() throws Exception {
        JsonNode ledger = graphql(BY_SLUG, Json.object().put("slug", "ledger-service").put("c", CompassApi.CLOUD_ID))
                .path("data").path("compass").path("componentByReference");
        List<String> dependents = new ArrayList<>();
        ledger.path("relationships").path("nodes").forEach(n -> dependents.add(n.path("startNode").path("name")
                .asText()));
        assertTrue(dependents.containsAll(List.of("payments-api", "Payment Gateway", "settlement-job")), dependents
                .toString());

        JsonNode settlement = graphql(BY_SLUG, Json.object().put("slug", "settlement-job").put("c",
                CompassApi.CLOUD_ID)).path("data").path("compass").path("componentByReference");
        JsonNode latest = settlement.path("events").path("nodes").get(0);
        assertEquals("settlement-job 4.12.0", latest.path("displayName").asText());
        assertEquals("PRODUCTION", latest.path("deploymentProperties").path("environment").path("category").asText());
        List<String> settlementDependents = new ArrayList<>();
        settlement.path("relationships").path("nodes").forEach(n -> settlementDependents.add(n.path("startNode")
                .path("name").asText()));
        assertTrue(settlementDependents.contains("ledger-service"), "cycle: " + settlementDependents);
    }

    @Test
    void lookupsFailAsQueryErrorsWithHttp200() throws Exception {
        SandboxHttp.Reply missing = http.postJson("/gateway/api/graphql", bot(), Json.object().put("query", BY_SLUG)
                .set("variables", Json.object().put("slug", "no-such-thing").put("c", CompassApi.CLOUD_ID))
                .toString());
        assertEquals(200, missing.status());
        JsonNode error = missing.json().path("data").path("compass").path("componentByReference");
        assertEquals("Component not found", error.path("message").asText());
        assertEquals(404, error.path("extensions").get(0).path("statusCode").asInt());

        JsonNode foreign = graphql(SEARCH, Json.object().put("c", "00000000-0000-0000-0000-000000000000").set("q",
                Json.object())).path("data").path("compass").path("searchComponents");
        assertEquals(403, foreign.path("extensions").get(0).path("statusCode").asInt());
    }

    @Test
    void invalidOperationsAreRejectedByTheSchema() throws Exception {
        JsonNode result = graphql("query{compass{searchComponents(cloudId:\"x\"){...on CompassSearchComponentConnection"
                + "{nodes{component{sourceId}}}}}}", Json.object());
        assertFalse(result.path("errors").isEmpty(), result.toString());
        assertTrue(result.path("errors").get(0).path("message").asText().contains("sourceId"), result.toString());
        assertTrue(result.path("data").isMissingNode() || result.path("data").isNull(), result.toString());
    }

    @Test
    void mutationsReportErrorsInThePayload() throws Exception {
        JsonNode payload = graphql("mutation($i:AddCompassComponentLabelsInput!){compass{addComponentLabels(input:$i)"
                + "{success errors{message extensions{statusCode errorType}} addedLabels{name}}}}",
                Json.object().set(
                        "i", Json.object().put("componentId", "ari:cloud:compass:x:component/y/z").set("labelNames",
                                Json.array().add("pci")))).path("data").path("compass").path("addComponentLabels");
        assertFalse(payload.path("success").asBoolean());
        assertEquals(404, payload.path("errors").get(0).path("extensions").path("statusCode").asInt());
    }

    private static JsonNode graphql(String query, JsonNode variables) throws Exception {
        SandboxHttp.Reply reply = http.postJson("/gateway/api/graphql", bot(), Json.object().put("query", query).set(
                "variables", variables).toString());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}

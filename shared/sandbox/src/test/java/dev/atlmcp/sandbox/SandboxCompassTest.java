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
        JsonNode result = graphqlAs(bot(), "query{compass{searchComponents(cloudId:\"x\"){...on "
                + "CompassSearchComponentConnection{nodes{component{sourceId}}}}}}", Json.object());
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

    @Test
    void experimentalFieldsNeedTheCompassBetaOptIn() throws Exception {
        String owner = "query($slug:String!,$c:ID!){compass{componentByReference(reference:{slug:{slug:$slug,"
                + "cloudId:$c}}){...on CompassComponent{name ownerTeam%s{displayName}}}}}";
        JsonNode variables = Json.object().put("slug", "checkout-api").put("c", CompassApi.CLOUD_ID);
        JsonNode refused = graphqlAs(bot(), owner.formatted(""), variables);
        assertEquals("OPT_IN_REQUIRED", refused.path("errors").get(0).path("extensions").path("errorType").asText(),
                refused.toString());
        assertTrue(refused.path("errors").get(0).path("message").asText().contains("compass-beta"));
        JsonNode directive = graphqlAs(bot(), owner.formatted(" @optIn(to: \"compass-beta\")"), variables);
        assertTrue(directive.path("errors").isMissingNode(), directive.toString());
        assertEquals("Checkout", graphql(owner.formatted(""), variables).path("data").path("compass").path(
                "componentByReference").path("ownerTeam").path("displayName").asText());
    }

    @Test
    void myComponentsAreThoseOfTheCallersTeams() throws Exception {
        String mine = "query($c:String!){compass{myComponents(cloudId:$c,query:{first:100}){...on "
                + "CompassSearchComponentConnection{nodes{component{name}}}}}}";
        JsonNode priya = graphqlAs(SandboxHttp.basic(Directory.PRIYA.email(), Directory.PRIYA.apiToken()), mine, Json
                .object().put("c", CompassApi.CLOUD_ID)).path("data").path("compass").path("myComponents");
        List<String> names = new ArrayList<>();
        priya.path("nodes").forEach(n -> names.add(n.path("component").path("name").asText()));
        assertTrue(names.containsAll(List.of("payments-api", "data-warehouse", "catalog-service")), names.toString());
        assertFalse(names.contains("checkout-api"), names.toString());
        assertTrue(graphql(mine, Json.object().put("c", CompassApi.CLOUD_ID)).path("data").path("compass").path(
                "myComponents").path("nodes").isEmpty(), "the service account is in no team");
    }

    @Test
    void catalogWritesKeepCompassRules() throws Exception {
        String create = "mutation($c:ID!,$i:CreateCompassComponentInput!){compass{createComponent(cloudId:$c,input:$i)"
                + "{success errors{message extensions{statusCode}} componentDetails{id slug scorecardScores{"
                + "scorecardId totalScore}}}}}";
        ObjectNode input = Json.object().put("name", "Quote Service").put("typeId", "SERVICE");
        JsonNode created = graphql(create, Json.object().put("c", CompassApi.CLOUD_ID).set("i", input)).path("data")
                .path("compass").path("createComponent");
        assertTrue(created.path("success").asBoolean(), created.toString());
        assertEquals("quote-service", created.path("componentDetails").path("slug").asText());
        JsonNode again = graphql(create, Json.object().put("c", CompassApi.CLOUD_ID).set("i", input)).path("data")
                .path("compass").path("createComponent");
        assertFalse(again.path("success").asBoolean());
        assertTrue(again.path("errors").get(0).path("message").asText().contains("slug quote-service is already"));

        String id = created.path("componentDetails").path("id").asText();
        String link = "mutation($i:CreateCompassComponentLinkInput!){compass{createComponentLink(input:$i){success "
                + "createdComponentLink{id} errors{message}}}}";
        ObjectNode onCall = Json.object().put("componentId", id);
        onCall.putObject("link").put("type", "ON_CALL").put("url", "https://acme.app.opsgenie.com/teams/quotes");
        assertTrue(graphql(link, Json.object().set("i", onCall)).path("data").path("compass").path(
                "createComponentLink").path("success").asBoolean());
        JsonNode scores = graphql(BY_ID_SCORES, Json.object().put("id", id)).path("data").path("compass").path(
                "component").path("scorecards");
        assertEquals(50, scores.get(1).path("scorecardScore").path("totalScore").asInt(), scores.toString());
        assertEquals(List.of(50, 0, 0), criteria(scores.get(1)));

        String relate = "mutation($i:CreateCompassRelationshipInput!){compass{createRelationship(input:$i){success "
                + "errors{extensions{statusCode}}}}}";
        JsonNode pair = Json.object().put("startNodeId", id).put("endNodeId", id);
        assertEquals(400, graphql(relate, Json.object().set("i", pair)).path("data").path("compass").path(
                "createRelationship").path("errors").get(0).path("extensions").path("statusCode").asInt());

        String warehouse = graphql(SEARCH, Json.object().put("c", CompassApi.CLOUD_ID).set("q", Json.object().put(
                "query", "data-warehouse"))).path("data").path("compass").path("searchComponents").path("nodes").get(
                        0).path("component").path("id").asText();
        JsonNode locked = graphql("mutation($i:UpdateCompassComponentInput!){compass{updateComponent(input:$i){"
                + "success errors{message extensions{statusCode}}}}}",
                Json.object().set("i", Json.object().put("id",
                        warehouse).put("description", "x"))).path("data").path("compass").path("updateComponent");
        assertEquals(403, locked.path("errors").get(0).path("extensions").path("statusCode").asInt(), locked
                .toString());
    }

    private static final String BY_ID_SCORES = "query($id:ID!){compass{component(id:$id){...on CompassComponent{"
            + "scorecards{id name scorecardScore{totalScore maxTotalScore criteriaScores{criterionId score}}}}}}}";

    private static List<Integer> criteria(JsonNode scorecard) {
        List<Integer> scores = new ArrayList<>();
        scorecard.path("scorecardScore").path("criteriaScores").forEach(c -> scores.add(c.path("score").asInt()));
        return scores;
    }

    private static JsonNode graphql(String query, JsonNode variables) throws Exception {
        SandboxHttp.Reply reply = http.postJson("/gateway/api/graphql", bot(), Json.object().put("query", query).set(
                "variables", variables).toString(), "X-ExperimentalApi", "compass-beta");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().path("errors").isMissingNode(), reply.body());
        return reply.json();
    }

    private static JsonNode graphqlAs(String authorization, String query, JsonNode variables) throws Exception {
        SandboxHttp.Reply reply = http.postJson("/gateway/api/graphql", authorization, Json.object().put("query",
                query).set("variables", variables).toString());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}

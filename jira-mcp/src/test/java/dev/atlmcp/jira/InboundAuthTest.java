package dev.atlmcp.jira;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InboundAuthTest {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    @Test
    void streamableEndpointWithoutTokenIsChallengedWithResourceMetadata() {
        given().contentType("application/json").accept("application/json, text/event-stream").body(INITIALIZE)
                .post("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer resource_metadata=\"http://localhost:"))
                .header("WWW-Authenticate", endsWith("/.well-known/oauth-protected-resource/mcp\""));
    }

    @Test
    void sseEndpointWithoutTokenIsChallenged() {
        given().accept("text/event-stream").get("/mcp/sse").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer resource_metadata="));
    }

    @Test
    void invalidTokenIsRejected() {
        given().contentType("application/json").accept("application/json, text/event-stream")
                .header("Authorization", "Bearer not-a-jwt").body(INITIALIZE).post("/mcp").then().statusCode(401);
    }

    @Test
    void mcpClientWithoutTokenCannotConnect() {
        McpAssured.newStreamableClient().setExpectConnectFailure().build().connect();
    }

    @Test
    void protectedResourceMetadataNamesTheResourceAndTheIssuer() {
        String body = given().get("/.well-known/oauth-protected-resource/mcp").then().statusCode(200).extract()
                .asString();
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(body);
        org.hamcrest.MatcherAssert.assertThat(json.getString("resource"), endsWith("/mcp"));
        org.hamcrest.MatcherAssert.assertThat(json.getList("authorization_servers", String.class), contains(
                endsWith("/realms/quarkus/")));
    }

    @Test
    void initializeAnswersWithTheServiceNameAndMavenVersion() {
        McpAssured.newStreamableClient().setAdditionalHeaders(Mcp.bearer(Mcp.token())).build().connect(init -> {
            org.junit.jupiter.api.Assertions.assertEquals("jira-mcp", init.serverName());
            org.junit.jupiter.api.Assertions.assertEquals(System.getProperty("project.version"),
                    init.serverVersion());
        }).disconnect();
    }

    @Test
    void healthIsPublic() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

package dev.atlmcp.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.restassured.path.json.JsonPath;

/**
 * What every server guarantees at its front door: MCP needs a bearer token, the challenge leads to the resource
 * metadata, health is public, and {@code initialize} names the service and its version. A service's test extends this
 * class and is annotated {@code @QuarkusTest}.
 */
public abstract class InboundAuthContract {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    /** The {@code serverInfo.name} the service must answer with, e.g. {@code jira-mcp}. */
    protected abstract String serverName();

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
        JsonPath json = JsonPath.from(given().get("/.well-known/oauth-protected-resource/mcp").then().statusCode(200)
                .extract().asString());
        assertThat(json.getString("resource"), endsWith("/mcp"));
        assertThat(json.getList("authorization_servers", String.class), contains(endsWith("/realms/quarkus/")));
    }

    @Test
    void initializeAnswersWithTheServiceNameAndMavenVersion() {
        McpAssured.newStreamableClient().setAdditionalHeaders(Mcp.bearer(Mcp.token())).build().connect(init -> {
            assertEquals(serverName(), init.serverName());
            assertEquals(System.getProperty("project.version"), init.serverVersion());
        }).disconnect();
    }

    @Test
    void healthIsPublic() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

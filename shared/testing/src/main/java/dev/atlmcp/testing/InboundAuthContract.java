package dev.atlmcp.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;

/**
 * What every server guarantees at its front door, over real signed tokens: MCP needs a valid bearer token for this
 * resource; the challenge leads to our resource metadata and names the scopes; a tool needs its scope (403
 * insufficient_scope otherwise); only allowed clients, hosts and origins get in; health is public; {@code initialize}
 * names the service and its version. A service's test extends this class and is annotated {@code @QuarkusTest}.
 */
public abstract class InboundAuthContract {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    /** The {@code serverInfo.name} the service must answer with, e.g. {@code jira-mcp}. */
    protected abstract String serverName();

    /** A read-only tool of this service and arguments that make it succeed on the sandbox. */
    protected abstract String readTool();

    protected abstract Map<String, Object> readToolArguments();

    /** A tool that changes something, and arguments for it; none while the server has no write tools. */
    protected Optional<String> writeTool() {
        return Optional.empty();
    }

    protected Map<String, Object> writeToolArguments() {
        return Map.of();
    }

    private String product() {
        return serverName().replace("-mcp", "");
    }

    @Test
    void withoutTokenTheChallengeNamesTheMetadataAndTheScopes() {
        given().contentType("application/json").accept("application/json, text/event-stream").body(INITIALIZE)
                .post("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", matchesRegex("Bearer resource_metadata=\"http://localhost:\\d+/"
                        + "\\.well-known/oauth-protected-resource/mcp\", scope=\"" + product() + ":read " + product()
                        + ":write\""));
    }

    @Test
    void sseEndpointWithoutTokenIsChallenged() {
        given().accept("text/event-stream").get("/mcp/sse").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer resource_metadata="));
    }

    @Test
    void malformedExpiredForeignIssuerAndForeignAudienceTokensAreRejected() {
        assertEquals(401, initialize("not-a-jwt").statusCode());
        assertEquals(401, initialize(signed("https://server.example.com", "https://server.example.com", Instant.now()
                .minusSeconds(600))).statusCode(), "expired");
        assertEquals(401, initialize(signed("https://evil.example.com", "https://server.example.com", Instant.now()
                .plusSeconds(600))).statusCode(), "foreign issuer");
        assertEquals(401, initialize(Mcp.token(Mcp.ALL_SCOPES, "test-client", "https://other-resource.example.com"))
                .statusCode(), "foreign audience");
    }

    @Test
    void validAndAlternativeAudienceTokensGetIn() {
        assertEquals(200, initialize(Mcp.token()).statusCode());
        assertEquals(200, initialize(Mcp.token(Mcp.ALL_SCOPES, "test-client", "https://alternative.example.com"))
                .statusCode());
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = signed("https://server.example.com", "https://server.example.com", expiry);
        assertEquals(200, initialize(token).statusCode(), "valid for three more seconds");
        assertEquals(200, initialize(token).statusCode(), "and again");
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), expiry).toMillis()) + 1_100);
        assertEquals(401, initialize(token).statusCode(), "expired since it was last accepted");
    }

    @Test
    void aTokenChangedInAnyPartAfterItWasAcceptedIsRefused() {
        String token = Mcp.token(product() + ":read", "test-client", "https://server.example.com");
        assertEquals(200, initialize(token).statusCode());
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        assertEquals(401, initialize(parts[0] + "." + parts[1] + "." + new String(signature)).statusCode(),
                "one character of the signature changed");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        JsonObject escalated = claims.copy().put("scope", Mcp.ALL_SCOPES).put("sub", "mallory-subject");
        assertEquals(401, initialize(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(escalated
                .encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2]).statusCode(), "claims changed, "
                        + "signature kept");
        JsonObject none = new JsonObject().put("alg", "none").put("typ", "JWT");
        assertEquals(401, initialize(Base64.getUrlEncoder().withoutPadding().encodeToString(none.encode().getBytes(
                StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2]).statusCode(), "header changed to alg none");
        Response stepUp = callTool(token, writeTool().orElse(readTool()), writeTool().isPresent()
                ? writeToolArguments() : readToolArguments());
        assertEquals(writeTool().isPresent() ? 403 : 200, stepUp.statusCode(), "the genuine token keeps its own "
                + "scopes: " + stepUp.asString());
    }

    @Test
    void toolCallWithoutTheScopeIsRefusedSoTheClientCanStepUp() {
        String token = Mcp.token(product() + ":write", "test-client", "https://server.example.com");
        Response response = callTool(token, readTool(), readToolArguments());
        assertEquals(403, response.statusCode(), response.asString());
        assertThat(response.header("WWW-Authenticate"), matchesRegex("Bearer error=\"insufficient_scope\", scope=\""
                + product() + ":read " + product() + ":write\", resource_metadata=\"http://localhost:\\d+/"
                + "\\.well-known/oauth-protected-resource/mcp\""));
        Response allowed = callTool(Mcp.token(product() + ":read", "test-client", "https://server.example.com"),
                readTool(), readToolArguments());
        assertEquals(200, allowed.statusCode(), allowed.asString());
    }

    @Test
    void writeToolCallWithOnlyTheReadScopeIsRefusedSoTheClientCanStepUp() {
        Assumptions.assumeTrue(writeTool().isPresent(), "no write tool yet");
        Response response = callTool(Mcp.token(product() + ":read", "test-client", "https://server.example.com"),
                writeTool().get(), writeToolArguments());
        assertEquals(403, response.statusCode(), response.asString());
        assertThat(response.header("WWW-Authenticate"), matchesRegex("Bearer error=\"insufficient_scope\", scope=\""
                + product() + ":read " + product() + ":write\", resource_metadata=\"http://localhost:\\d+/"
                + "\\.well-known/oauth-protected-resource/mcp\""));
    }

    /** A resource the server offers, e.g. {@code jira://issue/OPS-1}; empty if it offers none. */
    protected Optional<String> resourceUri() {
        return Optional.empty();
    }

    @Test
    void readingAResourceNeedsTheReadScope() {
        Assumptions.assumeTrue(resourceUri().isPresent(), "no resources");
        Response response = send(Mcp.token(product() + ":write", "test-client", "https://server.example.com"),
                "resources/read", new JsonObject().put("uri", resourceUri().get()));
        assertEquals(403, response.statusCode(), response.asString());
        assertThat(response.header("WWW-Authenticate"), matchesRegex("Bearer error=\"insufficient_scope\", scope=\""
                + product() + ":read " + product() + ":write\", .*"));
        assertEquals(200, send(Mcp.token(product() + ":read", "test-client", "https://server.example.com"),
                "resources/read", new JsonObject().put("uri", resourceUri().get())).statusCode());
    }

    @Test
    void legacySseToolCallWithoutTheScopeIsRefused() throws Exception {
        String token = Mcp.token(product() + ":write", "test-client", "https://server.example.com");
        try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, token)) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalStateException.class, () -> client.callTool(readTool(), readToolArguments()));
            assertThat(refused.getMessage(), endsWith(" answered 403"));
        }
    }

    @Test
    void clientsOffTheAllowListAreRefused() {
        Response rogue = initialize(Mcp.token(Mcp.ALL_SCOPES, "rogue-agent", "https://server.example.com"));
        assertEquals(403, rogue.statusCode());
        assertThat(rogue.asString(), org.hamcrest.Matchers.containsString("MCP_AUTH_ALLOWED_CLIENTS"));
        assertEquals(200, initialize(Mcp.token(Mcp.ALL_SCOPES, "kiro", "https://server.example.com")).statusCode());
        // Okta names the client in cid
        String okta = io.quarkus.test.oidc.server.OidcWiremockTestResource.generateJwtToken("alice", java.util.Set.of(
                "user"), "alice-subject", null, java.util.Set.of("https://server.example.com"),
                Map.of("scope",
                        Mcp.ALL_SCOPES, "cid", "kiro"));
        assertEquals(200, initialize(okta).statusCode(), "allowed client named in cid");
    }

    @Test
    void foreignHostsAndOriginsAreRefused() {
        assertEquals(403, given().header("Host", "attacker.example.com").contentType("application/json")
                .accept("application/json, text/event-stream").header("Authorization", "Bearer " + Mcp.token())
                .body(INITIALIZE).post("/mcp").statusCode(), "DNS rebinding: foreign Host");
        assertEquals(403, given().header("Origin", "https://attacker.example.com").contentType("application/json")
                .accept("application/json, text/event-stream").header("Authorization", "Bearer " + Mcp.token())
                .body(INITIALIZE).post("/mcp").statusCode(), "foreign Origin");
        // Names that start like a loopback name (quarkus-mcp-server before 2.0 matched the Origin by prefix).
        for (String lookAlike : new String[] { "localhost.attacker.example", "127.0.0.1.attacker.example",
                "localhost-attacker.example" }) {
            assertEquals(403, given().header("Host", lookAlike).contentType("application/json").accept(
                    "application/json, text/event-stream").header("Authorization", "Bearer " + Mcp.token()).body(
                            INITIALIZE)
                    .post("/mcp").statusCode(), "Host " + lookAlike);
            assertEquals(403, given().header("Origin", "http://" + lookAlike).contentType("application/json").accept(
                    "application/json, text/event-stream").header("Authorization", "Bearer " + Mcp.token()).body(
                            INITIALIZE)
                    .post("/mcp").statusCode(), "Origin http://" + lookAlike);
        }
        assertEquals(403, given().header("Origin", "http://localhost@attacker.example").contentType(
                "application/json").accept("application/json, text/event-stream").header("Authorization", "Bearer "
                        + Mcp.token())
                .body(INITIALIZE).post("/mcp").statusCode(), "Origin with user info");
        Response local = given().header("Origin", "http://localhost:6274").contentType("application/json")
                .accept("application/json, text/event-stream").header("Authorization", "Bearer " + Mcp.token())
                .body(INITIALIZE).post("/mcp");
        assertEquals(200, local.statusCode(), () -> "a local inspector: " + local.asString());
        assertEquals("http://localhost:6274", local.header("Access-Control-Allow-Origin"));
    }

    @Test
    void mcpClientWithoutTokenCannotConnect() {
        McpAssured.newStreamableClient().setExpectConnectFailure().build().connect();
    }

    @Test
    void protectedResourceMetadataNamesResourceIssuerAndScopes() {
        JsonPath json = JsonPath.from(given().get("/.well-known/oauth-protected-resource/mcp").then().statusCode(200)
                .extract().asString());
        assertThat(json.getString("resource"), endsWith("/mcp"));
        assertThat(json.getList("authorization_servers", String.class), contains(endsWith("/realms/quarkus")));
        assertThat(json.getList("scopes_supported", String.class), contains(product() + ":read", product()
                + ":write"));
        assertThat(json.getList("bearer_methods_supported", String.class), contains("header"));
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

    private static Response initialize(String token) {
        return given().contentType("application/json").accept("application/json, text/event-stream").header(
                "Authorization", "Bearer " + token).body(INITIALIZE).post("/mcp");
    }

    private static Response callTool(String token, String tool, Map<String, Object> arguments) {
        return send(token, "tools/call", new JsonObject().put("name", tool).put("arguments", new JsonObject(
                arguments)));
    }

    private static Response send(String token, String method, JsonObject params) {
        Response init = initialize(token);
        String session = init.header("Mcp-Session-Id");
        JsonObject call = new JsonObject().put("jsonrpc", "2.0").put("id", 2).put("method", method).put("params",
                params);
        return given().contentType("application/json").accept("application/json, text/event-stream").header(
                "Authorization", "Bearer " + token).header(
                        new Header("Mcp-Session-Id", session == null ? "none"
                                : session))
                .body(call.encode()).post("/mcp");
    }

    /** A token signed by the test identity provider's key with the given issuer, audience and expiry. */
    private static String signed(String issuer, String audience, Instant expiry) {
        return Jwt.issuer(issuer).audience(audience).subject("alice-subject").claim("scope", Mcp.ALL_SCOPES).claim(
                "azp", "test-client").issuedAt(expiry.minusSeconds(3600)).expiresAt(expiry).jws().keyId("1").sign(
                        "privateKey.jwk");
    }
}

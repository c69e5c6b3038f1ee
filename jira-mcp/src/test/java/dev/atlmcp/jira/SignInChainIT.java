package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.ServerProcess;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/**
 * The discovery a client such as mcp-remote or Kiro performs, against the packaged server and the sandbox's token
 * issuer: 401 -> protected resource metadata -> authorization server metadata (RFC 8414) -> a token asked for this
 * resource (RFC 8707) -> the tool call succeeds. The interactive authorization-code step is replaced by the issuer's
 * password grant; everything the client discovers and sends is the same.
 */
class SignInChainIT {

    private static final Pattern METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]+)\"");
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"chain","version":"1"}}}""";

    private static Sandbox sandbox;
    private static Process server;
    private static URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        int port = ServerProcess.freePort();
        String publicUrl = "http://localhost:" + port;
        sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of(publicUrl + "/mcp")));
        base = URI.create(publicUrl);
        server = ServerProcess.start(sandbox, port, publicUrl, "sign-in-chain", Map.of(
                "QUARKUS_LOG_CATEGORY__DEV_ATLMCP__LEVEL", "DEBUG"));
        ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + port));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void clientDiscoversTheIssuerGetsATokenForThisResourceAndCalls() throws Exception {
        HttpResponse<String> challenge = post(INITIALIZE, null, null);
        assertEquals(401, challenge.statusCode());
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        Matcher metadataUrl = METADATA.matcher(header);
        Matcher scopes = SCOPE.matcher(header);
        assertTrue(metadataUrl.find() && scopes.find(), header);
        assertEquals("jira:read jira:write", scopes.group(1));

        JsonObject resourceMetadata = new JsonObject(get(metadataUrl.group(1)));
        String resource = resourceMetadata.getString("resource");
        assertEquals(base + "/mcp", resource);
        String issuer = resourceMetadata.getJsonArray("authorization_servers").getString(0);
        assertEquals(sandbox.issuer().issuer(), issuer);

        URI issuerUri = URI.create(issuer);
        String rfc8414 = issuerUri.getScheme() + "://" + issuerUri.getAuthority()
                + "/.well-known/oauth-authorization-server" + issuerUri.getPath();
        JsonObject authorizationServer = new JsonObject(get(rfc8414));
        String tokenEndpoint = authorizationServer.getString("token_endpoint");

        String form = "grant_type=password&username=jdoe&password=jane-pass&client_id=" + DevTokenIssuer.CLIENT_ID
                + "&client_secret=" + DevTokenIssuer.CLIENT_SECRET + "&scope=" + enc("jira:read") + "&resource="
                + enc(resource);
        HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint)).header(
                "Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        String token = new JsonObject(tokenResponse.body()).getString("access_token");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals(resource, claims.getJsonArray("aud").getString(0));

        HttpResponse<String> init = post(INITIALIZE, token, null);
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> call = post(new JsonObject().put("jsonrpc", "2.0").put("id", 2).put("method",
                "tools/call").put("params",
                        new JsonObject().put("name", "jira_get_issue").put("arguments",
                                new JsonObject().put("issue_key", "OPS-1")))
                .encode(), token, session);
        assertEquals(200, call.statusCode(), call.body());
        assertTrue(call.body().contains("# OPS-1: Checkout API p99 latency"), call.body());
        assertLogIsJsonWithRequestAndSession(token, session);
    }

    /** In production every log line is JSON, and those of an MCP request carry its request id and session. */
    private void assertLogIsJsonWithRequestAndSession(String token, String session) throws Exception {
        HttpResponse<String> failed = http.send(HttpRequest.newBuilder(base.resolve("/mcp")).header("Content-Type",
                "application/json").header("Accept", "application/json, text/event-stream").header("Authorization",
                        "Bearer " + token)
                .header("Mcp-Session-Id", session).header("X-Request-Id", "chain-42").POST(
                        HttpRequest.BodyPublishers.ofString(new JsonObject().put("jsonrpc", "2.0").put("id",
                                3).put("method", "tools/call").put("params", new JsonObject()
                                        .put("name",
                                                "jira_get_issue")
                                        .put("arguments", new JsonObject().put("issue_key",
                                                "OPS-99999")))
                                .encode()))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("chain-42", failed.headers().firstValue("X-Request-Id").orElseThrow());
        Thread.sleep(300);
        List<String> lines = Files.readAllLines(Path.of("target", "sign-in-chain.log")).stream().filter(l -> !l
                .isBlank()).toList();
        List<JsonObject> ofRequest = lines.stream().map(JsonObject::new).filter(l -> l.encode().contains("chain-42"))
                .toList();
        assertTrue(ofRequest.stream().anyMatch(l -> l.containsKey("mdc") && l.getString("message", "").contains(
                "failed")), "the failure's debug line is in the log: " + ofRequest);
        for (JsonObject line : ofRequest) {
            if (line.containsKey("mdc")) {
                assertEquals("chain-42", line.getJsonObject("mdc").getString("requestId"), line::encode);
                assertEquals(dev.atlmcp.auth.inbound.SessionOwners.hash(session), line.getJsonObject("mdc")
                        .getString("mcpSession"), line::encode);
                assertFalse(line.encode().contains(session), "the session id itself is never logged: " + line
                        .encode());
                assertEquals("jira-mcp", line.getString("service"), line::encode);
            } else {
                assertEquals("chain-42", line.getString("requestId"), "the audit event: " + line.encode());
            }
        }
    }

    private HttpResponse<String> post(String body, String token, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/mcp")).header("Content-Type",
                "application/json").header("Accept", "application/json, text/event-stream").POST(
                        HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

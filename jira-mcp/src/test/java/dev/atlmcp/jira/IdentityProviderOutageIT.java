package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.ServerProcess;

/**
 * The company identity provider is down: callers get one clear 503 that says so, nothing reaches Atlassian, and the
 * server lets people in again as soon as the identity provider is back, without a restart.
 */
class IdentityProviderOutageIT {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"outage","version":"1"}}}""";

    private static Sandbox atlassian;
    private static Sandbox identityProvider;
    private static Process server;
    private static int identityProviderPort;
    private static String publicUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        int port = ServerProcess.freePort();
        identityProviderPort = ServerProcess.freePort();
        publicUrl = "http://localhost:" + port;
        atlassian = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of(publicUrl + "/mcp")));
        server = ServerProcess.start(atlassian, port, publicUrl, "identity-provider-outage", Map.of(
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + identityProviderPort + "/oidc"));
        ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + port));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
        for (Sandbox sandbox : new Sandbox[] { atlassian, identityProvider }) {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    @Test
    void whileTheIdentityProviderIsDownCallersAreToldSoAndLetInWhenItIsBack() throws Exception {
        int sentBefore = atlassian.requests().size();
        for (String token : new String[] { null, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJl" }) {
            HttpResponse<String> refused = post(token);
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("30", refused.headers().firstValue("Retry-After").orElse(""));
            JsonObject body = new JsonObject(refused.body());
            assertEquals("temporarily_unavailable", body.getString("error"));
            assertEquals("The identity provider this server checks sign-ins with cannot be reached, so no one can "
                    + "be let in. Try again in a minute; if it keeps happening, tell the server's administrator.",
                    body.getString("error_description"));
            assertFalse(refused.body().contains("Error id"), refused.body());
        }
        assertEquals(sentBefore, atlassian.requests().size(), "nothing reached Atlassian");

        identityProvider = Sandbox.start(new Sandbox.Options("127.0.0.1", identityProviderPort, List.of(publicUrl
                + "/mcp")));
        assertEquals(401, post(null).statusCode(), "back: the sign-in challenge again");
        String token = identityProvider.issuer().accessToken(Directory.JANE, "jira:read", Duration.ofMinutes(5));
        HttpResponse<String> init = post(token);
        assertEquals(200, init.statusCode(), init.body());
        assertTrue(init.body().contains("\"serverInfo\""), init.body());
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(publicUrl + "/mcp")).header("Content-Type",
                "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

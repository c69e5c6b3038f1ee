package dev.atlmcp.jira.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.VaultDatabase;
import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;
import dev.atlmcp.testing.ConnectBrowser;
import dev.atlmcp.testing.ReplicaRoundRobin;

/**
 * Delegated access end to end: two jira-mcp replicas behind a balancer share a real PostgreSQL vault; people connect
 * their own Atlassian accounts through the connect pages (sign-in at the identity provider, Atlassian's consent) and
 * every call then acts as them.
 */
class DelegatedAccessIT {

    private static final Pattern LINK = Pattern
            .compile("Open (http\\S+/connect/atlassian\\?link=\\S+) in your browser");

    private static VaultDatabase database;
    private static ReplicaRoundRobin replicas;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        database = VaultDatabase.create();
        replicas = ReplicaRoundRobin.start("jira-mcp", Map.ofEntries(Map.entry("ATLASSIAN_AUTH_MODE", "oauth"),
                Map.entry("ATLASSIAN_OAUTH_CLIENT_ID", AtlassianAuthServer.CLIENT_ID),
                Map.entry("ATLASSIAN_OAUTH_CLIENT_SECRET", AtlassianAuthServer.CLIENT_SECRET),
                Map.entry("ATLASSIAN_OAUTH_AUTHORIZE_URL",
                        "${sandbox.url}" + AtlassianAuthServer.PREFIX + "/authorize"),
                Map.entry("ATLASSIAN_OAUTH_TOKEN_URL", "${sandbox.url}" + AtlassianAuthServer.PREFIX + "/oauth/token"),
                Map.entry("ATLASSIAN_OAUTH_RESOURCES_URL", "${sandbox.url}/oauth/token/accessible-resources"),
                Map.entry("ATLASSIAN_GATEWAY_URL", "${sandbox.url}"), Map.entry("ATLASSIAN_CLOUD_ID",
                        CompassApi.CLOUD_ID),
                Map.entry("MCP_CONNECT_CLIENT_ID", DevTokenIssuer.CONNECT_CLIENT_ID),
                Map.entry("MCP_CONNECT_CLIENT_SECRET", DevTokenIssuer.CONNECT_CLIENT_SECRET),
                Map.entry("MCP_VAULT_KEYS", "k1=" + Base64.getEncoder().encodeToString(new byte[32])),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl())));
        replicas.sandbox().registerCallbacks(List.of(replicas.publicUrl() + "/connect/atlassian/callback"), List.of(
                replicas.publicUrl() + "/connect/signed-in"));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void clean() {
        database.execute("delete from atlassian_grant");
        replicas.sandbox().reset();
        replicas.sandbox().registerCallbacks(List.of(replicas.publicUrl() + "/connect/atlassian/callback"), List.of(
                replicas.publicUrl() + "/connect/signed-in"));
    }

    @Test
    void beforeConnectingNothingIsSentAndThePersonGetsALinkOnlyTheyCanUse() throws Exception {
        String answer = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1"));
        assertTrue(answer.startsWith("This server acts in Jira as you, with your own Atlassian permissions, and you "
                + "have not connected your Atlassian account yet. Open " + replicas.publicUrl()
                + "/connect/atlassian?link="), answer);
        assertEquals(List.of(), gatewayRequests(), "nothing reached Atlassian");

        ConnectBrowser jane = new ConnectBrowser();
        ConnectBrowser.Page refused = jane.connect(link(answer), Directory.JANE, Directory.JANE);
        assertEquals(403, refused.status(), refused.text());
        assertEquals("This link was made for someone else", refused.title());
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1")).contains(
                "have not connected"), "Jane's attempt connected nobody");
    }

    @Test
    void eachPersonActsWithTheirOwnAtlassianRights() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        String bobs = callText(Directory.BOB, "jira_list_projects", new JsonObject());
        String janes = callText(Directory.JANE, "jira_list_projects", new JsonObject());
        assertTrue(bobs.contains("OPS") && !bobs.contains("PAY") && !bobs.contains("SEC"), bobs);
        assertTrue(janes.contains("PAY") && janes.contains("SEC"), janes);
        List<Sandbox.LoggedRequest> log = replicas.site().requests().stream().filter(r -> r.path().startsWith(
                "/ex/")).toList();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.BOB.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);
        String whoami = callText(Directory.BOB, "jira_whoami", new JsonObject());
        assertTrue(whoami.contains(Directory.BOB.accountId()) && whoami.contains(
                "calls use the Atlassian account you connected"), whoami);
    }

    private void connect(SandboxUser person) throws Exception {
        String answer = callText(person, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        ConnectBrowser.Page done = new ConnectBrowser().connect(link(answer), person, person);
        assertEquals(200, done.status(), () -> done.text() + " after " + done.visited());
        assertEquals("Jira is connected", done.title(), done.text());
    }

    private static String link(String answer) {
        Matcher link = LINK.matcher(answer);
        assertTrue(link.find(), answer);
        return link.group(1);
    }

    private List<String> gatewayRequests() {
        return replicas.site().requests().stream().filter(r -> r.path().startsWith("/ex/")).map(r -> r.method()
                + " " + r.path()).toList();
    }

    /** One tool call in a fresh Streamable HTTP session as {@code person}; the text of its answer. */
    private String callText(SandboxUser person, String tool, JsonObject arguments) throws Exception {
        String token = replicas.token(person);
        HttpResponse<String> init = post(token, null, new JsonObject().put("jsonrpc", "2.0").put("id", 1).put(
                "method", "initialize").put("params",
                        new JsonObject().put("protocolVersion", "2025-06-18").put(
                                "capabilities", new JsonObject())
                                .put("clientInfo", new JsonObject().put("name", "it").put(
                                        "version", "1"))));
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(token, session, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        HttpResponse<String> call = post(token, session, new JsonObject().put("jsonrpc", "2.0").put("id", 2).put(
                "method", "tools/call").put("params",
                        new JsonObject().put("name", tool).put("arguments",
                                arguments)));
        JsonObject result = message(call.body()).getJsonObject("result");
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private HttpResponse<String> post(String token, String session, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replicas.publicUrl() + "/mcp")).header(
                "Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept",
                        "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body
                        .encode()));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of a plain JSON or an event-stream answer. */
    private static JsonObject message(String body) {
        String json = body.trim().startsWith("{") ? body : body.lines().filter(l -> l.startsWith("data:")).map(
                l -> l.substring(5).trim()).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(body));
        return new JsonObject(json);
    }
}

package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The Jira sites behave like Jira: auth schemes, visibility, JQL errors, paging, removed endpoints and faults. */
class SandboxJiraTest extends SandboxSiteTest {

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void cloudAcceptsBasicApiTokenAndRejectsEverythingElse() throws Exception {
        SandboxHttp.Reply me = http.get("/rest/api/3/myself", SandboxHttp.basic(Directory.BOT.email(),
                Directory.BOT.apiToken()));
        assertEquals(200, me.status());
        assertEquals(Directory.BOT.accountId(), me.json().path("accountId").asText());

        SandboxHttp.Reply wrongToken = http.get("/rest/api/3/myself", SandboxHttp.basic(Directory.BOT.email(),
                "nope"));
        assertEquals(401, wrongToken.status());
        assertTrue(wrongToken.json().path("errorMessages").get(0).asText().contains("not authenticated"));
        assertEquals(401, http.get("/rest/api/3/myself", SandboxHttp.bearer(Directory.BOT.pat())).status());
    }

    @Test
    void dataCenterAcceptsPatAndPasswordAndMarksFailedLogins() throws Exception {
        SandboxHttp.Reply pat = http.get("/jira/rest/api/2/myself", SandboxHttp.bearer(Directory.BOT.pat()));
        assertEquals(200, pat.status());
        assertEquals(Directory.BOT.username(), pat.json().path("name").asText());
        assertEquals(200, http.get("/jira/rest/api/2/myself", SandboxHttp.basic(Directory.JANE.username(),
                Directory.JANE.password())).status());

        SandboxHttp.Reply bad = http.get("/jira/rest/api/2/myself", SandboxHttp.bearer("expired"));
        assertEquals(401, bad.status());
        assertEquals("AUTHENTICATED_FAILED", bad.header("X-Seraph-LoginReason"));
    }

    @Test
    void issuesOutsideTheCallersProjectsAreNotFound() throws Exception {
        String path = "/rest/api/3/issue/SEC-1";
        assertEquals(200, http.get(path, SandboxHttp.basic(Directory.JANE.email(), Directory.JANE.apiToken()))
                .status());
        SandboxHttp.Reply hidden = http.get(path, SandboxHttp.basic(Directory.BOB.email(), Directory.BOB.apiToken()));
        assertEquals(404, hidden.status());
        assertEquals("Issue does not exist or you do not have permission to see it.",
                hidden.json().path("errorMessages").get(0).asText());
    }

    @Test
    void badJqlGetsJirasMessage() throws Exception {
        SandboxHttp.Reply reply = http.postJson("/rest/api/3/search/jql", bot(), "{\"jql\":\"project = NOPE\"}");
        assertEquals(400, reply.status());
        assertEquals("The value 'NOPE' does not exist for the field 'project'.",
                reply.json().path("errorMessages").get(0).asText());
    }

    @Test
    void tokenPagingVisitsEveryMatchOnceAndEnds() throws Exception {
        Set<String> keys = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            String body = "{\"jql\":\"project in (OPS, PAY, WEB) ORDER BY key\",\"maxResults\":5,\"fields\":[\"summary\"]"
                    + (token == null ? "" : ",\"nextPageToken\":\"" + token + "\"") + "}";
            JsonNode page = http.postJson("/rest/api/3/search/jql", bot(), body).json();
            page.path("issues").forEach(issue -> assertTrue(keys.add(issue.path("key").asText())));
            token = page.path("nextPageToken").asText(null);
            pages++;
        } while (token != null && pages < 20);
        assertTrue(pages > 1, "several pages");
        assertTrue(keys.size() > 10, "all issues of the three projects: " + keys);
        assertFalse(keys.stream().anyMatch(k -> k.startsWith("SEC-")));
    }

    @Test
    void removedSearchEndpointAnswers410AndDataCenterPagesByStartAt() throws Exception {
        assertEquals(410, http.postJson("/rest/api/3/search", bot(), "{\"jql\":\"project = OPS\"}").status());

        JsonNode page = http.get("/jira/rest/api/2/search?jql=project%3DOPS&startAt=1&maxResults=2",
                SandboxHttp.bearer(Directory.BOT.pat())).json();
        assertEquals(1, page.path("startAt").asInt());
        assertEquals(2, page.path("issues").size());
        assertTrue(page.path("total").asInt() > 3);
    }

    @Test
    void countedFaultsFireThenStop() throws Exception {
        new SandboxControl(sandbox.url()).addFault(SandboxControl.fault().put("pathPrefix", "/rest/api/3/myself")
                .put("status", 429).put("retryAfter", 7).put("count", 1));
        SandboxHttp.Reply limited = http.get("/rest/api/3/myself", bot());
        assertEquals(429, limited.status());
        assertEquals("7", limited.header("Retry-After"));
        assertEquals(200, http.get("/rest/api/3/myself", bot()).status());
        assertEquals(List.of("GET /rest/api/3/myself 429", "GET /rest/api/3/myself 200"),
                new SandboxControl(sandbox.url()).requests());
    }

    @Test
    void droppedConnectionsReachTheClientAsIoErrors() {
        // until cleared: the JDK client itself retries an idempotent GET once on a dropped connection
        sandbox.faults().add(new Faults.Rule("/rest/api/3/issue", false, null, null, 0, null, 0, true, false, 1.0,
                0, java.util.Map.of(), 0, null));
        assertThrows(IOException.class, () -> http.get("/rest/api/3/issue/OPS-1", bot()));
    }

    @Test
    void anIdleRuleDropsOnlyRequestsOnConnectionsUnusedThatLong() throws Exception {
        new SandboxControl(sandbox.url()).addFault(SandboxControl.fault().put("drop", true).put("idleAtLeastMs", 300));
        SandboxHttp keptAlive = new SandboxHttp(sandbox.url());
        String comment = """
                {"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"kept alive"}]}]}}""";
        assertEquals(201, keptAlive.postJson("/rest/api/3/issue/OPS-1/comment", bot(), comment).status(),
                "a new connection is not idle");
        assertEquals(201, keptAlive.postJson("/rest/api/3/issue/OPS-1/comment", bot(), comment).status(),
                "a connection used a moment ago is not idle");
        Thread.sleep(400);
        assertThrows(IOException.class, () -> keptAlive.postJson("/rest/api/3/issue/OPS-1/comment", bot(), comment));
        assertEquals(201, keptAlive.postJson("/rest/api/3/issue/OPS-1/comment", bot(), comment).status(),
                "the next request goes out on a new connection");
    }

    @Test
    void issuerHonoursTheResourceParameterAndPublishesRfc8414Metadata() throws Exception {
        JsonNode metadata = http.get("/.well-known/oauth-authorization-server/oidc", null).json();
        assertEquals(sandbox.url() + "/oidc/token", metadata.path("token_endpoint").asText());
        String form = "grant_type=password&username=jdoe&password=jane-pass&client_id=mcp-demo-client"
                + "&client_secret=mcp-demo-secret&scope=jira:read&resource=http%3A%2F%2Flocalhost%2Fmcp";
        SandboxHttp.Reply token = http.postForm("/oidc/token", form);
        assertEquals(200, token.status(), token.body());
        String payload = token.json().path("access_token").asText().split("\\.")[1];
        JsonNode claims = dev.atlmcp.sandbox.http.Json.MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(
                payload));
        assertEquals("[\"http://localhost/mcp\"]", claims.path("aud").toString());
        assertEquals("jira:read", claims.path("scope").asText());
        SandboxHttp.Reply foreign = http.postForm("/oidc/token", form.replace("localhost", "elsewhere"));
        assertEquals(400, foreign.status());
        assertEquals("invalid_target", foreign.json().path("error").asText());
    }

    @Test
    void issuerPublishesDiscoveryAndKeys() throws Exception {
        JsonNode discovery = http.get("/oidc/.well-known/openid-configuration", null).json();
        assertEquals(sandbox.url() + "/oidc", discovery.path("issuer").asText());
        JsonNode keys = http.get("/oidc/jwks", null).json();
        assertEquals("RSA", keys.path("keys").get(0).path("kty").asText());
    }

    @Test
    void userSearchMatchesEmailAndNamePrefixes() throws Exception {
        JsonNode byEmail = http.get("/rest/api/3/user/search?query=jane.doe%40example.com", bot()).json();
        assertEquals(1, byEmail.size());
        assertEquals(Directory.JANE.accountId(), byEmail.get(0).path("accountId").asText());
        assertEquals(2, http.get("/rest/api/3/user/search?query=m", bot()).json().size(), "Bob Martin, MCP bot");
        assertEquals(400, http.get("/rest/api/3/user/search", bot()).status());
        JsonNode dc = http.get("/jira/rest/api/2/user/search?username=pnair", SandboxHttp.bearer(Directory.BOT.pat()))
                .json();
        assertEquals("pnair", dc.get(0).path("name").asText());
    }
}

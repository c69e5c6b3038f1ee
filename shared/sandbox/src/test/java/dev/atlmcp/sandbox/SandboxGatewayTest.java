package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.atlmcp.sandbox.compass.CompassApi;

/** Which credentials each way in accepts, and the requests that must never look like ordinary ones. */
class SandboxGatewayTest extends SandboxSiteTest {

    private static final String SCOPED = SandboxHttp.basic(Directory.BOT.email(), Directory.BOT.scopedToken());

    @Test
    void scopedTokensWorkOnlyThroughTheGateway() throws Exception {
        sandbox.reset();
        assertEquals(401, http.get("/rest/api/3/myself", SCOPED).status());
        SandboxHttp.Reply me = http.get(Sandbox.GATEWAY_JIRA + "/rest/api/3/myself", SCOPED);
        assertEquals(200, me.status(), me.body());
        assertEquals(Directory.BOT.accountId(), me.json().path("accountId").asText());
        assertEquals(401, http.get(Sandbox.GATEWAY_JIRA + "/rest/api/3/myself", bot()).status(),
                "classic API tokens belong on the site URL");
        assertEquals(Directory.BOT.accountId(), sandbox.requests().get(1).user());
    }

    @Test
    void oauthAccessTokensAndConfluenceKeepTheirWikiPath() throws Exception {
        String oauth = SandboxHttp.bearer(Directory.JANE.oauthToken());
        assertEquals(200, http.get(Sandbox.GATEWAY_CONFLUENCE + "/wiki/api/v2/pages/131075", oauth).status());
        assertEquals(401, http.get("/wiki/api/v2/pages/131075", oauth).status());
        assertEquals(404, http.get("/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/myself", oauth)
                .status(), "another site's cloud id");
        SandboxHttp.Reply graphql = http.postJson("/graphql", SCOPED, "{\"query\":\"{ tenantContexts(hostNames: "
                + "[\\\"localhost\\\"]) { cloudId } }\"}");
        assertEquals(200, graphql.status(), graphql.body());
        assertTrue(graphql.body().contains(CompassApi.CLOUD_ID), graphql.body());
        SandboxHttp.Reply tenant = http.get("/_edge/tenant_info", null);
        assertEquals(200, tenant.status(), "public, like the real site's");
        assertEquals(CompassApi.CLOUD_ID, tenant.json().path("cloudId").asText());
    }

    @Test
    void aCallersUserTokenHeaderReachingAtlassianIsRefused() throws Exception {
        HttpResponse<String> leaked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url()
                + "/rest/api/3/myself")).header("Authorization", bot()).header(Sandbox.USER_TOKEN_HEADER, "secret")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, leaked.statusCode());
        assertTrue(leaked.body().contains("must never reach Atlassian"), leaked.body());
    }

    @Test
    void requestsSentThroughItAsAProxyAreServedAndMarked() throws Exception {
        sandbox.reset();
        URI address = URI.create(sandbox.url());
        HttpClient viaProxy = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(address.getHost(),
                address.getPort()))).build();
        HttpResponse<String> reply = viaProxy.send(HttpRequest.newBuilder(URI.create(
                "http://jira.internal.test/rest/api/3/myself")).header("Authorization", bot()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(new Sandbox.LoggedRequest("GET", "/rest/api/3/myself", 200, Directory.BOT.accountId(), true),
                sandbox.requests().get(0));
        assertEquals(200, http.get("/rest/api/3/myself", bot()).status());
        assertTrue(!sandbox.requests().get(1).proxied());
    }

}

package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.sandbox.oauth.OAuthValues;

/**
 * Atlassian's 3LO authorization server as the MCP servers meet it: consent, code exchange with PKCE, rotating refresh
 * tokens with their reuse window and expiry, and the access token working through the API gateway as the person.
 */
class SandboxAtlassianOAuthTest extends SandboxSiteTest {

    private static final String CALLBACK = "http://localhost:9999/connect/atlassian/callback";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SandboxControl control = new SandboxControl(sandbox.url());

    @BeforeEach
    void registerApp() {
        sandbox.reset();
        control.registerCallbacks(List.of(CALLBACK), List.of());
    }

    @Test
    void aPersonConsentsAndTheAppCallsJiraAsThemThroughTheGateway() throws Exception {
        JsonNode tokens = connect(Directory.BOB, "verifier-0123456789-0123456789-0123456789-0123");
        assertEquals(3600, tokens.path("expires_in").asInt());
        String access = tokens.path("access_token").asText();
        SandboxHttp.Reply me = http.get(Sandbox.GATEWAY_JIRA + "/rest/api/3/myself", SandboxHttp.bearer(access));
        assertEquals(Directory.BOB.accountId(), me.json().path("accountId").asText(), me.body());
        assertEquals(404, http.get(Sandbox.GATEWAY_JIRA + "/rest/api/3/project/PAY", SandboxHttp.bearer(access))
                .status(), "Bob does not see Payments, though the service account does");
        assertEquals(401, http.get("/rest/api/3/myself", SandboxHttp.bearer(access)).status(), "gateway only");
        SandboxHttp.Reply sites = http.get("/oauth/token/accessible-resources", SandboxHttp.bearer(access));
        assertEquals(CompassApi.CLOUD_ID, sites.json().path(0).path("id").asText(), sites.body());
        assertEquals(Map.of("authorization_code", 1), control.atlassianGrants());
    }

    @Test
    void refreshTokensRotateWithAReuseWindowAndExpire() throws Exception {
        String first = connect(Directory.JANE, "v".repeat(43)).path("refresh_token").asText();
        JsonNode second = token(Map.of("grant_type", "refresh_token", "refresh_token", first));
        String next = second.path("refresh_token").asText();
        assertFalse(next.isEmpty() || next.equals(first));
        assertEquals(200, tokenStatus(Map.of("grant_type", "refresh_token", "refresh_token", first)),
                "the retired token still works within the reuse window (a lost answer can be retried)");
        control.atlassianTokens(Duration.ofHours(1), Duration.ZERO, Duration.ZERO);
        assertEquals(403, tokenStatus(Map.of("grant_type", "refresh_token", "refresh_token", first)),
                "past the window the retired token is refused");
        String latest = token(Map.of("grant_type", "refresh_token", "refresh_token", next)).path("refresh_token")
                .asText();
        control.atlassianTokens(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofDays(91));
        assertEquals(403, tokenStatus(Map.of("grant_type", "refresh_token", "refresh_token", latest)),
                "90 days unused");
    }

    @Test
    void wrongRedirectsCodesAndVerifiersAreRefused() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl(
                "http://attacker.example/cb", "c"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("does not match any of the app&#39;s callback URLs"), page.body());
        String code = consent(Directory.JANE, OAuthValues.s256("right-verifier-0123456789-0123456789-01234"));
        assertEquals(403, tokenStatus(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
                CALLBACK, "code_verifier", "wrong-verifier-0123456789-0123456789-01234")));
        assertEquals(403, tokenStatus(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
                CALLBACK, "code_verifier", "right-verifier-0123456789-0123456789-01234")), "a code is used once");
    }

    private JsonNode connect(SandboxUser user, String verifier) throws Exception {
        String code = consent(user, OAuthValues.s256(verifier));
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                "code_verifier", verifier));
    }

    private String consent(SandboxUser user, String challenge) throws Exception {
        String url = authorizeUrl(CALLBACK, challenge);
        assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers
                .ofString()).statusCode());
        String form = url.substring(url.indexOf('?') + 1) + "&email=" + OAuthValues.encode(user.email())
                + "&password=" + OAuthValues.encode(user.password()) + "&decision=accept";
        HttpResponse<String> accepted = browser.send(HttpRequest.newBuilder(URI.create(sandbox.url()
                + AtlassianAuthServer.PREFIX + "/authorize")).header("Content-Type",
                        "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?") && location.contains("state=s1"), location);
        Matcher code = CODE.matcher(location);
        assertTrue(code.find(), location);
        return java.net.URLDecoder.decode(code.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String authorizeUrl(String callback, String challenge) {
        return sandbox.url() + AtlassianAuthServer.PREFIX + "/authorize?audience=api.atlassian.com&client_id="
                + AtlassianAuthServer.CLIENT_ID + "&scope=" + OAuthValues.encode("read:jira-work offline_access")
                + "&redirect_uri=" + OAuthValues.encode(callback) + "&state=s1&response_type=code&prompt=consent"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private JsonNode token(Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> response = tokenRequest(fields);
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private int tokenStatus(Map<String, String> fields) throws IOException, InterruptedException {
        return tokenRequest(fields).statusCode();
    }

    private HttpResponse<String> tokenRequest(Map<String, String> fields) throws IOException, InterruptedException {
        var body = Json.object().put("client_id", AtlassianAuthServer.CLIENT_ID).put("client_secret",
                AtlassianAuthServer.CLIENT_SECRET);
        fields.forEach(body::put);
        return browser.send(HttpRequest.newBuilder(URI.create(sandbox.url() + AtlassianAuthServer.PREFIX
                + "/oauth/token")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.oauth.OAuthValues;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/** The dev identity provider's authorization code flow, as the connect pages' sign-in uses it. */
class SandboxSignInTest extends SandboxSiteTest {

    private static final String REDIRECT = "http://localhost:9999/connect/signed-in";
    private static final String VERIFIER = "a-verifier-of-forty-three-characters-0123456";
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPersonSignsInAndTheClientGetsAnIdTokenForThemOnce() throws Exception {
        new SandboxControl(sandbox.url()).registerCallbacks(List.of(), List.of(REDIRECT));
        HttpResponse<String> page = get(authorize(REDIRECT));
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> wrong = post("/oidc/authorize", query(REDIRECT) + "&username=bmartin&password=nope");
        assertEquals(401, wrong.statusCode(), "a wrong password shows the form again");
        HttpResponse<String> signedIn = post("/oidc/authorize",
                query(REDIRECT) + "&username=bmartin&password=bob-pass");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        Matcher code = Pattern.compile("code=([^&]+)&state=s1$").matcher(signedIn.headers().firstValue("Location")
                .orElseThrow());
        assertTrue(code.find(), signedIn.headers().toString());
        String value = URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);

        assertEquals(400, token(value, REDIRECT, "another-verifier-of-forty-three-characters-01").statusCode(),
                "the PKCE verifier must match (and the code is gone after any attempt)");
        String second = signIn();
        assertEquals(400, token(second, "http://localhost:9999/elsewhere", VERIFIER).statusCode(),
                "the redirect URI must be the one signed in with");
        String third = signIn();
        HttpResponse<String> tokens = token(third, REDIRECT, VERIFIER);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode id = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(Json.MAPPER.readTree(tokens.body()).path(
                "id_token").asText().split("\\.")[1]));
        assertEquals(Directory.BOB.accountId(), id.path("sub").asText());
        assertEquals(DevTokenIssuer.CONNECT_CLIENT_ID, id.path("aud").asText());
        assertEquals("n1", id.path("nonce").asText());
        assertEquals(400, token(third, REDIRECT, VERIFIER).statusCode(), "a code is redeemed once");
    }

    @Test
    void anUnregisteredRedirectGetsAnErrorPageAndNoRedirect() throws Exception {
        new SandboxControl(sandbox.url()).registerCallbacks(List.of(), List.of(REDIRECT));
        HttpResponse<String> page = get(authorize("http://attacker.example/cb"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Invalid redirect_uri"), page.body());
        assertTrue(page.headers().firstValue("Location").isEmpty());
    }

    private String signIn() throws Exception {
        HttpResponse<String> signedIn = post("/oidc/authorize",
                query(REDIRECT) + "&username=bmartin&password=bob-pass");
        Matcher code = Pattern.compile("code=([^&]+)").matcher(signedIn.headers().firstValue("Location").orElseThrow());
        assertTrue(code.find());
        return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private static String query(String redirect) {
        return "client_id=" + DevTokenIssuer.CONNECT_CLIENT_ID + "&redirect_uri=" + OAuthValues.encode(redirect)
                + "&response_type=code&scope=openid&state=s1&nonce=n1&code_challenge=" + OAuthValues.s256(VERIFIER)
                + "&code_challenge_method=S256";
    }

    private static String authorize(String redirect) {
        return sandbox.url() + "/oidc/authorize?" + query(redirect);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String code, String redirect, String verifier) throws Exception {
        return post("/oidc/token", "grant_type=authorization_code&client_id=" + DevTokenIssuer.CONNECT_CLIENT_ID
                + "&client_secret=" + OAuthValues.encode(DevTokenIssuer.CONNECT_CLIENT_SECRET) + "&code="
                + OAuthValues.encode(code) + "&redirect_uri=" + OAuthValues.encode(redirect) + "&code_verifier="
                + OAuthValues.encode(verifier));
    }
}

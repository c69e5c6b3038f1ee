package dev.atlmcp.sandbox.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.oauth.HtmlPage;
import dev.atlmcp.sandbox.oauth.OAuthValues;

/**
 * The dev issuer's sign-in page for the authorization code flow: username and password of a seeded person, a code bound
 * to the redirect URI, the PKCE challenge and the nonce, redeemed once at the token endpoint.
 */
final class SignInPage {

    record Code(SandboxUser user, String redirectUri, String challenge, String nonce, Instant expiresAt) {
    }

    private final Set<String> redirects = ConcurrentHashMap.newKeySet();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    void redirects(List<String> uris) {
        redirects.clear();
        redirects.addAll(uris);
    }

    void reset() {
        codes.clear();
    }

    Response page(Request r) {
        Map<String, String> params = new LinkedHashMap<>();
        r.query().forEach((k, v) -> params.put(k, v.get(0)));
        return invalid(params).orElseGet(() -> form(params, 200, ""));
    }

    Response decide(Request r) {
        Map<String, String> params = r.form();
        Optional<Response> invalid = invalid(params);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<SandboxUser> user = Directory.byPassword(params.getOrDefault("username", ""), params.getOrDefault(
                "password", ""));
        if (user.isEmpty()) {
            return form(params, 401, "Invalid username or password.");
        }
        String code = OAuthValues.random("");
        codes.put(code, new Code(user.get(), params.get("redirect_uri"), params.get("code_challenge"), params.get(
                "nonce"), Instant.now().plus(Duration.ofMinutes(2))));
        String redirect = params.get("redirect_uri");
        return HtmlPage.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + OAuthValues.encode(code)
                + (params.containsKey("state") ? "&state=" + OAuthValues.encode(params.get("state")) : ""));
    }

    /** The code's sign-in, once, if the redirect URI and the PKCE verifier match what the sign-in was started with. */
    Optional<Code> redeem(String code, String redirectUri, String verifier) {
        Code found = codes.remove(code);
        if (found == null || !Instant.now().isBefore(found.expiresAt()) || !found.redirectUri().equals(redirectUri)) {
            return Optional.empty();
        }
        if (found.challenge() != null && (verifier == null || !found.challenge().equals(OAuthValues.s256(verifier)))) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    private Optional<Response> invalid(Map<String, String> params) {
        String problem = null;
        if (!DevTokenIssuer.CONNECT_CLIENT_ID.equals(params.get("client_id"))) {
            problem = "Unknown client_id.";
        } else if (!redirects.contains(params.getOrDefault("redirect_uri", ""))) {
            problem = "Invalid redirect_uri: it is not registered for this client.";
        } else if (!"code".equals(params.get("response_type"))) {
            problem = "Unsupported response_type; use code.";
        } else if (params.containsKey("code_challenge") && !"S256".equals(params.get("code_challenge_method"))) {
            problem = "Unsupported code_challenge_method; use S256.";
        }
        return Optional.ofNullable(problem).map(p -> HtmlPage.of(400, "Sign-in error", HtmlPage.alert(p)));
    }

    private static Response form(Map<String, String> params, int status, String problem) {
        String hidden = HtmlPage.hiddenFields(params, List.of("client_id", "redirect_uri", "response_type", "scope",
                "state", "nonce", "code_challenge", "code_challenge_method"));
        return HtmlPage.of(status, "Sign in to the sandbox identity provider", HtmlPage.alert(problem)
                + "<form method=\"post\" action=\"authorize\">" + hidden
                + "\n<p><label for=\"username\">Username</label> <input id=\"username\" name=\"username\" "
                + "autocomplete=\"username\"></p>\n<p><label for=\"password\">Password</label> <input id=\"password\" "
                + "name=\"password\" type=\"password\" autocomplete=\"current-password\"></p>\n"
                + "<p><button type=\"submit\">Sign in</button></p>\n</form>");
    }

}

package dev.atlmcp.sandbox.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * A Data Center product's OAuth 2.0 provider (Jira 8.22 and later, Confluence 7.17 and later) with one incoming
 * application link: {@code <base>/rest/oauth2/latest/authorize} (the person logs in to the product and allows or
 * denies), and {@code /token} (authorization code with PKCE, refresh tokens that rotate at once; the parameters in a
 * form body or the query string, as the provider reads both; the redirect URI checked on a refresh too). Scopes are
 * {@code READ} and {@code WRITE}; access tokens it issues are accepted by the product's REST API as the person.
 */
public final class DataCenterAuthServer {

    /** The provider's path under the product's base URL. */
    public static final String PATH = "/rest/oauth2/latest";
    public static final String CLIENT_ID = "sbx-dc-incoming-link";
    public static final String CLIENT_SECRET = "sbx-dc-link-secret-Vr7n2Kq8";
    public static final String APP_NAME = "Atlassian MCP servers (incoming link)";
    private static final Set<String> SCOPES = Set.of("READ", "WRITE");
    private static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

    private record Code(SandboxUser user, String redirectUri, String scope, String challenge, Instant expiresAt) {
    }

    private record Access(SandboxUser user, Instant expiresAt) {
    }

    private record Refresh(SandboxUser user, String scope, String redirectUri, Instant expiresAt) {
    }

    private final String product;
    private final Set<String> callbacks = ConcurrentHashMap.newKeySet();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();

    /** {@code product}: the name the consent page shows, e.g. Jira. */
    public DataCenterAuthServer(String product) {
        this.product = product;
    }

    /** Routes relative to the product's base URL and {@link #PATH}. */
    public void register(Router router) {
        router.get("/authorize", this::consentPage);
        router.post("/authorize", this::decide);
        router.post("/token", this::token);
    }

    /** The person an access token this provider issued acts as, while it is valid. */
    public Optional<SandboxUser> userOf(String accessToken) {
        Access access = accessTokens.get(accessToken);
        return access == null || !Instant.now().isBefore(access.expiresAt()) ? Optional.empty() : Optional.of(access
                .user());
    }

    /** The incoming link's redirect URLs, exactly. */
    public void callbacks(List<String> urls) {
        callbacks.clear();
        callbacks.addAll(urls);
    }

    /** How many times each grant type was exchanged successfully since the last reset. */
    public Map<String, Integer> grantCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        grants.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    /** Every access and refresh token issued since the last reset. */
    public List<String> issuedTokens() {
        return new ArrayList<>(issued);
    }

    /** Forgets every code and token; registered callbacks stay. */
    public void reset() {
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        issued.clear();
        grants.clear();
    }

    private Response consentPage(Request r) {
        Map<String, String> params = OAuthValues.single(r.query());
        return invalidRequest(params).orElseGet(() -> form(params, 200, ""));
    }

    private Response form(Map<String, String> params, int status, String problem) {
        String hidden = HtmlPage.hiddenFields(params, List.of("client_id", "redirect_uri", "scope", "state",
                "response_type", "code_challenge", "code_challenge_method"));
        return HtmlPage.of(status, "Allow " + APP_NAME + " to access your " + product + " account?", HtmlPage.alert(
                problem) + "<p>It will be able to act as you with the permission: <code>"
                + HtmlPage.escape(params
                        .get("scope"))
                + "</code></p>\n<form method=\"post\" action=\"authorize\">" + hidden
                + "\n<p><label for=\"os_username\">Username</label> <input id=\"os_username\" name=\"os_username\" "
                + "autocomplete=\"username\"></p>\n<p><label for=\"os_password\">Password</label> <input "
                + "id=\"os_password\" name=\"os_password\" type=\"password\" autocomplete=\"current-password\"></p>\n"
                + "<p><button type=\"submit\" name=\"decision\" value=\"accept\">Allow</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p>\n</form>");
    }

    private Response decide(Request r) {
        Map<String, String> params = r.form();
        Optional<Response> invalid = invalidRequest(params);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (!"accept".equals(params.get("decision"))) {
            return OAuthValues.back(params, "error=access_denied");
        }
        Optional<SandboxUser> user = Directory.byPassword(params.getOrDefault("os_username", ""), params.getOrDefault(
                "os_password", ""));
        if (user.isEmpty()) {
            return form(params, 401, "Sorry, your username and password are incorrect - please try again.");
        }
        String code = OAuthValues.random("sbx-dc-code-");
        codes.put(code,
                new Code(user.get(), params.get("redirect_uri"), params.get("scope"), params.get("code_challenge"),
                        Instant
                                .now().plus(Duration.ofMinutes(10))));
        return OAuthValues.back(params, "code=" + OAuthValues.encode(code));
    }

    private Optional<Response> invalidRequest(Map<String, String> params) {
        String problem = null;
        if (!CLIENT_ID.equals(params.get("client_id"))) {
            problem = "Invalid client_id.";
        } else if (!callbacks.contains(params.getOrDefault("redirect_uri", ""))) {
            problem = "The redirect_uri does not match the incoming link's redirect URL.";
        } else if (!"code".equals(params.get("response_type"))) {
            problem = "Unsupported response_type.";
        } else if (!SCOPES.containsAll(List.of(params.getOrDefault("scope", "").trim().split("\\s+")))) {
            problem = "Invalid scope: this link allows READ and WRITE.";
        } else if (params.containsKey("code_challenge") && !"S256".equals(params.get("code_challenge_method"))) {
            problem = "Unsupported code_challenge_method.";
        }
        return Optional.ofNullable(problem).map(p -> HtmlPage.of(400, "OAuth 2.0 authorization error", HtmlPage.alert(
                p)));
    }

    private Response token(Request r) {
        Map<String, String> body = new LinkedHashMap<>(OAuthValues.single(r.query()));
        if (r.header("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            body.putAll(r.form());
        }
        if (!CLIENT_ID.equals(body.get("client_id")) || !CLIENT_SECRET.equals(body.get("client_secret"))) {
            throw OAuthValues.error(401, "invalid_client", "Client authentication failed");
        }
        return switch (body.getOrDefault("grant_type", "")) {
        case "authorization_code" -> exchange(body);
        case "refresh_token" -> refresh(body);
        default -> throw OAuthValues.error(400, "unsupported_grant_type", "Unsupported grant type");
        };
    }

    private Response exchange(Map<String, String> body) {
        Code code = codes.remove(body.getOrDefault("code", ""));
        if (code == null || !Instant.now().isBefore(code.expiresAt())) {
            throw OAuthValues.error(400, "invalid_grant", "Authorization code is invalid or expired");
        }
        if (!code.redirectUri().equals(body.get("redirect_uri"))) {
            throw OAuthValues.error(400, "invalid_grant", "Redirect URI mismatch");
        }
        if (code.challenge() != null && !code.challenge().equals(OAuthValues.s256(body.getOrDefault("code_verifier",
                "")))) {
            throw OAuthValues.error(400, "invalid_grant", "PKCE verification failed");
        }
        count("authorization_code");
        return tokens(code.user(), code.scope(), code.redirectUri());
    }

    private synchronized Response refresh(Map<String, String> body) {
        Refresh refresh = refreshTokens.remove(body.getOrDefault("refresh_token", ""));
        if (refresh == null || !Instant.now().isBefore(refresh.expiresAt())) {
            throw OAuthValues.error(400, "invalid_grant", "Refresh token is invalid or expired");
        }
        if (!refresh.redirectUri().equals(body.get("redirect_uri"))) {
            refreshTokens.put(body.get("refresh_token"), refresh);
            throw OAuthValues.error(400, "invalid_grant", "Redirect URI mismatch");
        }
        count("refresh_token");
        return tokens(refresh.user(), refresh.scope(), refresh.redirectUri());
    }

    private Response tokens(SandboxUser user, String scope, String redirectUri) {
        String access = OAuthValues.random("sbx-dc-at-");
        String refresh = OAuthValues.random("sbx-dc-rt-");
        accessTokens.put(access, new Access(user, Instant.now().plus(ACCESS_LIFETIME)));
        refreshTokens.put(refresh, new Refresh(user, scope, redirectUri, Instant.now().plus(Duration.ofDays(90))));
        issued.add(access);
        issued.add(refresh);
        return Response.ok(Json.object().put("access_token", access).put("token_type", "bearer").put("expires_in",
                ACCESS_LIFETIME.toSeconds()).put("refresh_token", refresh).put("scope", scope).put("created_at",
                        Instant.now().getEpochSecond()));
    }

    private void count(String grantType) {
        grants.computeIfAbsent(grantType, t -> new AtomicInteger()).incrementAndGet();
    }

}

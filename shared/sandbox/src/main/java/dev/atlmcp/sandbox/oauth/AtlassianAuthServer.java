package dev.atlmcp.sandbox.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Atlassian's OAuth 2.0 (3LO) authorization server as an app sees it: the consent page at {@code /authorize} (the
 * person signs in to Atlassian and accepts or cancels), the token endpoint {@code /oauth/token} (authorization code
 * with optional PKCE, rotating refresh tokens with a reuse window, 90 days' inactivity and 365 days in all, {@code 403
 * invalid_grant}), and on the API gateway {@code /oauth/token/accessible-resources}. Access tokens it issues are
 * accepted by the gateway ({@code /ex/...}) as the person who consented. One app is registered; its callback URLs are
 * set through the control API, since tests run servers on free ports.
 */
public final class AtlassianAuthServer {

    /** Where the sandbox serves {@code https://auth.atlassian.com}. */
    public static final String PREFIX = "/atlassian-auth";
    public static final String CLIENT_ID = "sbx-3lo-app";
    public static final String CLIENT_SECRET = "sbx-3lo-secret-Jq4t9Wm2";
    public static final String APP_NAME = "Atlassian MCP servers (sandbox app)";
    public static final String AUDIENCE = "api.atlassian.com";

    private record Code(SandboxUser user, String redirectUri, String scopes, String challenge, Instant expiresAt) {
    }

    private record Access(SandboxUser user, String scopes, Instant expiresAt) {
    }

    private record Family(SandboxUser user, String scopes, Instant createdAt) {
    }

    private record Refresh(Family family, Instant lastUsed, Instant retiredAt) {
    }

    private final String cloudId;
    private final String siteUrl;
    private final Set<String> callbacks = ConcurrentHashMap.newKeySet();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
    private volatile Duration accessLifetime = Duration.ofHours(1);
    private volatile Duration reuseWindow = Duration.ofMinutes(10);
    private volatile Duration offset = Duration.ZERO;

    public AtlassianAuthServer(String cloudId, String siteUrl) {
        this.cloudId = cloudId;
        this.siteUrl = siteUrl;
    }

    /** Routes relative to {@link #PREFIX}. */
    public void register(Router router) {
        router.get("/authorize", this::consentPage);
        router.post("/authorize", this::decide);
        router.post("/oauth/token", this::token);
    }

    /** Routes relative to the gateway's {@code /oauth/token}. */
    public void registerResources(Router router) {
        router.get("/accessible-resources", this::accessibleResources);
    }

    /** The person an access token this server issued acts as, while it is valid. */
    public Optional<SandboxUser> userOf(String accessToken) {
        Access access = accessTokens.get(accessToken);
        return access == null || !now().isBefore(access.expiresAt()) ? Optional.empty() : Optional.of(access.user());
    }

    /** The app's callback URLs, exactly as registered in the developer console. */
    public void callbacks(List<String> urls) {
        callbacks.clear();
        callbacks.addAll(urls);
    }

    public void accessLifetime(Duration lifetime) {
        this.accessLifetime = lifetime;
    }

    public void reuseWindow(Duration window) {
        this.reuseWindow = window;
    }

    /** Moves this server's clock forward, e.g. past a refresh token's inactivity expiry. */
    public void advance(Duration by) {
        this.offset = offset.plus(by);
    }

    /** How many times each grant type was exchanged successfully since the last reset. */
    public Map<String, Integer> grantCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        grants.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    /** Every access and refresh token issued since the last reset, e.g. to make sure none shows in a log. */
    public List<String> issuedTokens() {
        List<String> tokens = new java.util.ArrayList<>(accessTokens.keySet());
        tokens.addAll(refreshTokens.keySet());
        return tokens;
    }

    /** Forgets every code and token and restores the defaults; registered callbacks stay. */
    public void reset() {
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        grants.clear();
        accessLifetime = Duration.ofHours(1);
        reuseWindow = Duration.ofMinutes(10);
        offset = Duration.ZERO;
    }

    private Instant now() {
        return Instant.now().plus(offset);
    }

    private Response consentPage(Request r) {
        Map<String, String> params = OAuthValues.single(r.query());
        Optional<Response> invalid = invalidRequest(params);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return form(params, 200, "");
    }

    private Response form(Map<String, String> params, int status, String problem) {
        StringBuilder scopes = new StringBuilder("<ul>\n");
        for (String scope : params.get("scope").trim().split("\\s+")) {
            scopes.append("<li><code>").append(HtmlPage.escape(scope)).append("</code></li>\n");
        }
        scopes.append("</ul>");
        String hidden = HtmlPage.hiddenFields(params, List.of("client_id", "redirect_uri", "scope", "state",
                "audience", "response_type", "code_challenge", "code_challenge_method"));
        return HtmlPage.of(status, APP_NAME + " is requesting access to your Atlassian account", HtmlPage.alert(
                problem)
                + "<p>Site: " + HtmlPage.escape(siteUrl) + "</p>\n<p>It will be able to:</p>\n" + scopes
                + "\n<form method=\"post\" action=\"authorize\">" + hidden
                + "\n<p><label for=\"email\">Email</label> <input id=\"email\" name=\"email\" type=\"email\" "
                + "autocomplete=\"username\"></p>\n<p><label for=\"password\">Password</label> <input id=\"password\" "
                + "name=\"password\" type=\"password\" autocomplete=\"current-password\"></p>\n"
                + "<p><button type=\"submit\" name=\"decision\" value=\"accept\">Accept</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></p>\n</form>");
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
        Optional<SandboxUser> user = Directory.all().stream().filter(u -> u.email().equalsIgnoreCase(params
                .getOrDefault("email", "")) && u.password().equals(params.getOrDefault("password", ""))).findFirst();
        if (user.isEmpty()) {
            return form(params, 401, "Incorrect email address and / or password.");
        }
        String code = OAuthValues.random("sbx-3lo-code-");
        codes.put(code,
                new Code(user.get(), params.get("redirect_uri"), params.get("scope"), params.get("code_challenge"),
                        now()
                                .plus(Duration.ofMinutes(5))));
        return OAuthValues.back(params, "code=" + OAuthValues.encode(code));
    }

    /** Atlassian shows an error page, and sends nothing to the redirect URL, when the request itself is wrong. */
    private Optional<Response> invalidRequest(Map<String, String> params) {
        String problem = null;
        if (!CLIENT_ID.equals(params.get("client_id"))) {
            problem = "The app's client_id is unknown.";
        } else if (!callbacks.contains(params.getOrDefault("redirect_uri", ""))) {
            problem = "The redirect_uri does not match any of the app's callback URLs.";
        } else if (!AUDIENCE.equals(params.get("audience"))) {
            problem = "The audience must be api.atlassian.com.";
        } else if (!"code".equals(params.get("response_type"))) {
            problem = "The response_type must be code.";
        } else if (params.getOrDefault("scope", "").isBlank()) {
            problem = "No scope was requested.";
        } else if (params.containsKey("code_challenge") && !"S256".equals(params.get("code_challenge_method"))) {
            problem = "The code_challenge_method must be S256.";
        }
        return Optional.ofNullable(problem).map(p -> HtmlPage.of(400, "Something went wrong", HtmlPage.alert(p)));
    }

    private Response token(Request r) {
        Map<String, String> body = body(r);
        if (!CLIENT_ID.equals(body.get("client_id")) || !CLIENT_SECRET.equals(body.get("client_secret"))) {
            throw OAuthValues.error(401, "access_denied", "Unauthorized");
        }
        return switch (body.getOrDefault("grant_type", "")) {
        case "authorization_code" -> exchange(body);
        case "refresh_token" -> refresh(body);
        default -> throw OAuthValues.error(400, "unsupported_grant_type", "Unsupported grant type");
        };
    }

    private Response exchange(Map<String, String> body) {
        Code code = codes.remove(body.getOrDefault("code", ""));
        if (code == null || !now().isBefore(code.expiresAt())) {
            throw OAuthValues.error(403, "invalid_grant", "Invalid authorization code");
        }
        if (!code.redirectUri().equals(body.get("redirect_uri"))) {
            throw OAuthValues.error(403, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        if (code.challenge() != null
                && !code.challenge().equals(OAuthValues.s256(body.getOrDefault("code_verifier", "")))) {
            throw OAuthValues.error(403, "invalid_grant", "Invalid code_verifier");
        }
        count("authorization_code");
        Family family = new Family(code.user(), code.scopes(), now());
        return tokens(family, code.scopes().contains("offline_access"));
    }

    private synchronized Response refresh(Map<String, String> body) {
        String token = body.getOrDefault("refresh_token", "");
        Refresh refresh = refreshTokens.get(token);
        Instant now = now();
        if (refresh == null || !now.isBefore(refresh.family().createdAt().plus(Duration.ofDays(365)))
                || !now.isBefore(refresh.lastUsed().plus(Duration.ofDays(90)))
                || refresh.retiredAt() != null && !now.isBefore(refresh.retiredAt().plus(reuseWindow))) {
            throw OAuthValues.error(403, "invalid_grant", "Unknown or invalid refresh token.");
        }
        if (refresh.retiredAt() == null) {
            refreshTokens.put(token, new Refresh(refresh.family(), now, now));
        }
        count("refresh_token");
        return tokens(refresh.family(), true);
    }

    private Response tokens(Family family, boolean withRefresh) {
        String access = OAuthValues.random("sbx-3lo-at-");
        accessTokens.put(access, new Access(family.user(), family.scopes(), now().plus(accessLifetime)));
        var answer = Json.object().put("access_token", access).put("expires_in", accessLifetime.toSeconds())
                .put("token_type", "Bearer").put("scope", family.scopes());
        if (withRefresh) {
            String refresh = OAuthValues.random("sbx-3lo-rt-");
            refreshTokens.put(refresh, new Refresh(family, now(), null));
            answer.put("refresh_token", refresh);
        }
        return Response.ok(answer);
    }

    private Response accessibleResources(Request r) {
        String header = r.header("Authorization").orElse("");
        Access access = header.regionMatches(true, 0, "Bearer ", 0, 7) ? accessTokens.get(header.substring(7).trim())
                : null;
        if (access == null || !now().isBefore(access.expiresAt())) {
            return Response.json(401, Json.object().put("code", 401).put("message", "Unauthorized"));
        }
        ArrayNode sites = Json.array();
        var site = sites.addObject().put("id", cloudId).put("url", siteUrl).put("name", "sandbox")
                .put("avatarUrl", siteUrl + "/avatar.png");
        var scopes = site.putArray("scopes");
        for (String scope : access.scopes().trim().split("\\s+")) {
            if (!scope.equals("offline_access")) {
                scopes.add(scope);
            }
        }
        return Response.ok(sites);
    }

    private void count(String grantType) {
        grants.computeIfAbsent(grantType, t -> new AtomicInteger()).incrementAndGet();
    }

    /** Atlassian's token endpoint takes JSON; a form body is accepted too. */
    private static Map<String, String> body(Request r) {
        String type = r.header("Content-Type").orElse("");
        if (type.startsWith("application/json")) {
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode json = r.json();
            json.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            return values;
        }
        return r.form();
    }

}

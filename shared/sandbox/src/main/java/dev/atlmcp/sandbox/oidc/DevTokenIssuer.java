package dev.atlmcp.sandbox.oidc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * A small OpenID Connect issuer for demos and tests: discovery, JWKS, a token endpoint issuing RS256 access tokens for
 * the seeded people, and the authorization code flow (a sign-in page, PKCE, ID tokens) for web clients such as the MCP
 * servers' connect pages. The key pair lives as long as the process.
 */
public final class DevTokenIssuer {

    public static final String CLIENT_ID = "mcp-demo-client";
    public static final String CLIENT_SECRET = "mcp-demo-secret";
    /** The confidential web client the MCP servers' connect pages sign people in with. */
    public static final String CONNECT_CLIENT_ID = "mcp-connect";
    public static final String CONNECT_CLIENT_SECRET = "mcp-connect-secret-for-the-sandbox-only";
    public static final String DEFAULT_SCOPES = "openid jira:read jira:write confluence:read confluence:write "
            + "compass:read compass:write";

    private final KeyPair keys;
    private final String keyId = "sandbox-" + UUID.randomUUID().toString().substring(0, 8);
    private final String issuer;
    private final List<String> audiences;
    private final SignInPage signIn = new SignInPage();

    public DevTokenIssuer(String issuer, List<String> audiences) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Routes relative to the issuer path. */
    public void register(Router router) {
        router.get("/.well-known/openid-configuration", r -> Response.ok(discovery()));
        router.get("/.well-known/oauth-authorization-server", r -> Response.ok(discovery()));
        router.get("/jwks", r -> Response.ok(jwks()));
        router.post("/token", this::token);
        router.get("/authorize", signIn::page);
        router.post("/authorize", signIn::decide);
    }

    /** The redirect URIs registered for the connect client, exactly. */
    public void connectRedirects(List<String> uris) {
        signIn.redirects(uris);
    }

    public void reset() {
        signIn.reset();
    }

    /** A signed access token for a seeded person, valid for every audience this issuer serves. */
    public String accessToken(SandboxUser user, String scopes, Duration lifetime) {
        return accessToken(user, scopes, lifetime, audiences);
    }

    private String accessToken(SandboxUser user, String scopes, Duration lifetime, List<String> audience) {
        Instant now = Instant.now();
        ObjectNode claims = Json.object().put("iss", issuer).put("sub", user.accountId())
                .put("preferred_username", user.username()).put("name", user.displayName())
                .put("email", user.email()).put("scope", scopes).put("azp", CLIENT_ID)
                .put("client_id", CLIENT_ID).put("iat", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond()).put("jti", UUID.randomUUID().toString());
        audience.forEach(claims.putArray("aud")::add);
        return sign(claims);
    }

    private Response token(Request r) {
        Map<String, String> form = withBasicCredentials(r);
        if ("authorization_code".equals(form.get("grant_type"))) {
            return codeGrant(form);
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            throw oauthError(401, "invalid_client", "Unknown client or wrong secret");
        }
        SandboxUser user = switch (form.getOrDefault("grant_type", "")) {
        case "password" -> Directory.byPassword(form.getOrDefault("username", ""), form.getOrDefault("password",
                "")).orElseThrow(() -> oauthError(400, "invalid_grant", "Wrong username or password"));
        case "client_credentials" -> Directory.BOT;
        default -> throw oauthError(400, "unsupported_grant_type", "Use password or client_credentials");
        };
        String scope = form.getOrDefault("scope", DEFAULT_SCOPES);
        Duration lifetime = Duration.ofHours(1);
        // RFC 8707: a token for the one resource asked for, if this issuer serves it
        String resource = form.get("resource");
        if (resource != null && !audiences.contains(resource)) {
            throw oauthError(400, "invalid_target", "This issuer does not issue tokens for " + resource);
        }
        List<String> audience = resource == null ? audiences : List.of(resource);
        return Response.ok(Json.object().put("access_token", accessToken(user, scope, lifetime, audience))
                .put("token_type", "Bearer").put("expires_in", lifetime.toSeconds()).put("scope", scope));
    }

    private Response codeGrant(Map<String, String> form) {
        if (!CONNECT_CLIENT_ID.equals(form.get("client_id")) || !CONNECT_CLIENT_SECRET.equals(form.get(
                "client_secret"))) {
            throw oauthError(401, "invalid_client", "Unknown client or wrong secret");
        }
        SignInPage.Code code = signIn.redeem(form.getOrDefault("code", ""), form.get("redirect_uri"), form.get(
                "code_verifier")).orElseThrow(
                        () -> oauthError(400, "invalid_grant", "Invalid or used code, wrong "
                                + "redirect_uri or code_verifier"));
        Instant now = Instant.now();
        ObjectNode id = Json.object().put("iss", issuer).put("sub", code.user().accountId()).put("aud",
                CONNECT_CLIENT_ID).put("azp", CONNECT_CLIENT_ID).put("iat", now.getEpochSecond()).put("exp", now
                        .plus(Duration.ofMinutes(10)).getEpochSecond())
                .put("name", code.user().displayName()).put(
                        "email", code.user().email())
                .put("email_verified", true).put("preferred_username",
                        code.user().username());
        if (code.nonce() != null) {
            id.put("nonce", code.nonce());
        }
        return Response.ok(Json.object().put("access_token", accessToken(code.user(), "openid profile email",
                Duration.ofMinutes(10), List.of(CONNECT_CLIENT_ID))).put("id_token", sign(id)).put("token_type",
                        "Bearer")
                .put("expires_in", 600).put("scope", "openid profile email"));
    }

    /** The form, with the client's id and secret from a Basic Authorization header (RFC 6749 2.3.1) if it sent one. */
    private static Map<String, String> withBasicCredentials(Request r) {
        Map<String, String> form = new java.util.HashMap<>(r.form());
        r.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).ifPresent(h -> {
            String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon > 0) {
                form.put("client_id", java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
                form.put("client_secret", java.net.URLDecoder.decode(pair.substring(colon + 1),
                        StandardCharsets.UTF_8));
            }
        });
        return form;
    }

    /** The authorization server metadata, for the RFC 8414 location outside the issuer path. */
    public Response discoveryResponse() {
        return Response.ok(discovery());
    }

    private ObjectNode discovery() {
        ObjectNode doc = Json.object().put("issuer", issuer).put("jwks_uri", issuer + "/jwks")
                .put("token_endpoint", issuer + "/token").put("authorization_endpoint", issuer + "/authorize");
        doc.putArray("grant_types_supported").add("authorization_code").add("password").add("client_credentials");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("response_types_supported").add("code");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("client_secret_basic");
        var scopes = doc.putArray("scopes_supported");
        Arrays.stream(DEFAULT_SCOPES.split(" ")).forEach(scopes::add);
        return doc;
    }

    private ObjectNode jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        ObjectNode jwks = Json.object();
        jwks.putArray("keys").addObject().put("kty", "RSA").put("kid", keyId).put("use", "sig").put("alg", "RS256")
                .put("n", base64Url(unsigned(key.getModulus()))).put("e", base64Url(unsigned(key.getPublicExponent())));
        return jwks;
    }

    private String sign(ObjectNode claims) {
        ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
        String input = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    private static ApiException oauthError(int status, String error, String description) {
        return new ApiException(Response.json(status, Json.object().put("error", error).put("error_description",
                description)));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

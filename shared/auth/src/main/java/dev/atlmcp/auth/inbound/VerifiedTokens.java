package dev.atlmcp.auth.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.config.ServerConfig;

/**
 * Verifies a bearer token once and accepts the same token again without verifying its signature and claims anew, until
 * it expires or for {@code MCP_AUTH_VERIFIED_TOKEN_TTL} (30 s by default), whichever comes first. An agent sends the
 * same token with every message, and verifying it is a large part of what a call costs. The token itself is not kept,
 * only its SHA-256 hash. A token that fails verification is never remembered, so any other token, even one differing in
 * a single character, is verified in full. The identity is rebuilt with each request's own context; everything after
 * verification (scopes, session owner, policy) runs on every request as before. Tokens bound to a client certificate or
 * a DPoP proof, and tokens of other OIDC tenants, are always verified in full.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final int MAX_ENTRIES = 10_000;
    private static final String DEFAULT_TENANT = "Default";

    private record Verified(SecurityIdentity identity, long until) {
    }

    private final OidcIdentityProvider oidc;
    private final long ttlMillis;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(OidcIdentityProvider oidc, ServerConfig server,
            @ConfigProperty(name = "quarkus.oidc.token.binding.certificate", defaultValue = "false") boolean certificate,
            @ConfigProperty(name = "quarkus.oidc.token.authorization-scheme", defaultValue = "Bearer") String scheme) {
        this.oidc = oidc;
        boolean bound = certificate || !"Bearer".equalsIgnoreCase(scheme);
        this.ttlMillis = bound ? 0 : server.auth().verifiedTokenTtl().toMillis();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before quarkus-oidc's provider (which has the default priority), which it asks for every token it has not
     * verified.
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Object tenant = http == null ? null : http.get(OidcUtils.TENANT_ID_ATTRIBUTE);
        if (ttlMillis <= 0 || http == null || tenant != null && !DEFAULT_TENANT.equals(tenant)) {
            return oidc.authenticate(request, context);
        }
        String key = sha256(request.getToken().getToken());
        long now = System.currentTimeMillis();
        Verified hit = verified.get(key);
        if (hit != null && now < hit.until()) {
            return Uni.createFrom().item(forThisRequest(hit.identity(), http, context));
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity, now));
    }

    private void remember(String key, SecurityIdentity identity, long now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        long until = Math.min(jwt.getExpirationTime() * 1000, now + ttlMillis);
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> v.until() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(withoutRequest(identity), until));
    }

    /** The identity without the request it was verified in, which would otherwise stay in memory with it. */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(RoutingContext.class.getName(), null)
                .addAttribute(AuthenticationRequestContext.class.getName(), null).build();
    }

    /** The verified identity with this request's routing context and blocking executor. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext http,
            AuthenticationRequestContext context) {
        http.put(AuthenticationRequestContext.class.getName(), context);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        OidcUtils.setRoutingContextAttribute(builder, http);
        OidcUtils.setBlockingApiAttribute(builder, http);
        return builder.build();
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

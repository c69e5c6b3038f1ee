package dev.atlmcp.auth.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the inbound token says: subject ({@code sub}; the front door refuses tokens without one), a
 * display name, an email and whether the identity provider verified it ({@code email_verified}), and the OAuth client.
 * Without inbound authentication (a local set-up) the caller is {@link #LOCAL}.
 */
public record Caller(String subject, Optional<String> name, Optional<String> email, boolean emailVerified,
        Optional<String> clientId) {

    public static final Caller LOCAL = new Caller("local user", Optional.empty(), Optional.empty(), false, Optional
            .empty());

    private static final List<String> CLIENT_ID_CLAIMS = List.of("azp", "client_id", "cid", "appid");
    private static final List<String> NAME_CLAIMS = List.of("name", "preferred_username", "upn");

    /** The caller of the current request; {@code emailClaim} names the claim holding the email. */
    public static Caller of(SecurityIdentity identity, String emailClaim) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return LOCAL;
        }
        Optional<String> email = claim(identity, emailClaim).filter(e -> e.contains("@"));
        return new Caller(jwt.getSubject(), first(identity, NAME_CLAIMS), email, claim(identity, "email_verified")
                .map("true"::equalsIgnoreCase).orElse(false), clientId(identity));
    }

    /**
     * The OAuth client id: {@code azp} (OIDC, Keycloak, Entra ID v2), {@code client_id} (RFC 9068), {@code cid} (Okta)
     * or {@code appid} (Entra ID v1).
     */
    public static Optional<String> clientId(SecurityIdentity identity) {
        return first(identity, CLIENT_ID_CLAIMS);
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * The scopes the bearer token grants, from {@code claim}: a space-separated string ({@code scope} of RFC 9068 and
     * Keycloak, {@code scp} of Entra ID) or an array ({@code scp} of Okta).
     */
    public static List<String> scopes(SecurityIdentity identity, String claim) {
        List<String> scopes = new ArrayList<>();
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return scopes;
        }
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonArray array) {
            array.forEach(v -> scopes.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (value instanceof JsonString string) {
            scopes.addAll(List.of(WHITESPACE.split(string.getString().trim())));
        } else if (value instanceof java.util.Collection<?> collection) {
            collection.forEach(v -> scopes.add(String.valueOf(v)));
        } else if (value != null) {
            scopes.addAll(List.of(WHITESPACE.split(value.toString().trim())));
        }
        return scopes;
    }

    /** A claim of the bearer token as text. */
    public static Optional<String> claim(SecurityIdentity identity, String name) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        return Optional.ofNullable(value instanceof JsonString s ? s.getString() : value == null ? null : value
                .toString()).filter(v -> !v.isBlank());
    }

    private static Optional<String> first(SecurityIdentity identity, List<String> names) {
        return names.stream().map(n -> claim(identity, n)).flatMap(Optional::stream).findFirst();
    }
}

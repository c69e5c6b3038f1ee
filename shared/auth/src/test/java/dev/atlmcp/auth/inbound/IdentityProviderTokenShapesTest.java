package dev.atlmcp.auth.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/**
 * The servers read who is calling, with which client and which scopes from access tokens as Keycloak, Entra ID (v2 and
 * v1 tokens) and Okta issue them (recorded claim sets in {@code token-shapes/}), with the settings
 * docs/identity-providers.md gives for each.
 */
class IdentityProviderTokenShapesTest {

    @Test
    void keycloakScopesAreTheScopeStringAndTheClientIsAzp() throws Exception {
        SecurityIdentity token = token("keycloak.json");
        assertEquals(List.of("jira:read", "profile", "email", "jira:write"), Caller.scopes(token, "scope"));
        Caller caller = Caller.of(token, "email");
        assertEquals("d3dda5b6-349c-4c89-b231-41b97aa0cc46", caller.subject());
        assertEquals(Optional.of("Jane Doe"), caller.name());
        assertEquals(Optional.of("jane.doe@acme.example"), caller.email());
        assertTrue(caller.emailVerified());
        assertEquals(Optional.of("mcp-desktop"), caller.clientId());
    }

    @Test
    void entraV2ScopesAreInScpWithoutTheUriPrefixAndTheClientIsAzp() throws Exception {
        SecurityIdentity token = token("entra-v2.json");
        assertEquals(List.of(), Caller.scopes(token, "scope"),
                "the default claim finds nothing: MCP_AUTH_SCOPE_CLAIM=scp");
        assertEquals(List.of("jira.read", "jira.write"), Caller.scopes(token, "scp"));
        assertEquals(Optional.of("9d2e4b7a-1c3f-4a6e-b8d5-0f7c2e9a1b34"), Caller.clientId(token));
        assertEquals(Optional.empty(), Caller.of(token, "email").email(), "no email claim unless configured as an "
                + "optional claim: MCP_IDENTITY_EMAIL_CLAIM=preferred_username");
        Caller caller = Caller.of(token, "preferred_username");
        assertEquals(Optional.of("jane.doe@acme.example"), caller.email());
        assertFalse(caller.emailVerified(), "Entra ID sends no email_verified");
        assertEquals(Optional.of("Jane Doe"), caller.name());
    }

    @Test
    void entraV1TokensNameTheClientInAppidAndThePersonInUpn() throws Exception {
        SecurityIdentity token = token("entra-v1.json");
        assertEquals(List.of("jira.read"), Caller.scopes(token, "scp"));
        assertEquals(Optional.of("9d2e4b7a-1c3f-4a6e-b8d5-0f7c2e9a1b34"), Caller.clientId(token));
        assertEquals(Optional.of("jane.doe@acme.example"), Caller.of(token, "upn").email());
    }

    @Test
    void oktaScopesAreAnArrayInScpAndTheClientIsCid() throws Exception {
        SecurityIdentity token = token("okta.json");
        assertEquals(List.of("jira:read", "jira:write", "offline_access"), Caller.scopes(token, "scp"));
        assertEquals(Optional.of("0oa8f2k4x9QhL7Zt3697"), Caller.clientId(token));
        Caller caller = Caller.of(token, "sub");
        assertEquals("jane.doe@acme.example", caller.subject());
        assertEquals(Optional.of("jane.doe@acme.example"), caller.email(), "Okta's sub is the login");
    }

    private static SecurityIdentity token(String file) throws IOException, InvalidJwtException {
        try (InputStream in = IdentityProviderTokenShapesTest.class.getResourceAsStream("/token-shapes/" + file)) {
            JwtClaims claims = JwtClaims.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).build();
        }
    }
}

package dev.atlmcp.auth.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This server as clients see it ({@code MCP_PUBLIC_URL}) and who may call it ({@code MCP_AUTH_*}). */
@ConfigMapping(prefix = "mcp")
public interface ServerConfig {

    /**
     * The public base URL clients use, e.g. {@code https://mcp.acme.example/jira}; the MCP endpoint is this URL plus
     * {@code /mcp} and is the OAuth resource identifier.
     */
    Optional<String> publicUrl();

    /**
     * The product this server serves: {@code jira}, {@code confluence} or {@code compass}; names the default scopes.
     */
    @WithDefault("mcp")
    String product();

    /** The product as people read it: {@code Jira}, {@code Confluence}, {@code Compass}. */
    default String productName() {
        return product().substring(0, 1).toUpperCase(Locale.ROOT) + product().substring(1);
    }

    Auth auth();

    Identity identity();

    Vault vault();

    /** The token vault of delegated access ({@code ATLASSIAN_AUTH_MODE=oauth}). */
    interface Vault {

        /**
         * Encryption keys {@code id=base64 of 32 random bytes}, comma-separated ({@code MCP_VAULT_KEYS}); the first
         * seals, each one opens what it sealed. Never logged.
         */
        Optional<List<String>> keys();
    }

    /** How callers are mapped to Atlassian accounts (see {@code dev.atlmcp.auth.identity.IdentityMapper}). */
    interface Identity {

        /** The token claim holding the caller's email ({@code MCP_IDENTITY_EMAIL_CLAIM}). */
        @WithDefault("email")
        String emailClaim();

        /**
         * Explicit mappings {@code subject-or-email=accountId} (Cloud) or {@code =username} (Data Center),
         * comma-separated ({@code MCP_IDENTITY_ACCOUNTS}); they win over the email lookup.
         */
        Optional<List<String>> accounts();

        /**
         * Use the token's email to find the caller's Atlassian account even when the identity provider does not mark it
         * verified ({@code email_verified}); only for identity providers that never send that claim and issue no email
         * a user can choose ({@code MCP_IDENTITY_TRUST_UNVERIFIED_EMAIL}).
         */
        @WithDefault("false")
        boolean trustUnverifiedEmail();

        /**
         * The claim that names a person for delegated access, the same in the MCP bearer token and the connect page's
         * ID token ({@code MCP_IDENTITY_PERSON_CLAIM}); {@code oid} for Microsoft Entra ID, whose {@code sub} differs
         * between the two.
         */
        @WithDefault("sub")
        String personClaim();

        /** How long a mapping is remembered ({@code MCP_IDENTITY_CACHE_TTL}). */
        @WithDefault("PT15M")
        java.time.Duration cacheTtl();
    }

    interface Auth {

        /**
         * Whether MCP requests need a bearer token. Switching it off is allowed only when the server listens on a
         * loopback address (a local single-user set-up); otherwise the server refuses to start.
         */
        @WithDefault("true")
        boolean enabled();

        /** The token claim holding the granted scopes: a space-separated string ({@code scope}) or an array. */
        @WithDefault("scope")
        String scopeClaim();

        /** The scope that allows read tools; default {@code <product>:read}. */
        Optional<String> readScope();

        /** The scope that allows write tools; default {@code <product>:write}. */
        Optional<String> writeScope();

        /** The scope that allows the administration endpoints ({@code /admin/...}); default {@code <product>:admin}. */
        Optional<String> adminScope();

        /**
         * OAuth client ids allowed to connect ({@code azp}, {@code client_id}, {@code cid} or {@code appid} claim); any
         * client when unset.
         */
        Optional<List<String>> allowedClients();

        /** Browser origins allowed to call; the public URL's origin and loopback origins when unset. */
        Optional<List<String>> allowedOrigins();

        /** Host header values allowed; the public URL's host and loopback names when unset. */
        Optional<List<String>> allowedHosts();

        /**
         * How long a bearer token, once verified, is accepted again without checking its signature and claims anew,
         * never past its expiry ({@code MCP_AUTH_VERIFIED_TOKEN_TTL}); {@code 0s} verifies every request. A signing key
         * withdrawn by the identity provider stops working for tokens seen before within this time.
         */
        @WithDefault("PT30S")
        java.time.Duration verifiedTokenTtl();
    }

    default String readScope() {
        return auth().readScope().orElse(product() + ":read");
    }

    default String adminScope() {
        return auth().adminScope().orElse(product() + ":admin");
    }

    default String writeScope() {
        return auth().writeScope().orElse(product() + ":write");
    }
}

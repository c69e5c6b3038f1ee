package dev.atlmcp.auth.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

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

    Auth auth();

    Policy policy();

    Identity identity();

    Redaction redaction();

    Confirm confirm();

    Signing signing();

    /**
     * The keys that sign change records, Compass change ids and confirmation tokens (see
     * {@code dev.atlmcp.auth.signing.KeyRing}).
     */
    interface Signing {

        /**
         * {@code name=secret} entries, the first signing and all verifying, the same on every replica
         * ({@code MCP_SIGNING_KEYS}); required unless the server is read-only.
         */
        Optional<List<String>> keys();
    }

    CallerLimit callerLimit();

    /**
     * A token bucket per caller (token subject) on tool calls, in each replica: {@code rate} calls per second refill
     * it, {@code burst} is its size ({@code MCP_CALLER_LIMIT_RATE}, {@code MCP_CALLER_LIMIT_BURST}); rate 0 turns it
     * off. With N replicas behind a round-robin balancer a caller gets up to N times the rate.
     */
    interface CallerLimit {

        @WithDefault("10")
        double rate();

        @WithDefault("100")
        int burst();
    }

    /** Writes that wait for the user's confirmation (see {@code dev.atlmcp.auth.policy.WriteGate}). */
    interface Confirm {

        /** Write tools that need confirmation, or {@code *} for all ({@code MCP_CONFIRM_TOOLS}). */
        Optional<List<String>> tools();

        /**
         * The earlier name of the signing key ({@code MCP_CONFIRM_SECRET}): read as one more key named {@code confirm}
         * on the ring of {@code MCP_SIGNING_KEYS}.
         */
        Optional<String> secret();

        /**
         * Ask for confirmation before any write whose text links to a host outside {@code MCP_POLICY_LINK_HOSTS}, as
         * for the tools in {@code MCP_CONFIRM_TOOLS} ({@code MCP_CONFIRM_FOREIGN_LINKS}).
         */
        @WithDefault("true")
        boolean foreignLinks();

        /** How long a confirmation token is valid ({@code MCP_CONFIRM_TTL}). */
        @WithDefault("PT5M")
        java.time.Duration ttl();

        /**
         * How long to wait for the user to answer a confirmation the client shows itself (MCP elicitation) before
         * falling back to a confirmation token ({@code MCP_CONFIRM_WAIT}).
         */
        @WithName("wait")
        @WithDefault("PT2M")
        java.time.Duration waitForUser();
    }

    /** What of Atlassian's content is shown to the model (see {@code dev.atlmcp.auth.content.ContentPolicy}). */
    interface Redaction {

        /**
         * Mask secret-looking values (keys, tokens, passwords) in everything read ({@code MCP_REDACTION_MASK_SECRETS}).
         */
        @WithDefault("true")
        boolean maskSecrets();

        /**
         * Show comments restricted to a role or group, and service-desk internal comments
         * ({@code MCP_REDACTION_SHOW_RESTRICTED_COMMENTS}); hidden by default, with a count.
         */
        @WithDefault("false")
        boolean showRestrictedComments();

        /** Fields never shown, by id or display name, e.g. {@code customfield_10050,Salary band}. */
        Optional<List<String>> excludeFields();
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

        /** How long a mapping is remembered ({@code MCP_IDENTITY_CACHE_TTL}). */
        @WithDefault("PT15M")
        java.time.Duration cacheTtl();
    }

    /** Which tools this server offers; hidden tools answer like unknown tools. */
    interface Policy {

        /** Offer only read-only tools ({@code MCP_POLICY_READ_ONLY}). */
        @WithDefault("false")
        boolean readOnly();

        /** When set, offer only these tools ({@code MCP_POLICY_ALLOW_TOOLS}). */
        Optional<List<String>> allowTools();

        /** Never offer these tools ({@code MCP_POLICY_DENY_TOOLS}). */
        Optional<List<String>> denyTools();

        /** jira-mcp: when set, only these project keys exist for callers ({@code MCP_POLICY_PROJECTS}). */
        Optional<List<String>> projects();

        /** confluence-mcp: when set, only these space keys exist for callers ({@code MCP_POLICY_SPACES}). */
        Optional<List<String>> spaces();

        /**
         * {@code none}, or {@code own}: writes only to the caller's own items, i.e. Jira issues assigned to or reported
         * by them and Confluence pages they created ({@code MCP_POLICY_WRITE_GUARD}).
         */
        @WithDefault("none")
        String writeGuard();

        /** True when writes are limited to the caller's own items, as {@link ConfigValidator} accepts the value. */
        default boolean ownItemsOnly() {
            return "own".equalsIgnoreCase(writeGuard());
        }

        /**
         * A label put on every issue or page an agent writes to, so people can find agent changes
         * ({@code MCP_POLICY_MARK_LABEL}); none when unset.
         */
        Optional<String> markLabel();

        /**
         * Hosts links written by agents may point to, beside the Atlassian site's own: {@code github.com}, or
         * {@code *.acme.com} for a domain and its subdomains ({@code MCP_POLICY_LINK_HOSTS}).
         */
        Optional<List<String>> linkHosts();

        /** The most results one call returns, whatever limit the caller asks for ({@code MCP_POLICY_MAX_RESULTS}). */
        @WithDefault("50")
        int maxResults();
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

        /**
         * OAuth client ids allowed to connect ({@code azp}, {@code client_id}, {@code cid} or {@code appid} claim); any
         * client when unset.
         */
        Optional<List<String>> allowedClients();

        /** Browser origins allowed to call; the public URL's origin and loopback origins when unset. */
        Optional<List<String>> allowedOrigins();

        /** Host header values allowed; the public URL's host and loopback names when unset. */
        Optional<List<String>> allowedHosts();
    }

    default String readScope() {
        return auth().readScope().orElse(product() + ":read");
    }

    default String writeScope() {
        return auth().writeScope().orElse(product() + ":write");
    }
}

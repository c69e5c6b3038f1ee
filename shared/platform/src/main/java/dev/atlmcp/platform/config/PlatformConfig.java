package dev.atlmcp.platform.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What agents may do and see through this server ({@code MCP_POLICY_*}, {@code MCP_REDACTION_*}, {@code MCP_CONFIRM_*},
 * {@code MCP_SIGNING_KEYS}, {@code MCP_CALLER_LIMIT_*}); who may call it is
 * {@code dev.atlmcp.auth.config.ServerConfig}.
 */
@ConfigMapping(prefix = "mcp")
public interface PlatformConfig {

    /**
     * The tool sets this server offers, comma-separated, or {@code all} ({@code MCP_TOOLSETS}); the server's defaults
     * when unset (see {@code dev.atlmcp.platform.toolsets.ToolSets}).
     */
    Optional<List<String>> toolsets();

    Policy policy();

    Redaction redaction();

    Confirm confirm();

    Signing signing();

    /**
     * The keys that sign change records, Compass change ids and confirmation tokens (see
     * {@code dev.atlmcp.platform.signing.KeyRing}).
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

    /** Writes that wait for the user's confirmation (see {@code dev.atlmcp.platform.writes.WriteGate}). */
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

        /**
         * Ask for confirmation before any write that reaches people who could not read the content before: a public
         * reply to a service-desk customer, a page moved or copied to another space ({@code MCP_CONFIRM_EXTERNAL}).
         */
        @WithDefault("true")
        boolean external();

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

    /** What of Atlassian's content is shown to the model (see {@code dev.atlmcp.platform.content.ContentPolicy}). */
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

        /**
         * The largest file, in bytes, an agent may attach from a tool call's content
         * ({@code MCP_POLICY_MAX_UPLOAD_BYTES}, default 2 MiB; at most 7,000,000, as base64 fits the 10 MB message).
         */
        @WithDefault("2097152")
        int maxUploadBytes();
    }
}

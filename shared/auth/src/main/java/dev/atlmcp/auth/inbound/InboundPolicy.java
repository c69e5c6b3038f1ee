package dev.atlmcp.auth.inbound;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.config.ServerConfig;

/** Who may call this server and what each tool needs: scopes, client ids, origins and hosts. */
@Singleton
public class InboundPolicy {

    /**
     * The end of the name of each server's tool that deletes the caller's own grant
     * ({@code jira_disconnect_atlassian}).
     */
    public static final String DISCONNECT_TOOL_SUFFIX = "_disconnect_atlassian";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final ServerConfig config;
    private final ToolManager tools;
    private final String mcpPath;
    private final int port;

    InboundPolicy(ServerConfig config, ToolManager tools,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.config = config;
        this.tools = tools;
        this.mcpPath = mcpPath;
        this.port = port;
    }

    /** The OAuth resource identifier: the public MCP endpoint. */
    public String resource() {
        return publicUrl() + mcpPath;
    }

    /** Where a client finds the RFC 9728 metadata, at the host and scheme the request came in on. */
    public String metadataUrl(RoutingContext ctx) {
        return ctx.request().scheme() + "://" + ctx.request().authority() + "/.well-known/oauth-protected-resource"
                + mcpPath;
    }

    public List<String> scopesSupported() {
        return List.of(config.readScope(), config.writeScope());
    }

    /** The scope reading anything from Atlassian needs (tools annotated read-only, resources, prompts). */
    public String readScope() {
        return config.readScope();
    }

    /**
     * The scope a call of {@code tool} needs: the write scope unless the tool is annotated read-only, or withdraws the
     * caller's own Atlassian grant (that only lowers what the caller can do).
     */
    public String requiredScope(String tool) {
        if (tool.endsWith(DISCONNECT_TOOL_SUFFIX)) {
            return config.readScope();
        }
        ToolManager.ToolInfo info = tools.getTool(tool);
        boolean readOnly = info != null && info.annotations().map(a -> a.readOnlyHint()).orElse(false);
        return readOnly ? config.readScope() : config.writeScope();
    }

    public boolean hasScope(SecurityIdentity identity, String scope) {
        return scopes(identity).contains(scope);
    }

    /**
     * The scopes a step-up challenge names: {@code needed} and those of this server the token already holds, so a
     * client that asks for exactly the challenge's scopes (as MCP 2025-11-25 has it) keeps what it had.
     */
    public String challengeScope(SecurityIdentity identity, String needed) {
        List<String> held = scopes(identity);
        return scopesSupported().stream().filter(s -> s.equals(needed) || held.contains(s)).collect(Collectors
                .joining(" "));
    }

    /**
     * The client may connect: no allow-list, or its client id is on it. The id is read from {@code azp} (OIDC,
     * Keycloak, Entra ID v2), {@code client_id} (RFC 9068), {@code cid} (Okta) or {@code appid} (Entra ID v1).
     */
    public boolean clientAllowed(SecurityIdentity identity) {
        Optional<List<String>> allowed = config.auth().allowedClients();
        if (allowed.isEmpty()) {
            return true;
        }
        return Caller.clientId(identity).map(allowed.get()::contains).orElse(false);
    }

    private static final Pattern PORT = Pattern.compile(":\\d+$");

    /** The Host header names this server (DNS-rebinding protection). */
    public boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        String name = PORT.matcher(host.toLowerCase(Locale.ROOT)).replaceFirst("");
        return config.auth().allowedHosts().map(list -> list.stream().anyMatch(h -> h.equalsIgnoreCase(name) || h
                .equalsIgnoreCase(host))).orElseGet(() -> LOOPBACK.contains(name) || name.equals(publicHost()));
    }

    /** A browser origin may call: absent (not a browser), this server's public origin, or a loopback origin. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        Optional<List<String>> allowed = config.auth().allowedOrigins();
        if (allowed.isPresent()) {
            return allowed.get().stream().anyMatch(o -> o.equalsIgnoreCase(origin));
        }
        try {
            URI uri = URI.create(origin);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return LOOPBACK.contains(host) || origin.equalsIgnoreCase(publicOrigin());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<String> scopes(SecurityIdentity identity) {
        return Caller.scopes(identity, config.auth().scopeClaim());
    }

    private String publicUrl() {
        return config.publicUrl().orElse("http://localhost:" + port).replaceAll("/+$", "");
    }

    private String publicOrigin() {
        URI uri = URI.create(publicUrl());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private String publicHost() {
        String host = URI.create(publicUrl()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}

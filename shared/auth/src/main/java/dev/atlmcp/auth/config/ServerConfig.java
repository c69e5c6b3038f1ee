package dev.atlmcp.auth.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** This server as clients see it ({@code MCP_PUBLIC_URL}). */
@ConfigMapping(prefix = "mcp")
public interface ServerConfig {

    /**
     * The public base URL clients use, e.g. {@code https://mcp.acme.example/jira}; the MCP endpoint is this URL plus
     * {@code /mcp} and is the OAuth resource identifier.
     */
    Optional<String> publicUrl();
}

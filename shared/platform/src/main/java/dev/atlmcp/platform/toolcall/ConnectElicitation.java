package dev.atlmcp.platform.toolcall;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.mcp.server.UrlElicitationRequiredException;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;

import dev.atlmcp.auth.delegated.AtlassianNotConnected;
import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * The connect link as MCP 2025-11-25's URL-mode elicitation (JSON-RPC error {@code -32042}), for clients that declared
 * {@code elicitation.url} when they initialized the session; other clients get the link in the error text.
 */
@ApplicationScoped
public class ConnectElicitation {

    private final ConnectionManager connections;

    ConnectElicitation(ConnectionManager connections) {
        this.connections = connections;
    }

    public Optional<UrlElicitationRequiredException> asElicitation(AtlassianNotConnected notConnected) {
        if (!clientSupportsUrlMode()) {
            return Optional.empty();
        }
        UrlElicitationRequiredException.Builder builder = UrlElicitationRequiredException.builder().setMessage(
                notConnected.instructions());
        builder.addElicitation(notConnected.connectUrl(), notConnected.instructions());
        return Optional.of(builder.build());
    }

    /**
     * quarkus-mcp-server offers the session's capabilities only to a tool's own parameters, so this reads its
     * {@code ConnectionManager}; a session it does not know (auto-initialized on another replica) gets the text.
     */
    private boolean clientSupportsUrlMode() {
        try {
            return McpHttpRequest.current().flatMap(McpHttpRequest::sessionId).map(connections::get).map(
                    McpConnectionBase::initialRequest).map(i -> i.supportsElicitationUrlMode()).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }
}

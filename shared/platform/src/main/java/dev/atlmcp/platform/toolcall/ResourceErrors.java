package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.atlassian.ErrorMessages;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;

import dev.atlmcp.auth.delegated.AtlassianNotConnected;
import dev.atlmcp.platform.atlassian.AtlassianException;

/** A failure reading an MCP resource as the JSON-RPC error clients expect, with the same message a tool gives. */
public final class ResourceErrors {

    private ResourceErrors() {
    }

    public static McpException of(RuntimeException e) {
        AtlassianNotConnected notConnected = ErrorMessages.find(e, AtlassianNotConnected.class);
        if (notConnected != null) {
            return io.quarkus.arc.Arc.container().instance(ConnectElicitation.class).get().asElicitation(notConnected)
                    .<McpException> map(u -> u).orElseGet(() -> new McpException(notConnected.instructions(),
                            JsonRpcErrorCodes.INVALID_REQUEST));
        }
        int code = e instanceof AtlassianException atlassian && atlassian.status() == 404
                ? JsonRpcErrorCodes.RESOURCE_NOT_FOUND : e instanceof IllegalArgumentException
                        ? JsonRpcErrorCodes.INVALID_PARAMS : JsonRpcErrorCodes.INTERNAL_ERROR;
        return new McpException(ErrorMessages.describe(e, false).message(), code);
    }
}

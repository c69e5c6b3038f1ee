package dev.atlmcp.auth.inbound;

import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The HTTP request that carries an MCP message, and the JSON-RPC message in its body. */
public final class McpHttpRequest {

    private McpHttpRequest() {
    }

    /**
     * The HTTP request of the MCP message being served (the POST to {@code /mcp} or {@code /mcp/messages/...}), which
     * the MCP server makes current while a tool runs; empty outside a request.
     */
    public static Optional<RoutingContext> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        try (InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class)) {
            return Optional.ofNullable(current.get().getCurrent());
        }
    }

    /** The signed-in identity of the request, or null before authentication. */
    public static SecurityIdentity identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /** Streamable HTTP names the session in a header; legacy SSE in the messages path. */
    public static Optional<String> sessionId(RoutingContext request) {
        String header = request.request().getHeader("Mcp-Session-Id");
        if (header != null) {
            return Optional.of(header);
        }
        String path = request.normalizedPath();
        int messages = path.indexOf("/messages/");
        return messages < 0 ? Optional.empty() : Optional.of(path.substring(messages + "/messages/".length()));
    }

    /** The tool a {@code tools/call} names (empty text when it names none); empty for any other message. */
    public static Optional<String> calledTool(RoutingContext ctx) {
        return message(ctx).filter(m -> "tools/call".equals(m.getValue("method"))).map(m -> m.getValue(
                "params") instanceof JsonObject params && params.getValue("name") instanceof String name ? name : "");
    }

    /** The body's JSON-RPC message; empty for a batch, a non-JSON body or no body. */
    public static Optional<JsonObject> message(RoutingContext ctx) {
        try {
            return Optional.ofNullable(ctx.body().asJsonObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

package dev.atlmcp.auth.inbound;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Binds MCP sessions to the subject that created them, on every request to {@code /mcp} and below (POST, GET, DELETE,
 * both transports): it hands the caller's subject to {@link OwnedConnections}, which records it as the owner of a
 * session the request creates; and a request that names another subject's session is served as one naming a session
 * this replica does not know. On Streamable HTTP the session header is replaced by an id never issued (the request is
 * then served like one for a session held by another replica, see {@link ReplicaSessionRoute}); on the legacy SSE
 * transport, whose session is in the path, it gets the 404 the library gives an unknown session. Either way it never
 * reaches the owner's session, stream or pending elicitation.
 */
@Singleton
public class SessionBinding {

    /** After the caller checks (-70), before the replica route (-50). */
    static final int ORDER = -60;
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final SessionOwners owners;
    private final Event<AccessDenied> denied;
    private final String mcpPath;

    SessionBinding(SessionOwners owners, Event<AccessDenied> denied,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath) {
        this.owners = owners;
        this.denied = denied;
        this.mcpPath = mcpPath;
    }

    void register(@Observes Router router) {
        router.route(mcpPath).order(ORDER).handler(this::bind);
        router.route(mcpPath + "/*").order(ORDER).handler(this::bind);
    }

    void bind(RoutingContext ctx) {
        String subject = SessionOwners.subject(ctx);
        Vertx.currentContext().putLocal(OwnedConnections.SUBJECT, subject);
        String session = McpHttpRequest.sessionId(ctx).orElse(null);
        if (session != null && owners.isForeign(session, subject)) {
            denied.fire(new AccessDenied("(session " + SessionOwners.hash(session) + ")", McpHttpRequest.identity(ctx),
                    "request names another subject's session", ctx));
            if (ctx.request().getHeader(SESSION_HEADER) == null) {
                ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(
                        new JsonObject().put("error", "session_not_found").put("error_description", "No such "
                                + "session. Connect again to start one.").encode());
                return;
            }
            ctx.request().headers().set(SESSION_HEADER, ConnectionManager.connectionId());
        }
        ctx.next();
    }
}

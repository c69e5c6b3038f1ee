package dev.atlmcp.auth.inbound;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The one path every MCP message takes before the MCP library sees it, on both transports ({@code POST /mcp} and the
 * legacy {@code POST /mcp/messages/<session>}): the body must be exactly one JSON-RPC message (a batch or anything
 * unreadable is refused with a JSON-RPC error, never passed on); params that do not have the shape the method takes get
 * JSON-RPC's invalid-params error ({@link McpParams}); a call of a tool, a read of a resource, a prompt or a completion
 * needs its scope (403 {@code insufficient_scope} otherwise, so the client can step up); an answer to a request the
 * server sent (an elicitation) is accepted only from the session and subject it was sent to.
 */
@Singleton
public class MessageGate {

    /** After the caller checks (-70), the session binding (-60) and the replica route (-50), before MCP. */
    static final int ORDER = -40;
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private final InboundPolicy policy;
    private final SessionOwners owners;
    private final Event<AccessDenied> denied;
    private final String mcpPath;

    MessageGate(InboundPolicy policy, SessionOwners owners, Event<AccessDenied> denied,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath) {
        this.policy = policy;
        this.owners = owners;
        this.denied = denied;
        this.mcpPath = mcpPath;
    }

    void register(@Observes Router router) {
        for (String path : new String[] { mcpPath, mcpPath + "/messages/*" }) {
            router.post(path).order(ORDER).handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024)).handler(
                    this::check);
        }
    }

    void check(RoutingContext ctx) {
        JsonRpcMessage message;
        try {
            message = JsonRpcMessage.read(ctx.body().buffer());
        } catch (JsonRpcMessage.Refused refused) {
            refuse(ctx, "(unreadable message)", refused.getMessage(), refused);
            return;
        }
        if (message.kind() == JsonRpcMessage.Kind.RESPONSE) {
            String session = McpHttpRequest.sessionId(ctx).orElse(null);
            if (!owners.answers(message.id(), session, SessionOwners.subject(ctx))) {
                refuse(ctx, "(answer to a server request)", "answer to a request this session was not sent",
                        new JsonRpcMessage.Refused(JsonRpcErrorCodes.INVALID_REQUEST, "This message answers no "
                                + "request this server sent to your session; it was discarded."));
                return;
            }
            ctx.next();
            return;
        }
        SecurityIdentity identity = McpHttpRequest.identity(ctx);
        if (identity == null || identity.isAnonymous()) {
            checkParams(ctx, message);
            return;
        }
        String scope = requiredScope(message);
        if (scope != null && !policy.hasScope(identity, scope)) {
            String what = what(message);
            denied.fire(new AccessDenied(what, identity, "insufficient_scope: needs " + scope, ctx));
            ctx.response().setStatusCode(403)
                    .putHeader(WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\""
                            + policy.challengeScope(identity, scope) + "\", resource_metadata=\""
                            + policy.metadataUrl(ctx) + "\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE,
                            "application/json")
                    .end(new JsonObject().put("error", "insufficient_scope").put("error_description", describe(
                            message) + " needs the scope " + scope + "; sign in again granting it.").encode());
            return;
        }
        checkParams(ctx, message);
    }

    private void refuse(RoutingContext ctx, String what, String reason, JsonRpcMessage.Refused refused) {
        denied.fire(new AccessDenied(what, McpHttpRequest.identity(ctx), reason, ctx));
        ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(refused.answer()
                .encode());
    }

    /**
     * Passes the message on if its params have the shape its method takes (after the scope check, so that a caller
     * without the scope learns nothing more).
     */
    private void checkParams(RoutingContext ctx, JsonRpcMessage message) {
        var problem = McpParams.problem(message);
        if (problem.isPresent()) {
            refuseParams(ctx, message, problem.get());
            return;
        }
        if ("tools/call".equals(message.method()) && !message.params().containsKey("arguments")) {
            // "arguments" is optional, but the MCP library cannot run a tool's guardrails without it (1.13.0).
            message.params().put("arguments", new JsonObject());
            ctx.setBody(message.json().toBuffer());
        }
        ctx.next();
    }

    /**
     * Invalid params are answered as JSON-RPC says, with the request's id: on Streamable HTTP as the 200 answer to the
     * request; on the legacy SSE transport, whose answers travel on the event stream, as a 400 to the POST (as for a
     * notification, which has nobody to answer).
     */
    private void refuseParams(RoutingContext ctx, JsonRpcMessage message, String problem) {
        denied.fire(new AccessDenied(message.method(), McpHttpRequest.identity(ctx), "invalid params", ctx));
        boolean answerable = message.kind() == JsonRpcMessage.Kind.REQUEST && !ctx.request().path().startsWith(
                mcpPath + "/messages/");
        JsonObject answer = new JsonObject().put("jsonrpc", "2.0").put("id", message.id()).put("error",
                new JsonObject().put("code", JsonRpcErrorCodes.INVALID_PARAMS).put("message", problem));
        ctx.response().setStatusCode(answerable ? 200 : 400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(answer.encode());
    }

    /** The scope a message needs beyond a valid token: null for those that read nothing from Atlassian. */
    private String requiredScope(JsonRpcMessage message) {
        return switch (message.method()) {
        case "tools/call" -> policy.requiredScope(message.params().getValue("name") instanceof String name ? name
                : "");
        case "resources/read", "prompts/get", "completion/complete" -> policy.readScope();
        default -> null;
        };
    }

    private static String what(JsonRpcMessage message) {
        return "tools/call".equals(message.method()) ? String.valueOf(message.params().getValue("name")) : message
                .method();
    }

    private static String describe(JsonRpcMessage message) {
        return switch (message.method()) {
        case "tools/call" -> "Calling " + what(message);
        case "resources/read" -> "Reading resources";
        case "prompts/get" -> "Getting prompts";
        default -> "Completion";
        };
    }
}

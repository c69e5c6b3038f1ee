package dev.atlmcp.auth.inbound;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.atlmcp.auth.audit.AuditLog;

/**
 * The server's front door beyond token validation (which quarkus-oidc does):
 * <ul>
 * <li>DNS-rebinding protection: a foreign {@code Host} or browser {@code Origin} gets 403 before anything else;</li>
 * <li>our RFC 9728 protected resource metadata, with {@code scopes_supported};</li>
 * <li>401 challenges that name the metadata and the scope to ask for;</li>
 * <li>the client allow-list, and a tool call without the scope it needs: 403 with {@code error="insufficient_scope"} so
 * the client can step up.</li>
 * </ul>
 */
@Singleton
public class InboundRoutes {

    /** Before CORS (-300) and authentication (-200). */
    static final int GUARD_ORDER = -400;
    /** After authentication and authorization (-100) and the replica session route (-50), before MCP. */
    static final int SCOPE_ORDER = -40;
    private static final String METADATA = "/.well-known/oauth-protected-resource";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private final InboundPolicy policy;
    private final AuditLog audit;
    private final String mcpPath;
    private final String issuer;

    InboundRoutes(InboundPolicy policy, AuditLog audit,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.policy = policy;
        this.audit = audit;
        this.mcpPath = mcpPath;
        this.issuer = issuer.orElse("");
    }

    void register(@Observes Router router) {
        router.route(mcpPath).order(GUARD_ORDER).handler(this::guard);
        router.route(mcpPath + "/*").order(GUARD_ORDER).handler(this::guard);
        router.get(METADATA).handler(this::metadata);
        router.get(METADATA + mcpPath).handler(this::metadata);
        router.route(mcpPath).order(SCOPE_ORDER).handler(this::clientAllowed);
        router.route(mcpPath + "/*").order(SCOPE_ORDER).handler(this::clientAllowed);
        router.post(mcpPath).order(SCOPE_ORDER + 1).handler(this::scopeForToolCall);
        router.post(mcpPath + "/messages/*").order(SCOPE_ORDER + 1).handler(BodyHandler.create().setBodyLimit(
                10 * 1024 * 1024)).handler(this::scopeForToolCall);
    }

    void guard(RoutingContext ctx) {
        if (!policy.hostAllowed(host(ctx))) {
            forbidden(ctx, "This server does not answer to host " + host(ctx) + ". Set MCP_AUTH_ALLOWED_HOSTS if it "
                    + "is reached under this name.");
            return;
        }
        if (!policy.originAllowed(ctx.request().getHeader(HttpHeaders.ORIGIN))) {
            forbidden(ctx, "Requests from origin " + ctx.request().getHeader(HttpHeaders.ORIGIN) + " are not allowed.");
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 401) {
                ctx.response().headers().set(WWW_AUTHENTICATE, "Bearer resource_metadata=\""
                        + metadataUrl(ctx) + "\", scope=\"" + String.join(" ", policy.scopesSupported()) + "\"");
            }
        });
        ctx.next();
    }

    void metadata(RoutingContext ctx) {
        if (!policy.hostAllowed(host(ctx))) {
            forbidden(ctx, "This server does not answer to host " + host(ctx) + ".");
            return;
        }
        JsonObject document = new JsonObject().put("resource", policy.resource())
                .put("authorization_servers", new JsonArray(issuer.isBlank() ? List.of() : List.of(issuer.replaceAll(
                        "/+$", ""))))
                .put("scopes_supported", new JsonArray(policy.scopesSupported()))
                .put("bearer_methods_supported", new JsonArray(List.of("header")))
                .put("resource_name", "Atlassian MCP server");
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CACHE_CONTROL,
                "max-age=3600").end(document.encode());
    }

    void clientAllowed(RoutingContext ctx) {
        SecurityIdentity identity = identity(ctx);
        if (identity != null && !identity.isAnonymous() && !policy.clientAllowed(identity)) {
            String tool = calledTool(ctx);
            if (tool != null) {
                audit.denied(tool, identity, "client not allowed", ctx);
            }
            forbidden(ctx, "This AI client is not allowed to use this server. Ask the operator to add its OAuth "
                    + "client id to MCP_AUTH_ALLOWED_CLIENTS.");
            return;
        }
        ctx.next();
    }

    void scopeForToolCall(RoutingContext ctx) {
        String tool = calledTool(ctx);
        SecurityIdentity identity = identity(ctx);
        if (identity != null && !identity.isAnonymous()) {
            String scope = tool != null ? policy.requiredScope(tool) : readsResource(ctx) ? policy.readScope() : null;
            if (scope != null && !policy.hasScope(identity, scope)) {
                String what = tool != null ? tool : "resources/read";
                audit.denied(what, identity, "insufficient_scope: needs " + scope, ctx);
                ctx.response().setStatusCode(403).putHeader(WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\", resource_metadata=\""
                                + metadataUrl(ctx) + "\"")
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject().put("error",
                                "insufficient_scope").put("error_description",
                                        (tool != null ? "Calling " + tool
                                                : "Reading resources") + " needs the scope " + scope
                                                + "; sign in again granting it.")
                                .encode());
                return;
            }
        }
        ctx.next();
    }

    private static boolean readsResource(RoutingContext ctx) {
        return McpHttpRequest.message(ctx).filter(m -> "resources/read".equals(m.getString("method"))).isPresent();
    }

    /** The tool a {@code tools/call} names ({@code ""} if none); null for any other message. */
    private static String calledTool(RoutingContext ctx) {
        return McpHttpRequest.calledTool(ctx).orElse(null);
    }

    /** The Host header, or the :authority of an HTTP/2 request. */
    private static String host(RoutingContext ctx) {
        return ctx.request().authority() == null ? ctx.request().getHeader(HttpHeaders.HOST) : ctx.request()
                .authority().toString();
    }

    private String metadataUrl(RoutingContext ctx) {
        return ctx.request().scheme() + "://" + ctx.request().authority() + METADATA + mcpPath;
    }

    private static SecurityIdentity identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    private static void forbidden(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
                .put("error", "forbidden").put("error_description", message).encode());
    }
}

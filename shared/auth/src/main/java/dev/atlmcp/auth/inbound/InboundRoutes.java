package dev.atlmcp.auth.inbound;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The server's front door beyond token validation (which quarkus-oidc does):
 * <ul>
 * <li>DNS-rebinding protection: a foreign {@code Host} or browser {@code Origin} gets 403 before anything else;</li>
 * <li>our RFC 9728 protected resource metadata, with {@code scopes_supported};</li>
 * <li>401 challenges that name the metadata and the scope to ask for;</li>
 * <li>a signed-in caller names a subject and comes through an allowed client.</li>
 * </ul>
 */
@Singleton
public class InboundRoutes {

    /** Before CORS (-300) and authentication (-200). */
    static final int GUARD_ORDER = -400;
    /** After authentication and authorization (-100), before the session binding (-60). */
    static final int CALLER_ORDER = -70;
    private static final String METADATA = "/.well-known/oauth-protected-resource";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private final InboundPolicy policy;
    private final Event<AccessDenied> denied;
    private final String mcpPath;
    private final String issuer;

    InboundRoutes(InboundPolicy policy, Event<AccessDenied> denied,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.policy = policy;
        this.denied = denied;
        this.mcpPath = mcpPath;
        this.issuer = issuer.orElse("");
    }

    void register(@Observes Router router) {
        router.route(mcpPath).order(GUARD_ORDER).handler(this::guard);
        router.route(mcpPath + "/*").order(GUARD_ORDER).handler(this::guard);
        router.route("/admin/*").order(GUARD_ORDER).handler(this::guard);
        router.get(METADATA).handler(this::metadata);
        router.get(METADATA + mcpPath).handler(this::metadata);
        router.route(mcpPath).order(CALLER_ORDER).handler(this::callerAllowed);
        router.route(mcpPath + "/*").order(CALLER_ORDER).handler(this::callerAllowed);
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
                        + policy.metadataUrl(ctx) + "\", scope=\"" + String.join(" ", policy.scopesSupported()) + "\"");
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

    /**
     * A signed-in caller must name a subject ({@code sub}: sessions, limits, audit and the Atlassian account mapping
     * all hang on it) and, with {@code MCP_AUTH_ALLOWED_CLIENTS}, come through an allowed client.
     */
    void callerAllowed(RoutingContext ctx) {
        SecurityIdentity identity = McpHttpRequest.identity(ctx);
        if (identity == null || identity.isAnonymous()) {
            ctx.next();
            return;
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null || jwt.getSubject()
                .isBlank()) {
            denied.fire(new AccessDenied("(any)", identity, "token without a subject (sub)", ctx));
            ctx.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(
                    new JsonObject().put("error", "invalid_token").put("error_description", "The access token names "
                            + "no subject (sub claim). Ask the identity provider's administrator to issue tokens "
                            + "with a subject for this server.").encode());
            return;
        }
        if (!policy.clientAllowed(identity)) {
            denied.fire(new AccessDenied(McpHttpRequest.calledTool(ctx).orElse("(any)"), identity, "client not allowed",
                    ctx));
            forbidden(ctx, "This AI client is not allowed to use this server. Ask the operator to add its OAuth "
                    + "client id to MCP_AUTH_ALLOWED_CLIENTS.");
            return;
        }
        ctx.next();
    }

    /** The Host header, or the :authority of an HTTP/2 request. */
    private static String host(RoutingContext ctx) {
        return ctx.request().authority() == null ? ctx.request().getHeader(HttpHeaders.HOST) : ctx.request()
                .authority().toString();
    }

    private static void forbidden(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
                .put("error", "forbidden").put("error_description", message).encode());
    }
}

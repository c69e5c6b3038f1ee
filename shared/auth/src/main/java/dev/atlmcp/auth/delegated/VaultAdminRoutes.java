package dev.atlmcp.auth.delegated;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.inbound.InboundPolicy;
import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * The token vault's administration (delegated access only), for callers whose bearer token holds the admin scope
 * ({@code <product>:admin} by default, {@code MCP_AUTH_ADMIN_SCOPE}):
 * <ul>
 * <li>{@code GET /admin/grants}: who has connected which product, when, and when they last used it; no token;</li>
 * <li>{@code DELETE /admin/grants?subject=...}: deletes every grant of the person, all products in this vault;</li>
 * <li>{@code POST /admin/vault/reseal}: after a key rotation, seals every grant again under the current key.</li>
 * </ul>
 * Every change and every refused request is an audit event.
 */
@ApplicationScoped
public class VaultAdminRoutes {

    public static final String GRANTS = "/admin/grants";
    public static final String RESEAL = "/admin/vault/reseal";

    private final DelegatedAccess access;
    private final GrantVault vault;
    private final InboundPolicy policy;
    private final ServerConfig server;
    private final Event<VaultAdminEvent> audit;

    VaultAdminRoutes(DelegatedAccess access, GrantVault vault, InboundPolicy policy, ServerConfig server,
            Event<VaultAdminEvent> audit) {
        this.access = access;
        this.vault = vault;
        this.policy = policy;
        this.server = server;
        this.audit = audit;
    }

    void register(@Observes Router router) {
        if (!access.enabled()) {
            return;
        }
        router.get(GRANTS).blockingHandler(ctx -> asAdmin(ctx, "list", (request, admin) -> list(request)), false);
        router.delete(GRANTS).blockingHandler(ctx -> asAdmin(ctx, "revoke", this::revoke), false);
        router.post(RESEAL).blockingHandler(ctx -> asAdmin(ctx, "reseal", this::reseal), false);
    }

    private interface Action {
        void run(RoutingContext ctx, SecurityIdentity admin);
    }

    private void asAdmin(RoutingContext ctx, String action, Action body) {
        SecurityIdentity admin = McpHttpRequest.identity(ctx);
        if (admin == null || admin.isAnonymous()) {
            json(ctx, 401, new JsonObject().put("error", "Sign in: this endpoint needs a bearer token with the scope "
                    + server.adminScope() + "."));
            return;
        }
        if (!policy.hasScope(admin, server.adminScope())) {
            audit.fire(new VaultAdminEvent(action, "denied", "the token lacks the scope " + server.adminScope(),
                    Optional.of(admin), Optional.of(ctx)));
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                    + server.adminScope() + "\"");
            json(ctx, 403, new JsonObject().put("error", "This needs the scope " + server.adminScope() + ", which "
                    + "your token does not have. Ask your identity provider's administrator for it."));
            return;
        }
        try {
            body.run(ctx, admin);
        } catch (VaultUnavailable e) {
            ctx.response().putHeader("Retry-After", "30");
            json(ctx, 503, new JsonObject().put("error", "The token vault cannot be reached right now; nothing was "
                    + "changed. Try again in a minute."));
        }
    }

    private void list(RoutingContext ctx) {
        JsonArray grants = new JsonArray();
        for (GrantVault.Listed grant : vault.list()) {
            grants.add(new JsonObject().put("subject", grant.subject()).put("product", grant.product()).put(
                    "cloudId", grant.cloudId()).put("scopes", grant.scopes()).put("connectedAt", grant.connectedAt()
                            .toString())
                    .put("lastUsedAt", grant.lastUsedAt().toString()).put("key", grant.keyId()));
        }
        json(ctx, 200, new JsonObject().put("grants", grants).put("keys", new JsonObject(new java.util.TreeMap<>(
                vault.keyUsage()))));
    }

    private void revoke(RoutingContext ctx, SecurityIdentity admin) {
        String subject = ctx.request().getParam("subject");
        if (subject == null || subject.isBlank()) {
            json(ctx, 400, new JsonObject().put("error", "Name the person: ?subject=<the value of their "
                    + server.identity().personClaim() + " claim>, as GET " + GRANTS + " lists it."));
            return;
        }
        List<String> deleted = vault.deleteAll(PersonKey.of(subject));
        audit.fire(new VaultAdminEvent("revoke", "ok", "revoked the grants of " + subject + ": " + (deleted.isEmpty()
                ? "there were none" : String.join(", ", deleted)), Optional.of(admin), Optional.of(ctx)));
        json(ctx, 200, new JsonObject().put("subject", subject).put("deleted", new JsonArray(deleted)));
    }

    private void reseal(RoutingContext ctx, SecurityIdentity admin) {
        GrantVault.Resealed resealed = vault.resealAll();
        JsonObject keys = new JsonObject(new java.util.TreeMap<>(vault.keyUsage()));
        audit.fire(new VaultAdminEvent("reseal", resealed.unreadable() == 0 ? "ok" : "partial", "sealed "
                + resealed.resealed() + " grants again under " + vault.currentKeyId() + "; " + resealed.unreadable()
                + " no configured key opens; grants per key now " + keys.encode(), Optional.of(admin),
                Optional.of(
                        ctx)));
        json(ctx, 200, new JsonObject().put("resealed", resealed.resealed()).put("unreadable", resealed
                .unreadable()).put("currentKey", vault.currentKeyId()).put("keys", keys));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader(
                "Cache-Control", "no-store").end(body.encode());
    }
}

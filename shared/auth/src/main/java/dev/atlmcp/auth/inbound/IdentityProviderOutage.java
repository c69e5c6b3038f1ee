package dev.atlmcp.auth.inbound;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The company identity provider cannot be reached, so Quarkus OIDC cannot check anyone's token and fails the request:
 * the caller gets one clear 503 instead of an opaque 500. Quarkus OIDC asks the identity provider again on the next
 * request, so people get in again as soon as it is back.
 */
@Singleton
public class IdentityProviderOutage {

    private static final String MESSAGE = "The identity provider this server checks sign-ins with cannot be reached, "
            + "so no one can be let in. Try again in a minute; if it keeps happening, tell the server's administrator.";
    private static final String RETRY_AFTER_SECONDS = "30";

    void register(@Observes Router router) {
        router.route().order(InboundRoutes.GUARD_ORDER).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        if (!causedByOutage(ctx.failure()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).putHeader(
                HttpHeaders.CONTENT_TYPE, "application/json").end(
                        new JsonObject().put("error",
                                "temporarily_unavailable").put("error_description", MESSAGE).encode());
    }

    private static boolean causedByOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}

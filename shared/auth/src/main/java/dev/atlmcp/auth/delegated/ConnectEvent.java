package dev.atlmcp.auth.delegated;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * A step of the connect flow worth an audit event: a grant stored ({@code ok}) or a connect refused ({@code denied}),
 * with why. Fired as a synchronous CDI event; the audit log observes it. Never carries a link, state or token.
 */
public record ConnectEvent(String product, String outcome, String detail, SecurityIdentity who,
        RoutingContext request) {
}

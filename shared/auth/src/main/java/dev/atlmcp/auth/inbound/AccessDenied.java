package dev.atlmcp.auth.inbound;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * A request refused at the HTTP layer (missing scope, client not allowed, another subject's session) before the MCP
 * server saw it. Fired as a synchronous CDI event; the audit log observes it, so a failure to audit fails the request.
 */
public record AccessDenied(String what, SecurityIdentity who, String reason, RoutingContext request) {
}

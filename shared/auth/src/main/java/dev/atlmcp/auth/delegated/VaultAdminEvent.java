package dev.atlmcp.auth.delegated;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * A change to the token vault worth an audit event: an administrator revoked a person's grants or sealed the vault
 * again under the current key, a request for it was refused, or unused grants were deleted ({@code who} and
 * {@code request} absent). Fired as a synchronous CDI event; the audit log observes it. Never carries a token.
 */
public record VaultAdminEvent(String action, String outcome, String detail, Optional<SecurityIdentity> who,
        Optional<RoutingContext> request) {
}

package dev.atlmcp.auth.delegated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Deletes the grants nobody has used for {@code atlassian.oauth.unused-grant-lifetime}, every
 * {@code atlassian.oauth.unused-grant-sweep} on each replica (the delete is the same on all, so it does not matter
 * which runs it). Each deletion is an audit event.
 */
@Singleton
public class UnusedGrantSweep {

    private static final Logger LOG = Logger.getLogger(UnusedGrantSweep.class);

    private final DelegatedAccess access;
    private final DelegatedConfig config;
    private final GrantVault vault;
    private final Event<VaultAdminEvent> audit;

    UnusedGrantSweep(DelegatedAccess access, DelegatedConfig config, GrantVault vault, Event<VaultAdminEvent> audit) {
        this.access = access;
        this.config = config;
        this.vault = vault;
        this.audit = audit;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        if (!access.enabled()) {
            return;
        }
        vertx.setPeriodic(config.unusedGrantSweep().toMillis(), timer -> vertx.executeBlocking(() -> {
            sweep();
            return null;
        }, false));
    }

    /** Deletes the unused grants now; how many. */
    public int sweep() {
        try {
            List<String> deleted = vault.deleteUnusedSince(Instant.now().minus(config.unusedGrantLifetime()));
            if (!deleted.isEmpty()) {
                Duration lifetime = config.unusedGrantLifetime();
                audit.fire(new VaultAdminEvent("delete-unused", "ok", "deleted " + deleted.size() + " grants unused "
                        + "for " + (lifetime.toDaysPart() > 0 ? lifetime.toDays() + " days" : lifetime.toString())
                        + " (" + String.join(", ", deleted) + ")",
                        Optional.empty(), Optional.empty()));
            }
            return deleted.size();
        } catch (VaultUnavailable e) {
            LOG.warnf("Could not look for unused grants: the token vault is unreachable; trying again in %s",
                    config.unusedGrantSweep());
            return 0;
        }
    }
}

package dev.atlmcp.auth.delegated;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Brings the vault's schema up to date at start-up with delegated access on, after the configuration checks; replicas
 * starting together are serialised by Flyway's lock. A database that cannot be reached stops the start with one line.
 */
@Singleton
public class VaultMigration {

    void migrate(@Observes @Priority(3000) StartupEvent event, DelegatedAccess access, Instance<Flyway> flyway) {
        if (!access.enabled()) {
            return;
        }
        try {
            flyway.get().migrate();
        } catch (FlywayException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ConfigurationException("Cannot prepare the token vault in the database at "
                    + "QUARKUS_DATASOURCE_JDBC_URL: " + root.getMessage().lines().findFirst().orElse("") + ". Check "
                    + "the URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD, and that the database "
                    + "accepts connections from this server.");
        }
    }
}

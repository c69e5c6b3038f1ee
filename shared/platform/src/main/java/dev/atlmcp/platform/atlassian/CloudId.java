package dev.atlmcp.platform.atlassian;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.config.AtlassianConfig;

/** The Cloud site's id: configured ({@code ATLASSIAN_CLOUD_ID}), or read once from the site and then remembered. */
@ApplicationScoped
public class CloudId {

    private final AtlassianConfig config;
    private final SiteInfoClient site;
    private final AtomicReference<String> discovered = new AtomicReference<>();

    CloudId(AtlassianConfig config, @RestClient SiteInfoClient site) {
        this.config = config;
        this.site = site;
    }

    public String get() {
        Optional<String> configured = config.cloudId().map(String::trim).filter(id -> !id.isEmpty());
        if (configured.isPresent()) {
            return configured.get();
        }
        String known = discovered.get();
        if (known == null) {
            known = site.tenantInfo().cloudId();
            if (known == null || known.isBlank()) {
                throw new AtlassianException(502,
                        List.of("The site did not tell its cloud id; set ATLASSIAN_CLOUD_ID."),
                        Optional.empty());
            }
            discovered.set(known);
        }
        return known;
    }
}

package dev.atlmcp.compass.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Compass settings beyond the shared {@code atlassian.*} ones. */
@ConfigMapping(prefix = "compass")
public interface CompassConfig {

    /** The site's cloud id; when absent it is read once from the site's {@code /_edge/tenant_info}. */
    Optional<String> cloudId();
}

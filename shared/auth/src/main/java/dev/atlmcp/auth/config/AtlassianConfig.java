package dev.atlmcp.auth.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the Atlassian site is and how this server authenticates to it. Every property can be set by environment
 * variable ({@code ATLASSIAN_URL}, {@code ATLASSIAN_DEPLOYMENT}, {@code ATLASSIAN_AUTH_MODE},
 * {@code ATLASSIAN_AUTH_EMAIL}, {@code ATLASSIAN_AUTH_TOKEN}); {@link ConfigValidator} checks them at start-up.
 */
@ConfigMapping(prefix = "atlassian")
public interface AtlassianConfig {

    /** Base URL of the site: {@code https://acme.atlassian.net}, or a Data Center URL with its context path. */
    Optional<String> url();

    /** {@code cloud} or {@code datacenter}. */
    @WithDefault("cloud")
    String deployment();

    Auth auth();

    interface Auth {
        /** {@code basic} (email + API token, or DC username + password) or {@code bearer} (DC PAT, OAuth token). */
        @WithDefault("basic")
        String mode();

        /** Cloud account email (or Data Center username) for {@code basic}. */
        Optional<String> email();

        /** API token, password or personal access token. Never logged. */
        Optional<String> token();
    }

    /** Case-insensitive, as {@link ConfigValidator} accepts the value. */
    default boolean isDataCenter() {
        return "datacenter".equalsIgnoreCase(deployment());
    }
}

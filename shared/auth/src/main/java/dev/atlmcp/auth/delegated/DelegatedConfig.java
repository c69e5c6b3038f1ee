package dev.atlmcp.auth.delegated;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Delegated access ({@code ATLASSIAN_AUTH_MODE=oauth}): this server as a confidential OAuth client of Atlassian, a 3LO
 * app on Cloud or an incoming application link on Data Center ({@code ATLASSIAN_OAUTH_*}). Endpoints default to
 * Atlassian's on Cloud and to the site's {@code /rest/oauth2/latest/...} on Data Center
 * ({@link DelegatedAccessConfigSource}), and can point at a proxy or a test server.
 */
@ConfigMapping(prefix = "atlassian.oauth")
public interface DelegatedConfig {

    /** The app's client id from the developer console. */
    Optional<String> clientId();

    /** The app's secret. Never logged. */
    Optional<String> clientSecret();

    /** The callback URL registered for the app; {@code <public-url>/connect/atlassian/callback} by default. */
    Optional<String> redirectUrl();

    /** The scopes asked for on Cloud, space- or comma-separated; each server's default names what its tools use. */
    Optional<List<String>> scopes();

    /**
     * The scope asked of Data Center's OAuth 2.0 provider: {@code WRITE} (which includes {@code READ}), or {@code READ}
     * for a server that only reads. The incoming application link must allow it.
     */
    @WithDefault("WRITE")
    List<String> dataCenterScopes();

    @WithDefault("https://auth.atlassian.com/authorize")
    String authorizeUrl();

    @WithDefault("https://auth.atlassian.com/oauth/token")
    String tokenUrl();

    @WithDefault("https://api.atlassian.com/oauth/token/accessible-resources")
    String resourcesUrl();

    /** An access token this close to expiry is refreshed before use. */
    @WithDefault("PT5M")
    Duration refreshBefore();

    /** How long a connect link, and the sign-in and consent it starts, stay usable. */
    @WithDefault("PT15M")
    Duration connectLinkLifetime();

    /**
     * A grant nobody has used for this long is deleted; 90 days by default, when Atlassian ends an unused refresh token
     * anyway.
     */
    @WithDefault("P90D")
    Duration unusedGrantLifetime();

    /** How often each replica looks for unused grants to delete. */
    @WithDefault("PT1H")
    Duration unusedGrantSweep();
}

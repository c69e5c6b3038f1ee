package dev.atlmcp.auth.config;

import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the Atlassian site is and how this server authenticates to it. Every property can be set by environment
 * variable ({@code ATLASSIAN_URL}, {@code ATLASSIAN_AUTH_MODE}, {@code ATLASSIAN_GATEWAY_ENABLED}, ...);
 * {@link ConfigValidator} checks them at start-up. The TLS and proxy settings ({@code atlassian.tls.*},
 * {@code atlassian.proxy.*}) are wired into the REST clients in the shared configuration defaults.
 */
@ConfigMapping(prefix = "atlassian")
public interface AtlassianConfig {

    /** Base URL of the site: {@code https://acme.atlassian.net}, or a Data Center URL with its context path. */
    Optional<String> url();

    /** {@code cloud} or {@code datacenter}. */
    @WithDefault("cloud")
    String deployment();

    /** The Cloud site's id; when unset it is read once from the site's {@code /_edge/tenant_info}. */
    Optional<String> cloudId();

    Gateway gateway();

    Auth auth();

    Tls tls();

    Proxy proxy();

    /** Atlassian's API gateway, which scoped API tokens and OAuth access tokens must use on Cloud. */
    interface Gateway {

        /** Send every call through {@code <url>/ex/<product>/<cloudId>} instead of the site URL. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("https://api.atlassian.com")
        String url();
    }

    interface Auth {
        /**
         * {@code basic} (email + API token, or DC username + password), {@code bearer} (DC PAT, OAuth access token),
         * {@code per-user} (each caller's own token from the {@code X-Atlassian-User-Token} request header) or
         * {@code oauth} (each person's own grant, from connecting their Atlassian account; Cloud, and Data Center's
         * OAuth 2.0 provider).
         */
        @WithDefault("basic")
        String mode();

        /** Cloud account email (or Data Center username) for {@code basic}. */
        Optional<String> email();

        /** API token, password or personal access token. Never logged. */
        Optional<String> token();
    }

    /** Trust and client certificates for sites behind an internal CA or requiring mutual TLS (PEM files). */
    interface Tls {
        /** CA certificates to trust instead of the JVM's defaults. */
        Optional<String> caBundle();

        /** This server's client certificate (chain) for mutual TLS. */
        Optional<String> clientCert();

        /** The client certificate's private key (PKCS#8 or PKCS#1 PEM). */
        Optional<String> clientKey();
    }

    /** An HTTP proxy between this server and Atlassian. */
    interface Proxy {
        /** {@code host:port}. */
        Optional<String> address();

        Optional<String> user();

        /** Never logged. */
        Optional<String> password();

        /** Hosts reached directly, separated by {@code |}, e.g. {@code localhost|*.acme.internal}. */
        Optional<String> nonProxyHosts();
    }

    /** Case-insensitive, as {@link ConfigValidator} accepts the value. */
    default boolean isDataCenter() {
        return "datacenter".equalsIgnoreCase(deployment());
    }

    default boolean isPerUser() {
        return "per-user".equals(auth().mode().toLowerCase(Locale.ROOT));
    }

    /**
     * Delegated access: each person's own OAuth access token, from Atlassian Cloud's authorization server (accepted
     * only through its gateway) or Data Center's OAuth 2.0 provider (accepted by the site itself).
     */
    default boolean isOAuth() {
        return "oauth".equals(auth().mode().trim().toLowerCase(Locale.ROOT));
    }

    /** Whether calls go through the API gateway: switched on, or needed by Cloud's OAuth access tokens. */
    default boolean throughGateway() {
        return gateway().enabled() || isOAuth() && !isDataCenter();
    }
}

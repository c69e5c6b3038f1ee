package dev.atlmcp.auth.delegated;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * With {@code ATLASSIAN_AUTH_MODE=oauth}, the connect pages' sign-in: an OIDC tenant named {@code connect} for the
 * paths under {@code /connect/}, a web application (authorization code with PKCE) at the same identity provider as the
 * MCP bearer tokens, with this server's own client ({@code MCP_CONNECT_CLIENT_ID}, {@code MCP_CONNECT_CLIENT_SECRET}).
 * The sign-in's cookies are encrypted under a key derived from the connect client's secret. Explicit
 * {@code quarkus.oidc.connect.*} properties override what this derives.
 */
public class DelegatedAccessConfigSource implements ConfigSourceFactory {

    private static final int ORDINAL = 110;
    private static final String TENANT = "quarkus.oidc.connect.";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> properties = new HashMap<>();
        boolean oauth = value(context, "atlassian.auth.mode").map(m -> m.toLowerCase(Locale.ROOT).equals("oauth"))
                .orElse(false);
        properties.put(TENANT + "tenant-enabled", String.valueOf(oauth));
        if (oauth) {
            properties.put(TENANT + "auth-server-url", "${quarkus.oidc.auth-server-url}");
            properties.put(TENANT + "application-type", "web-app");
            properties.put(TENANT + "tenant-paths", "/connect/*");
            value(context, "mcp.connect.client-id").ifPresent(id -> properties.put(TENANT + "client-id", id));
            value(context, "mcp.connect.client-secret").ifPresent(secret -> properties.put(TENANT
                    + "credentials.secret", secret));
            properties.put(TENANT + "authentication.pkce-required", "true");
            properties.put(TENANT + "authentication.redirect-path", "/connect/signed-in");
            properties.put(TENANT + "authentication.restore-path-after-redirect", "true");
            properties.put(TENANT + "authentication.cookie-path", "/connect");
            properties.put(TENANT + "authentication.scopes", "profile,email");
            properties.put(TENANT + "token-state-manager.strategy", "id-token");
            cookieSecret(value(context, "mcp.connect.client-secret")).ifPresent(secret -> {
                properties.put(TENANT + "authentication.state-secret", secret);
                properties.put(TENANT + "token-state-manager.encryption-secret", secret);
            });
            // the sign-in's redirect URI is built from the host and scheme the browser used, which an ingress or
            // balancer passes in X-Forwarded-Host and X-Forwarded-Proto
            properties.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            properties.put("quarkus.http.proxy.allow-x-forwarded", "true");
            properties.put("quarkus.http.proxy.enable-forwarded-host", "true");
            proxy(context, properties);
            dataCenterProvider(context, properties);
            properties.put("quarkus.http.auth.permission.connect.paths", "/connect/*");
            properties.put("quarkus.http.auth.permission.connect.policy", "authenticated");
        }
        return List.of(new PropertiesConfigSource(properties, "delegated-access", ORDINAL));
    }

    /** The connect page's sign-in reaches the identity provider the way the bearer tokens' keys are fetched. */
    private static void proxy(ConfigSourceContext context, Map<String, String> properties) {
        for (String setting : List.of("host", "port", "username", "password")) {
            value(context, "quarkus.oidc.proxy." + setting).ifPresent(v -> properties.put(TENANT + "proxy." + setting,
                    v));
        }
    }

    /** On Data Center the authorization server is the site's own OAuth 2.0 provider. */
    private static void dataCenterProvider(ConfigSourceContext context, Map<String, String> properties) {
        boolean dataCenter = value(context, "atlassian.deployment").map(d -> d.equalsIgnoreCase("datacenter"))
                .orElse(false);
        Optional<String> site = value(context, "atlassian.url").map(u -> u.replaceAll("/+$", ""));
        if (dataCenter && site.isPresent()) {
            properties.put("atlassian.oauth.authorize-url", site.get() + "/rest/oauth2/latest/authorize");
            properties.put("atlassian.oauth.token-url", site.get() + "/rest/oauth2/latest/token");
        }
    }

    /**
     * 64 hex characters derived from the connect client's secret, which every replica shares and which, unlike the
     * vault keys, does not change during a vault key rotation; empty without a secret.
     */
    static Optional<String> cookieSecret(Optional<String> connectClientSecret) {
        if (connectClientSecret.isEmpty()) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(connectClientSecret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Optional.of(HexFormat.of().formatHex(mac.doFinal("connect sign-in cookies".getBytes(
                    StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? Optional.empty()
                : Optional.of(value.getValue().trim());
    }
}

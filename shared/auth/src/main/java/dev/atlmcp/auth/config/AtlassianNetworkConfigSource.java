package dev.atlmcp.auth.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The network between this server and Atlassian, wired into every Atlassian REST client from the {@code atlassian.*}
 * settings:
 * <ul>
 * <li>{@code atlassian.tls.*} (PEM files) become a TLS configuration named {@code atlassian}; without them the clients
 * keep the JVM's trust store. Explicit {@code quarkus.tls.atlassian.*} properties override what this derives.</li>
 * <li>{@code atlassian.proxy.*} ({@code host:port}, user, password, {@code |}-separated hosts to reach directly) become
 * Quarkus' proxy registry entry named {@code atlassian} (Quarkus 3.33 deprecates the REST client's own proxy
 * properties); without an address the clients connect directly.</li>
 * </ul>
 */
public class AtlassianNetworkConfigSource implements ConfigSourceFactory {

    static final String NAME = "atlassian";
    private static final int ORDINAL = 110;
    private static final String PROXY = "quarkus.proxy.\"" + NAME + "\".";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> properties = new HashMap<>();
        tls(context, properties);
        proxy(context, properties);
        return List.of(new PropertiesConfigSource(properties, "atlassian-network", ORDINAL));
    }

    private static void tls(ConfigSourceContext context, Map<String, String> properties) {
        Map<String, String> tls = new HashMap<>();
        value(context, "atlassian.tls.ca-bundle").ifPresent(v -> tls.put("quarkus.tls.atlassian.trust-store.pem.certs",
                v));
        value(context, "atlassian.tls.client-cert").ifPresent(v -> tls.put(
                "quarkus.tls.atlassian.key-store.pem.client.cert", v));
        value(context, "atlassian.tls.client-key").ifPresent(v -> tls.put(
                "quarkus.tls.atlassian.key-store.pem.client.key", v));
        if (!tls.isEmpty()) {
            properties.putAll(tls);
            properties.put("quarkus.rest-client.tls-configuration-name", NAME);
        }
    }

    private static void proxy(ConfigSourceContext context, Map<String, String> properties) {
        Optional<String> address = value(context, "atlassian.proxy.address").filter(a -> a.matches(
                "[^\\s:/]+:[0-9]{1,5}"));
        if (address.isEmpty()) {
            return;
        }
        int colon = address.get().lastIndexOf(':');
        properties.put(PROXY + "host", address.get().substring(0, colon));
        properties.put(PROXY + "port", address.get().substring(colon + 1));
        value(context, "atlassian.proxy.user").ifPresent(user -> properties.put(PROXY + "username", user));
        value(context, "atlassian.proxy.password").ifPresent(password -> properties.put(PROXY + "password",
                password));
        value(context, "atlassian.proxy.non-proxy-hosts").ifPresent(hosts -> properties.put(PROXY + "non-proxy-hosts",
                String.join(",", hosts.split("\\s*\\|\\s*"))));
        properties.put("quarkus.rest-client.proxy-configuration-name", NAME);
    }

    /** A setting's value, trimmed, if it is set and not blank. */
    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? Optional.empty()
                : Optional.of(value.getValue().trim());
    }
}

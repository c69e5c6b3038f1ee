package dev.atlmcp.auth.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns {@code atlassian.tls.*} (PEM files) into a TLS configuration named {@code atlassian} that every Atlassian REST
 * client uses. It exists only when something is set, so without these settings the clients keep the JVM's trust store.
 * Explicit {@code quarkus.tls.atlassian.*} properties override what this derives.
 */
public class AtlassianTlsConfigSource implements ConfigSourceFactory {

    private static final int ORDINAL = 110;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> properties = new HashMap<>();
        set(context, "atlassian.tls.ca-bundle", "quarkus.tls.atlassian.trust-store.pem.certs", properties);
        set(context, "atlassian.tls.client-cert", "quarkus.tls.atlassian.key-store.pem.client.cert", properties);
        set(context, "atlassian.tls.client-key", "quarkus.tls.atlassian.key-store.pem.client.key", properties);
        if (!properties.isEmpty()) {
            properties.put("quarkus.rest-client.tls-configuration-name", "atlassian");
        }
        return List.of(new PropertiesConfigSource(properties, "atlassian-tls", ORDINAL));
    }

    private static void set(ConfigSourceContext context, String from, String to, Map<String, String> properties) {
        ConfigValue value = context.getValue(from);
        if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
            properties.put(to, value.getValue().trim());
        }
    }
}

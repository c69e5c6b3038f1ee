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
 * Turns {@code atlassian.proxy.*} ({@code host:port}, user, password, {@code |}-separated hosts to reach directly) into
 * Quarkus' proxy registry entry named {@code atlassian}, which every REST client uses. Without an address there is no
 * entry and the clients connect directly. (Quarkus 3.33 deprecates the REST client's own proxy properties.)
 */
public class AtlassianProxyConfigSource implements ConfigSourceFactory {

    static final String NAME = "atlassian";
    private static final int ORDINAL = 110;
    private static final String PROXY = "quarkus.proxy.\"" + NAME + "\".";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<String> address = value(context, "atlassian.proxy.address");
        Map<String, String> properties = new HashMap<>();
        if (address.isPresent() && address.get().matches("[^\\s:/]+:[0-9]{1,5}")) {
            int colon = address.get().lastIndexOf(':');
            properties.put(PROXY + "host", address.get().substring(0, colon));
            properties.put(PROXY + "port", address.get().substring(colon + 1));
            value(context, "atlassian.proxy.user").ifPresent(user -> properties.put(PROXY + "username", user));
            value(context, "atlassian.proxy.password").ifPresent(password -> properties.put(PROXY + "password",
                    password));
            value(context, "atlassian.proxy.non-proxy-hosts").ifPresent(hosts -> properties.put(PROXY
                    + "non-proxy-hosts", String.join(",", hosts.split("\\s*\\|\\s*"))));
            properties.put("quarkus.rest-client.proxy-configuration-name", NAME);
        }
        return List.of(new PropertiesConfigSource(properties, "atlassian-proxy", ORDINAL));
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? Optional.empty()
                : Optional.of(value.getValue().trim());
    }
}

package dev.atlmcp.platform.manifest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The server's own icon in its {@code initialize} answer ({@code serverInfo.icons}): the product's icon, as
 * {@link ProductIcons} gives it to each tool. Below {@code application.properties} in precedence, so a deployment can
 * set {@code quarkus.mcp.server.server-info.icons[0].*} itself.
 */
public class ProductIconConfig implements ConfigSourceFactory {

    private static final int ORDINAL = 200;
    private static final String ICON = "quarkus.mcp.server.server-info.icons[0].";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue product = context.getValue("mcp.product");
        if (product == null || product.getValue() == null || product.getValue().isBlank()) {
            return List.of();
        }
        // Also read while the application is built, when its resources may not be visible: the icon is runtime only.
        return ProductIcons.find(product.getValue().trim()).map(icon -> List.<ConfigSource> of(
                new PropertiesConfigSource(Map.of(ICON + "src", icon, ICON + "mime-type", ProductIcons.MIME_TYPE, ICON
                        + "sizes", "any"), "product-icon", ORDINAL)))
                .orElse(List.of());
    }
}

package dev.atlmcp.platform.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.FeatureManager.FeatureInfo;
import io.quarkiverse.mcp.server.Icon;
import io.quarkiverse.mcp.server.IconsProvider;

/**
 * The icon of the server's product (MCP 2025-11-25) on each of its tools, prompts and resources, which name this class
 * in {@code @Icons}: the SVG {@code /icons/<mcp.product>.svg} (our own design, not Atlassian's logos) as a
 * {@code data:} URI, so that it is the same in every deployment (tool digests include it) and no client has to fetch
 * anything to show it. {@link ProductIconConfig} gives the server the same icon in its {@code initialize} answer.
 */
@Singleton
public class ProductIcons implements IconsProvider {

    public static final String MIME_TYPE = "image/svg+xml";
    private final List<Icon> icons;

    ProductIcons(@ConfigProperty(name = "mcp.product") String product) {
        this.icons = List.of(new Icon(dataUri(product), MIME_TYPE, List.of("any"), null));
    }

    @Override
    public List<Icon> get(FeatureInfo feature) {
        return icons;
    }

    /** The {@code data:} URI of {@code icons/<product>.svg}. */
    public static String dataUri(String product) {
        return find(product).orElseThrow(() -> new IllegalStateException("icons/" + product + ".svg is missing from "
                + "the build"));
    }

    /** The {@code data:} URI of {@code icons/<product>.svg}, if the application has it. */
    static Optional<String> find(String product) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread()
                .getContextClassLoader() : ProductIcons.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("icons/" + product + ".svg")) {
            return in == null ? Optional.empty() : Optional.of("data:" + MIME_TYPE + ";base64," + Base64.getEncoder()
                    .encodeToString(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

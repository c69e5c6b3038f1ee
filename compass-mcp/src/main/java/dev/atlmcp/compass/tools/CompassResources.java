package dev.atlmcp.compass.tools;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;

import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.toolcall.MaskedOutput;
import dev.atlmcp.platform.toolcall.CallerLimited;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.toolcall.ResourceErrors;
import dev.atlmcp.compass.render.ComponentMarkdown;
import dev.atlmcp.compass.service.CompassService;

/**
 * Components as MCP resources, for clients that attach context by URI: the same Markdown, policy and errors as
 * compass_get_component. A component id (an ARI, with colons and slashes) is given percent-encoded.
 */
@CallerLimited
@MaskedOutput
public class CompassResources {

    private final CompassService compass;
    private final ContentPolicy content;

    CompassResources(CompassService compass, ContentPolicy content) {
        this.compass = compass;
        this.content = content;
    }

    @Icons(ProductIcons.class)

    @ResourceTemplate(uriTemplate = "compass://component/{id}", name = "compass_component", title = "Compass component", description = "One Compass component as Markdown, by slug (compass://component/checkout-api) or percent-encoded id", mimeType = "text/markdown")
    TextResourceContents component(String id, RequestUri uri) {
        try {
            return TextResourceContents.create(uri.value(), ComponentMarkdown.component(compass.component(URLDecoder
                    .decode(id, StandardCharsets.UTF_8)), content));
        } catch (RuntimeException e) {
            throw ResourceErrors.of(e);
        }
    }
}

package dev.atlmcp.confluence.tools;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;

import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.toolcall.MaskedOutput;
import dev.atlmcp.platform.toolcall.CallerLimited;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.toolcall.ResourceErrors;
import dev.atlmcp.confluence.render.PageMarkdown;
import dev.atlmcp.confluence.service.ConfluenceService;
import dev.atlmcp.confluence.service.SpaceBrowser;

/**
 * Pages and spaces as MCP resources, for clients that attach context by URI. The same Markdown, policy and scope as
 * confluence_get_page and confluence_get_space; failures are JSON-RPC errors with the same messages.
 */
@CallerLimited
@MaskedOutput
public class ConfluenceResources {

    private final ConfluenceService confluence;
    private final SpaceBrowser browser;
    private final ContentPolicy content;

    ConfluenceResources(ConfluenceService confluence, SpaceBrowser browser, ContentPolicy content) {
        this.confluence = confluence;
        this.browser = browser;
        this.content = content;
    }

    @Icons(ProductIcons.class)

    @ResourceTemplate(uriTemplate = "confluence://page/{id}", name = "confluence_page", title = "Confluence page", description = "One Confluence page as Markdown, e.g. confluence://page/131075", mimeType = "text/markdown")
    TextResourceContents page(String id, RequestUri uri) {
        try {
            return TextResourceContents.create(uri.value(), PageMarkdown.page(confluence.page(id), content));
        } catch (RuntimeException e) {
            throw ResourceErrors.of(e);
        }
    }

    @Icons(ProductIcons.class)

    @ResourceTemplate(uriTemplate = "confluence://space/{key}", name = "confluence_space", title = "Confluence space", description = "One Confluence space: description, home page and the top of its page tree, e.g. confluence://space/OPS", mimeType = "text/markdown")
    TextResourceContents space(String key, RequestUri uri) {
        try {
            return TextResourceContents.create(uri.value(), PageMarkdown.space(browser.overview(key), content));
        } catch (RuntimeException e) {
            throw ResourceErrors.of(e);
        }
    }
}

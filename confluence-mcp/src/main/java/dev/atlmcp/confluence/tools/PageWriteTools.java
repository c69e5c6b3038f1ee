package dev.atlmcp.confluence.tools;

import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;

import dev.atlmcp.auth.errors.ToolCalls;
import dev.atlmcp.confluence.render.PageMarkdown;
import dev.atlmcp.confluence.service.PageUpdates;

/** Confluence page writes: each recorded on the page with the version it replaced, answering with its change id. */
@ToolCalls
public class PageWriteTools {

    private final PageUpdates updates;

    PageWriteTools(PageUpdates updates) {
        this.updates = updates;
    }

    @Tool(name = "confluence_update_page", description = """
            Replace the whole body of a Confluence page with Markdown, as the next version after the one you read. \
            Start from the Markdown confluence_get_page gave and keep its ```adf blocks as they are: they carry \
            macros, images and other Confluence content. If the page changed since you read it, nothing is \
            written and you are told to read it again.""", annotations = @Tool.Annotations(title = "Update Confluence page", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String confluence_update_page(
            @ToolArg(name = "page_id", description = "Numeric page id, the number in the page URL") String pageId,
            @ToolArg(description = "The new body in Markdown") String body,
            @ToolArg(description = "The version number you read (confluence_get_page shows it)") int version,
            @ToolArg(description = "New title; omit to keep the title", required = false) String title,
            @ToolArg(description = "Version comment shown in the page history", required = false) String message,
            @ToolArg(name = "dry_run", description = "true: only show the request", defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = "Token from a confirmation preview the user agreed to", required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.pageUpdated(updates.update(pageId, body, version, title, message, dryRun,
                confirmationToken));
    }
}

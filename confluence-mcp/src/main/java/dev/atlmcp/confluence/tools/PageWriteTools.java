package dev.atlmcp.confluence.tools;

import java.util.List;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkiverse.mcp.server.ToolArg;

import dev.atlmcp.platform.args.ArgumentDescriptions;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.toolcall.ToolCalls;
import dev.atlmcp.confluence.render.PageMarkdown;
import dev.atlmcp.confluence.service.CommentThreads;
import dev.atlmcp.confluence.service.PageAttachments;
import dev.atlmcp.confluence.service.PageCreation;
import dev.atlmcp.confluence.service.PageLabels;
import dev.atlmcp.confluence.service.PageMoves;
import dev.atlmcp.confluence.service.PageUpdates;

/** Confluence page writes: each recorded on the page with the version it replaced, answering with its change id. */
@ToolCalls
public class PageWriteTools {

    private final PageUpdates updates;
    private final PageCreation creation;
    private final PageLabels labels;
    private final CommentThreads threads;
    private final PageAttachments attachments;
    private final PageMoves moves;

    PageWriteTools(PageUpdates updates, PageCreation creation, PageLabels labels, CommentThreads threads,
            PageAttachments attachments, PageMoves moves) {
        this.moves = moves;
        this.attachments = attachments;
        this.threads = threads;
        this.updates = updates;
        this.creation = creation;
        this.labels = labels;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_create_page", description = """
            Create a Confluence page from Markdown in a space, under a parent page or the space's home page. \
            Calling again with the same arguments returns the page instead of creating another; a title already \
            used in the space is refused.""", annotations = @Tool.Annotations(title = "Create Confluence page", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String confluence_create_page(@ToolArg(description = "Space key such as OPS") String space,
            @ToolArg(description = "The page title, unique in the space") String title,
            @ToolArg(description = "The body in Markdown") String body,
            @ToolArg(name = "parent_id", description = "The page to put it under; omit for under the home page", required = false) String parentId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.created(creation.create(space, title, body, parentId, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_add_inline_comment", description = """
            Add a comment, in Markdown, anchored to a piece of a Confluence page's text, as a reviewer highlights \
            it. Quote the text exactly as the page shows it, within one paragraph; when it occurs more than once, \
            match_index says which (0 for the first). Confluence Cloud only.""", annotations = @Tool.Annotations(title = "Add Confluence inline comment", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String confluence_add_inline_comment(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(description = "The page text to anchor the comment to") String selection,
            @ToolArg(description = ConfluenceArgumentDescriptions.COMMENT_MARKDOWN) String body,
            @ToolArg(name = "match_index", description = "Which occurrence of the text, from 0", defaultValue = "0") int matchIndex,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.inlineAdded(threads.addInline(pageId, selection, matchIndex, body, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_add_labels", description = """
            Add labels to a Confluence page, e.g. runbook or payments; labels it already has are left as they \
            are.""", annotations = @Tool.Annotations(title = "Add Confluence labels", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String confluence_add_labels(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(description = "Labels to add: single words, lower case") List<String> labels,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.labelsAdded(this.labels.add(pageId, labels, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_add_attachment", description = """
            Attach a file to a Confluence page from content you give: text (a log excerpt, CSV, Markdown) or base64 \
            with its media_type (an image, a PDF), up to the server's size limit (2 MB unless configured). Never a \
            file from a disk; a name the page already has is refused. confluence_undo_change moves it to the \
            trash.""", annotations = @Tool.Annotations(title = "Add Confluence attachment", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String confluence_add_attachment(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(description = ArgumentDescriptions.FILENAME) String filename,
            @ToolArg(description = ArgumentDescriptions.FILE_TEXT, required = false) String text,
            @ToolArg(description = ArgumentDescriptions.FILE_BASE64, required = false) String base64,
            @ToolArg(name = "media_type", description = ArgumentDescriptions.MEDIA_TYPE, required = false) String mediaType,
            @ToolArg(description = "A comment shown beside the file, e.g. what it is", required = false) String comment,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.attachmentAdded(attachments.add(pageId, filename, text, base64, mediaType, comment,
                dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_move_page", description = """
            Move a Confluence page, with the pages under it, under another parent page, in its space or (Cloud, \
            once the user confirms) another allowed space. Refused where the page would leave a page that restricts \
            who may view it. confluence_undo_change moves it back.""", annotations = @Tool.Annotations(title = "Move Confluence page", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String confluence_move_page(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(name = "parent_id", description = "The page to put it under") String parentId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.moved(moves.move(pageId, parentId, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_copy_page", description = """
            Copy a Confluence page, with its attachments, labels and restrictions (not the pages under it), to a \
            new page under a parent page in an allowed space (another space once the user confirms). The title \
            defaults to "Copy of <title>" in the same space, the same title elsewhere. Confluence Cloud only.""", annotations = @Tool.Annotations(title = "Copy Confluence page", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String confluence_copy_page(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(name = "parent_id", description = "The page to put the copy under") String parentId,
            @ToolArg(description = "The copy's title, unique in its space", required = false) String title,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.copied(moves.copy(pageId, parentId, title, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_update_page", description = """
            Replace the whole body of a Confluence page with Markdown, as the next version after the one you read. \
            Start from the Markdown confluence_get_page gave and keep its ```adf blocks as they are: they carry \
            macros, images and other Confluence content. If the page changed since you read it, nothing is \
            written and you are told to read it again.""", annotations = @Tool.Annotations(title = "Update Confluence page", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String confluence_update_page(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(description = "The new body in Markdown") String body,
            @ToolArg(description = "The version number you read (confluence_get_page shows it)") int version,
            @ToolArg(description = "New title; omit to keep the title", required = false) String title,
            @ToolArg(description = ConfluenceArgumentDescriptions.VERSION_COMMENT, required = false) String message,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.pageUpdated(updates.update(pageId, body, version, title, message, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_update_section", description = """
            Replace the content under one heading of a Confluence page with Markdown: everything up to the next \
            heading of the same or a higher level. The heading stays, and the rest of the page (macros, images, \
            layouts, inline comments) is left exactly as it is. Prefer it to confluence_update_page for changing \
            one part of a page.""", annotations = @Tool.Annotations(title = "Update Confluence page section", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String confluence_update_section(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(description = "The heading's text, e.g. Steps") String heading,
            @ToolArg(description = "The new content under the heading, in Markdown, without the heading; empty removes it") String body,
            @ToolArg(description = "Which of several headings with this text, from 1; needed only then", defaultValue = "0") int occurrence,
            @ToolArg(description = "The version number you read; omit to edit the current version", required = false) Integer version,
            @ToolArg(description = ConfluenceArgumentDescriptions.VERSION_COMMENT, required = false) String message,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.pageUpdated(updates.updateSection(pageId, heading, occurrence, body, version, message,
                dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_append_to_page", description = """
            Add Markdown at the end of a Confluence page, e.g. a new section or a log entry, leaving everything \
            already on the page exactly as it is.""", annotations = @Tool.Annotations(title = "Append to Confluence page", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String confluence_append_to_page(
            @ToolArg(name = "page_id", description = ConfluenceArgumentDescriptions.PAGE_ID) String pageId,
            @ToolArg(description = "What to add, in Markdown") String body,
            @ToolArg(description = ConfluenceArgumentDescriptions.VERSION_COMMENT, required = false) String message,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.pageUpdated(updates.append(pageId, body, message, dryRun, confirmationToken));
    }
}

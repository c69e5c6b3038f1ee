package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.content.SecretMasker;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * Page updates: only on top of the version the caller read, passed through the write gate, sent once, and recorded as
 * an agent change in a content property of the page (the version it replaced), so it can be listed and undone by
 * restoring that version.
 */
@ApplicationScoped
public class PageUpdates {

    private static final int MAX_BODY = 1_000_000;

    /** A page just updated: its new version, change id, and notes on what went wrong around it. */
    public record PageUpdated(PageView page, int version, String changeId, List<String> notes) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;
    private final AgentMark mark;

    PageUpdates(ConfluenceService confluence, ConfluenceSite site,
            WritePipeline pipeline, ConfluenceProperties properties, AgentMark mark) {
        this.mark = mark;
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    /**
     * Replaces a page's body with Markdown (macros, media and other Confluence content travel in the fenced {@code adf}
     * blocks of the Markdown confluence_get_page gave), as the next version after the one the caller read.
     */
    public PageUpdated update(String pageId, String markdown, int readVersion, String newTitle, String message,
            boolean dryRun, String confirmationToken) {
        String text = body(markdown);
        PageView page = writable(pageId, readVersion);
        String title = newTitle == null || newTitle.isBlank() ? page.title() : Arguments.text("title", newTitle, 255,
                "Runbook: checkout-api latency");
        ObjectNode adf = MarkdownToAdf.convert(text);
        String value = site.stored(adf);
        return write("confluence_update_page", page, title, value, message, "", dryRun, confirmationToken);
    }

    /**
     * Replaces what is under one top-level heading with Markdown, splicing it into the stored body so that everything
     * else on the page stays as it was.
     *
     * @param readVersion
     *            the version the caller read, or null to edit the current one
     */
    public PageUpdated updateSection(String pageId, String heading, int occurrence, String markdown,
            Integer readVersion, String message, boolean dryRun, String confirmationToken) {
        String text = markdown == null || markdown.isBlank() ? "" : body(markdown);
        String wanted = Arguments.text("heading", heading, 500, "Steps");
        PageView page = writable(pageId, readVersion);
        ObjectNode adf = MarkdownToAdf.convert(text);
        String value = spliced(page, () -> site.replaceSection(page.source(), wanted, occurrence, adf));
        return write("confluence_update_section", page, page.title(), value, message, " section '" + wanted + "' of",
                dryRun, confirmationToken);
    }

    /** Adds Markdown at the end of a page, leaving what is there as it was. */
    public PageUpdated append(String pageId, String markdown, String message, boolean dryRun,
            String confirmationToken) {
        String text = body(markdown);
        PageView page = writable(pageId, null);
        ObjectNode adf = MarkdownToAdf.convert(text);
        String value = spliced(page, () -> site.append(page.source(), adf));
        return write("confluence_append_to_page", page, page.title(), value, message, " the end of", dryRun,
                confirmationToken);
    }

    private static String body(String markdown) {
        String text = Arguments.text("body", markdown, MAX_BODY, "## Steps\n1. Restart the consumer");
        SecretMasker.refuseMaskedValues("body", text);
        return text;
    }

    private PageView writable(String pageId, Integer readVersion) {
        PageView page = confluence.page(pageId);
        pipeline.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        if (readVersion != null && readVersion != page.version()) {
            throw stale(page.id(), page.version(), readVersion);
        }
        return page;
    }

    private static String spliced(PageView page, java.util.function.Supplier<String> splice) {
        try {
            return splice.get();
        } catch (IllegalStateException e) {
            throw new ToolRefusal("Page " + page.id() + " was not changed: its stored body could not be split safely ("
                    + e.getMessage() + "). Change it with confluence_update_page.");
        }
    }

    /** The next version of the page with {@code value} as its body, sent once and recorded as an agent change. */
    private PageUpdated write(String tool, PageView page, String title, String value, String message, String part,
            boolean dryRun, String confirmationToken) {
        int next = page.version() + 1;
        ObjectNode request = site.pageUpdate(page.id(), title, value, next, message == null || message.isBlank()
                ? "Updated by an agent" : message);
        String what = "update" + part + " page " + page.id() + " (" + page.title() + ") to version " + next;
        pipeline.approveReplacing(new WriteGate.Write(tool, what, "PUT", path(page.id()), request, () -> String
                .valueOf(page.version())), JsonNodeFactory.instance.textNode(page.source()), dryRun,
                confirmationToken);
        try {
            pipeline.sendApproved(what, "read page " + page.id() + " with confluence_get_page: at version " + next
                    + " with your text, the update was applied",
                    () -> site.updatePage(page.id(), request));
        } catch (AtlassianException e) {
            if (e.status() == 409) {
                throw stale(page.id(), -1, page.version());
            }
            throw e;
        }
        ObjectNode before = JsonNodeFactory.instance.objectNode().put("version", page.version()).put("title", page
                .title());
        AgentChange change = pipeline.start(tool, "page-updated", page.id(), what, before, JsonNodeFactory.instance
                .objectNode().put("version", next));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The page was updated", " Its previous version " + page.version() + " is still in "
                + "the page history.").ifPresent(notes::add);
        mark.mark(page.id(), "The page was updated").ifPresent(notes::add);
        return new PageUpdated(page, next, change.id(), notes);
    }

    private static ToolRefusal stale(String pageId, int current, int read) {
        return new ToolRefusal("Not updated: page " + pageId + " changed after you read version " + read
                + (current > 0 ? " (it is at version " + current + " now)" : "") + ". Nothing was changed. Read it "
                + "again with confluence_get_page, redo your edit on the new text, and pass its version.");
    }

    private String path(String id) {
        return site.pagePath(id);
    }
}

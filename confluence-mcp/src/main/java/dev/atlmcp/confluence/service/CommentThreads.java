package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.auth.args.Arguments;
import dev.atlmcp.auth.changes.AgentChange;
import dev.atlmcp.auth.changes.AgentChanges;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.errors.AmbiguousWrite;
import dev.atlmcp.auth.errors.ToolRefusal;
import dev.atlmcp.auth.policy.WriteGate;
import dev.atlmcp.auth.policy.WriteGuard;
import dev.atlmcp.confluence.client.ConfluenceClient;

/**
 * A page's comment threads: footer comments with their replies, inline comments with the text they are anchored to and
 * their resolution; and new inline comments (Cloud only: Data Center has no API to create them).
 */
@ApplicationScoped
public class CommentThreads {

    static final int MAX_COMMENTS = 100;
    private static final int MAX_COMMENT = 30_000;
    private static final String DC_EXPAND = "body.storage,version,ancestors,extensions.inlineProperties,"
            + "extensions.resolution";

    /** One comment; {@code parentId} for replies, {@code anchor} and {@code resolution} for inline comments. */
    public record Comment(String id, String author, String when, String markdown, String parentId, String anchor,
            String resolution) {
    }

    /** Footer comments each followed by their replies, then inline comments likewise. */
    public record Threads(PageView page, List<Comment> footer, List<Comment> inline) {
    }

    /** An inline comment just added. */
    public record InlineAdded(PageView page, String commentId, String selection, String changeId,
            List<String> notes) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceClient client;
    private final AtlassianConfig config;
    private final WriteGuard guard;
    private final WriteGate gate;
    private final AgentChanges changes;
    private final ConfluenceProperties properties;

    CommentThreads(ConfluenceService confluence, @RestClient ConfluenceClient client, AtlassianConfig config,
            WriteGuard guard, WriteGate gate, AgentChanges changes, ConfluenceProperties properties) {
        this.confluence = confluence;
        this.client = client;
        this.config = config;
        this.guard = guard;
        this.gate = gate;
        this.changes = changes;
        this.properties = properties;
    }

    public Threads comments(String pageId) {
        PageView page = confluence.page(pageId);
        if (config.isDataCenter()) {
            List<Comment> footer = new ArrayList<>();
            List<Comment> inline = new ArrayList<>();
            for (JsonNode c : client.dataCenterCommentThreads(page.id(), DC_EXPAND, "all", 0, MAX_COMMENTS).path(
                    "results")) {
                boolean isInline = "inline".equals(c.path("extensions").path("location").asText());
                JsonNode parent = c.path("ancestors").path(c.path("ancestors").size() - 1);
                JsonNode by = c.path("version").path("by");
                Comment comment = new Comment(c.path("id").asText(), by.path("displayName").asText() + " (" + by.path(
                        "username").asText() + ")", c.path("version").path("when").asText(null), AdfToMarkdown
                                .render(StorageToAdf.convert(c.path("body").path("storage").path("value").asText(
                                        "")))
                                .strip(),
                        parent.isMissingNode() ? null : parent.path("id").asText(), isInline ? c.path("extensions")
                                .path("inlineProperties").path("originalSelection").asText(null) : null,
                        isInline ? c.path("extensions").path("resolution").path("status").asText("open") : null);
                (isInline ? inline : footer).add(comment);
            }
            return new Threads(page, threaded(footer), threaded(inline));
        }
        return new Threads(page, cloudThreads(page.id(), "footer-comments"), cloudThreads(page.id(),
                "inline-comments"));
    }

    private List<Comment> cloudThreads(String pageId, String kind) {
        List<Comment> comments = new ArrayList<>();
        for (JsonNode c : client.cloudComments(pageId, kind, "atlas_doc_format", MAX_COMMENTS).path("results")) {
            comments.add(cloudComment(c));
            client.cloudReplies(kind, c.path("id").asText(), "atlas_doc_format", MAX_COMMENTS).path("results")
                    .forEach(reply -> comments.add(cloudComment(reply)));
        }
        return comments;
    }

    private Comment cloudComment(JsonNode c) {
        String adf = c.path("body").path("atlas_doc_format").path("value").asText(null);
        JsonNode inline = c.path("properties");
        return new Comment(c.path("id").asText(), "account " + c.path("version").path("authorId").asText(), c.path(
                "version").path("createdAt").asText(null), AdfToMarkdown.render(confluence.adf(adf)).strip(), c.path(
                        "parentCommentId").asText(null),
                inline.path("inlineOriginalSelection").asText(null), c.path(
                        "resolutionStatus").asText(null));
    }

    /** Each top-level comment followed by its replies, in the order Confluence gave them. */
    private static List<Comment> threaded(List<Comment> all) {
        List<Comment> ordered = new ArrayList<>();
        for (Comment top : all) {
            if (top.parentId() == null) {
                ordered.add(top);
                all.stream().filter(c -> top.id().equals(c.parentId())).forEach(ordered::add);
            }
        }
        return ordered;
    }

    /**
     * Anchors a comment to the {@code matchIndex}th occurrence (from 0) of {@code selection} in the page's text.
     */
    public InlineAdded addInline(String pageId, String selection, int matchIndex, String markdown, boolean dryRun,
            String confirmationToken) {
        if (config.isDataCenter()) {
            throw new ToolRefusal("Adding inline comments is not available on Confluence Data Center: it has no API "
                    + "for it. Add a footer comment with confluence_add_comment and quote the text instead.");
        }
        String text = Arguments.text("body", markdown, MAX_COMMENT, "Is this step still needed?");
        String selected = Arguments.text("selection", selection, 1000, "the consumer stalls");
        PageView page = confluence.page(pageId);
        guard.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        int count = occurrences(page.body(), selected);
        if (count == 0) {
            throw new IllegalArgumentException("The text '" + selected + "' is not on page " + page.id() + "; quote it "
                    + "exactly as the page shows it, within one paragraph and without formatting marks");
        }
        if (matchIndex < 0 || matchIndex >= count) {
            throw new IllegalArgumentException("match_index must be between 0 and " + (count - 1) + ": '" + selected
                    + "' occurs " + count + (count == 1 ? " time" : " times") + " on page " + page.id());
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("pageId", page.id());
        request.putObject("body").put("representation", "atlas_doc_format").put("value", MarkdownToAdf.convert(text)
                .toString());
        request.putObject("inlineCommentProperties").put("textSelection", selected).put("textSelectionMatchCount",
                count).put("textSelectionMatchIndex", matchIndex);
        String what = "add an inline comment on '" + selected + "' to page " + page.id() + " (" + page.title() + ")";
        gate.approve(new WriteGate.Write("confluence_add_inline_comment", what, "POST",
                "/wiki/api/v2/inline-comments", request, () -> String.valueOf(page.version())), dryRun,
                confirmationToken);
        JsonNode created = AmbiguousWrite.send(what, "read the page's comments with confluence_get_comments",
                () -> client.addInlineComment(request));
        String id = created.path("id").asText();
        AgentChange change = changes.start("confluence_add_inline_comment", "comment-added", page.id(), "inline "
                + "comment " + id + " on page " + page.id(), null,
                JsonNodeFactory.instance.objectNode().put(
                        "commentId", id).put("inline", true));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The comment was added", "").ifPresent(notes::add);
        return new InlineAdded(page, id, selected, change.id(), notes);
    }

    /** Occurrences within single text nodes, the way Confluence anchors a selection. */
    private static int occurrences(JsonNode node, String part) {
        int count = 0;
        if ("text".equals(node.path("type").asText())) {
            String text = node.path("text").asText();
            for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
                count++;
            }
        }
        for (JsonNode child : node.path("content")) {
            count += occurrences(child, part);
        }
        return count;
    }
}

package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.CommentDtos;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * A page's comment threads: footer comments with their replies, inline comments with the text they are anchored to and
 * their resolution; new footer comments and replies; and new inline comments (Cloud only: Data Center has no API to
 * create them).
 */
@ApplicationScoped
public class CommentThreads {

    static final int MAX_COMMENTS = 100;
    /** Comments are for a few paragraphs; Confluence itself takes far more. */
    private static final int MAX_COMMENT = 30_000;

    /** One comment; {@code parentId} for replies, {@code anchor} and {@code resolution} for inline comments. */
    public record Comment(String id, String author, String when, String markdown, String parentId, String anchor,
            String resolution) {
    }

    /** Footer comments each followed by their replies, then inline comments likewise. */
    public record Threads(PageView page, List<Comment> footer, List<Comment> inline) {
    }

    /** A comment just added to a page. */
    public record CommentAdded(PageView page, String commentId, String url, String changeId, List<String> notes) {
    }

    /** An inline comment just added. */
    public record InlineAdded(PageView page, String commentId, String selection, String changeId,
            List<String> notes) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;
    private final AgentMark mark;
    private final ObjectMapper json;

    CommentThreads(ConfluenceService confluence, ConfluenceSite site,
            WritePipeline pipeline, ConfluenceProperties properties, AgentMark mark,
            ObjectMapper json) {
        this.mark = mark;
        this.json = json;
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    /**
     * Adds a footer comment written in Markdown to a page the caller may write to, once the write gate lets it through
     * (dry run, confirmation).
     */
    public CommentAdded addComment(String pageId, String markdown, String parentCommentId, boolean dryRun,
            String confirmationToken) {
        String text = Arguments.text("body", markdown, MAX_COMMENT, "Verified the runbook steps on staging.");
        PageView page = confluence.page(pageId);
        pipeline.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        String parent = parentCommentId == null || parentCommentId.isBlank() ? null : commentOn(page, parentCommentId);
        ObjectNode adf = MarkdownToAdf.convert(text);
        CommentDtos.NewComment request = site.footerComment(page.id(), parent, adf);
        pipeline.approve(new WriteGate.Write("confluence_add_comment", "add a comment to page " + page.id() + " ("
                + page.title() + ")", "POST",
                site.footerCommentsPath(),
                json.valueToTree(request), () -> properties.withChangeRecords(page.id(), commentState(page))), dryRun,
                confirmationToken);
        CommentDtos.Created created = pipeline.sendApproved("add a comment to page " + page.id(), "look at the "
                + "comments at the bottom of page " + page.id() + " in Confluence",
                () -> site.addFooterComment(request));
        AgentChange change = pipeline.start("confluence_add_comment", "comment-added", page.id(), "comment "
                + created.id() + " on page " + page.id(), null, json.createObjectNode().put("commentId", created.id()));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The comment was added", "").ifPresent(notes::add);
        mark.mark(page.id(), "The comment was added").ifPresent(notes::add);
        return new CommentAdded(page, created.id(), confluence.url(created._links()), change.id(), notes);
    }

    /** The id of a comment on the page; any other is an error saying so. */
    private String commentOn(PageView page, String commentId) {
        String id = commentId.trim();
        String on = id.matches("\\d{1,20}")
                ? AtlassianException.unlessNotFound(() -> site.commentPageId(id)).orElse(null) : null;
        if (!page.id().equals(on)) {
            throw new IllegalArgumentException("There is no footer comment " + commentId + " on page " + page.id()
                    + "; confluence_get_comments lists them with their ids");
        }
        return id;
    }

    /** What moves on when someone comments on a page: its version does not, so the site's comment state too. */
    private String commentState(PageView page) {
        return page.version() + ":" + site.commentState(page.id());
    }

    public Threads comments(String pageId) {
        PageView page = confluence.page(pageId);
        ConfluenceSite.Comments comments = site.comments(page.id(), MAX_COMMENTS);
        return new Threads(page, comments.footer().stream().map(CommentThreads::comment).toList(), comments.inline()
                .stream().map(CommentThreads::comment).toList());
    }

    private static Comment comment(ConfluenceSite.Comment c) {
        return new Comment(c.id(), c.author(), c.when(), AdfToMarkdown.render(c.body()).strip(), c.parentId(), c
                .anchor(), c.resolution());
    }

    /**
     * Anchors a comment to the {@code matchIndex}th occurrence (from 0) of {@code selection} in the page's text.
     */
    public InlineAdded addInline(String pageId, String selection, int matchIndex, String markdown, boolean dryRun,
            String confirmationToken) {
        if (!site.takesInlineComments()) {
            throw new ToolRefusal("Adding inline comments is not available on Confluence Data Center: it has no API "
                    + "for it. Add a footer comment with confluence_add_comment and quote the text instead.");
        }
        String text = Arguments.text("body", markdown, MAX_COMMENT, "Is this step still needed?");
        String selected = Arguments.text("selection", selection, 1000, "the consumer stalls");
        PageView page = confluence.page(pageId);
        pipeline.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
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
        pipeline.approve(new WriteGate.Write("confluence_add_inline_comment", what, "POST",
                "/wiki/api/v2/inline-comments", request, () -> String.valueOf(page.version())), dryRun,
                confirmationToken);
        JsonNode created = pipeline.sendApproved(what, "read the page's comments with confluence_get_comments",
                () -> site.addInlineComment(request));
        String id = created.path("id").asText();
        AgentChange change = pipeline.start("confluence_add_inline_comment", "comment-added", page.id(), "inline "
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

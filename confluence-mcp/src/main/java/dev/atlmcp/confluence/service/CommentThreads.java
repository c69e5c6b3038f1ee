package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToMarkdown;
import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.CommentDtos;
import dev.atlmcp.confluence.client.ConfluenceClient;

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
    private static final int COMMENT_PAGE = 100;
    private static final int MAX_COMMENT_PAGES = 20;
    private static final String DC_EXPAND = "body.storage,version,ancestors,extensions.inlineProperties,"
            + "extensions.resolution";

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
    private final ConfluenceClient client;
    private final AtlassianConfig config;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;
    private final AgentMark mark;
    private final ObjectMapper json;

    CommentThreads(ConfluenceService confluence, @RestClient ConfluenceClient client, AtlassianConfig config,
            WritePipeline pipeline, ConfluenceProperties properties, AgentMark mark,
            ObjectMapper json) {
        this.mark = mark;
        this.json = json;
        this.confluence = confluence;
        this.client = client;
        this.config = config;
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
        Object request = config.isDataCenter()
                ? new CommentDtos.NewDataCenterComment("comment", new CommentDtos.Container(page.id(), "page"),
                        parent == null ? null : List.of(new CommentDtos.Container(parent, "comment")),
                        new CommentDtos.DataCenterBody(new CommentDtos.Body("storage", AdfToStorage
                                .renderForDataCenter(adf))))
                : new CommentDtos.NewFooterComment(parent == null ? page.id() : null, parent, new CommentDtos.Body(
                        "atlas_doc_format", adf.toString()));
        pipeline.approve(new WriteGate.Write("confluence_add_comment", "add a comment to page " + page.id() + " ("
                + page.title() + ")", "POST",
                config.isDataCenter() ? "/rest/api/content" : "/wiki/api/v2/footer-comments",
                json.valueToTree(request), () -> properties.withChangeRecords(page.id(), commentState(page))), dryRun,
                confirmationToken);
        CommentDtos.Created created = pipeline.sendApproved("add a comment to page " + page.id(), "look at the "
                + "comments at the bottom of page " + page.id() + " in Confluence",
                () -> config.isDataCenter()
                        ? client.addDataCenterComment((CommentDtos.NewDataCenterComment) request)
                        : client.addFooterComment((CommentDtos.NewFooterComment) request));
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
        String on = id.matches("\\d{1,20}") ? AtlassianException.unlessNotFound(() -> config.isDataCenter()
                ? client.dataCenterComment(id).path("container").path("id").asText()
                : client.cloudFooterComment(id).path("pageId").asText()).orElse(null) : null;
        if (!page.id().equals(on)) {
            throw new IllegalArgumentException("There is no footer comment " + commentId + " on page " + page.id()
                    + "; confluence_get_comments lists them with their ids");
        }
        return id;
    }

    /**
     * What moves on when someone comments on a page (its version does not): the newest footer comment on Cloud, the
     * number of comments on Data Center, whose API lists them oldest first.
     */
    private String commentState(PageView page) {
        if (!config.isDataCenter()) {
            List<CommentDtos.Created> newest = client.cloudFooterComments(page.id(), "-created-date", 1).results();
            return page.version() + ":" + (newest == null || newest.isEmpty() ? "none" : newest.get(0).id());
        }
        int count = 0;
        for (int pages = 0; pages < MAX_COMMENT_PAGES; pages++) {
            CommentDtos.CommentList list = client.dataCenterComments(page.id(), count, COMMENT_PAGE);
            int size = list.results() == null ? 0 : list.results().size();
            count += size;
            if (size == 0 || list._links() == null || list._links().next() == null) {
                break;
            }
        }
        return page.version() + ":" + count;
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
                () -> client.addInlineComment(request));
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

package dev.atlmcp.sandbox.confluence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Comment threads on Cloud v2: a page's footer comments (top level), a comment's replies, a page's inline comments with
 * their anchor and resolution, and new inline comments anchored to a text selection. Data Center lists all of them as
 * children of the page (v1), with {@code extensions} saying which kind each is.
 */
final class PageComments {

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;

    PageComments(Flavour flavour, Supplier<ConfluenceStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    void register(Router router) {
        if (flavour != Flavour.CLOUD) {
            return;
        }
        router.get("/wiki/api/v2/pages/{id}/footer-comments", r -> list(r, page(r), c -> c.parentId() == null && !c
                .inline()));
        router.get("/wiki/api/v2/pages/{id}/inline-comments", r -> list(r, page(r), c -> c.parentId() == null && c
                .inline()));
        router.get("/wiki/api/v2/footer-comments/{id}/children", this::replies);
        router.get("/wiki/api/v2/inline-comments/{id}/children", this::replies);
        router.post("/wiki/api/v2/inline-comments", this::addInline);
        router.get("/wiki/api/v2/inline-comments/{id}", r -> {
            Page.Comment comment = inlineComment(r);
            ObjectNode json = Json.object();
            v2Comment(comment, store.get().pageOfComment(comment.id(), ConfluenceApi.user(r)).orElseThrow(), json);
            return Response.ok(json);
        });
        router.delete("/wiki/api/v2/inline-comments/{id}", r -> {
            Page.Comment comment = inlineComment(r);
            Page page = store.get().pageOfComment(comment.id(), ConfluenceApi.user(r)).orElseThrow();
            synchronized (page.comments) {
                page.comments.remove(comment);
            }
            return Response.noContent();
        });
    }

    private Page.Comment inlineComment(Request r) {
        String id = r.pathParam("id");
        Page page = store.get().pageOfComment(id, ConfluenceApi.user(r)).orElseThrow(() -> ConfluenceApi.v2Error(404,
                "NOT_FOUND", "Not Found", null));
        synchronized (page.comments) {
            return page.comments.stream().filter(c -> c.id().equals(id) && c.inline()).findFirst().orElseThrow(
                    () -> ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null));
        }
    }

    private Page page(Request r) {
        return store.get().visiblePage(r.pathParam("id"), ConfluenceApi.user(r)).orElseThrow(() -> ConfluenceApi
                .v2Error(404, "NOT_FOUND", "Not Found", null));
    }

    /** {@code sort=created-date|-created-date} and {@code limit} are honoured. */
    private Response list(Request r, Page page, Predicate<Page.Comment> which) {
        List<Page.Comment> comments;
        synchronized (page.comments) {
            comments = new ArrayList<>(page.comments.stream().filter(which).toList());
        }
        if (r.param("sort").orElse("created-date").equals("-created-date")) {
            java.util.Collections.reverse(comments);
        }
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        comments.stream().limit(r.intParam("limit", 25)).forEach(c -> v2Comment(c, page, results.addObject()));
        json.putObject("_links");
        return Response.ok(json);
    }

    /** Replies are {@code ChildrenCommentModel}s: like comments, without the page's id. */
    private Response replies(Request r) {
        String id = r.pathParam("id");
        Page page = store.get().pageOfComment(id, ConfluenceApi.user(r)).orElseThrow(() -> ConfluenceApi.v2Error(404,
                "NOT_FOUND", "Not Found", null));
        Response replies = list(r, page, c -> id.equals(c.parentId()));
        ((ObjectNode) replies.body()).withArray("results").forEach(reply -> ((ObjectNode) reply).remove("pageId"));
        return replies;
    }

    private static void v2Comment(Page.Comment c, Page page, ObjectNode json) {
        json.put("id", c.id()).put("status", "current").put("title", "Re: " + page.title()).put("pageId", page.id);
        if (c.parentId() != null) {
            json.put("parentCommentId", c.parentId());
        }
        json.putObject("version").put("number", 1).put("authorId", c.author().accountId()).put("createdAt", c
                .createdAt().toString());
        json.putObject("body").putObject("atlas_doc_format").put("representation", "atlas_doc_format").put("value", c
                .adf().toString());
        if (c.inline()) {
            json.put("resolutionStatus", c.resolved() ? "resolved" : "open");
            json.putObject("properties").put("inlineMarkerRef", c.markerRef()).put("inlineOriginalSelection", c
                    .selection());
        }
    }

    /** Data Center v1 with body, author, parent and kind: {@code extensions.location} is footer or inline. */
    static void v1Comment(Page.Comment c, Page page, ObjectNode json) {
        json.put("id", c.id()).put("type", "comment").put("status", "current").put("title", "Re: " + page.title());
        json.putObject("body").putObject("storage").put("value", c.storage()).put("representation", "storage");
        ObjectNode version = json.putObject("version").put("number", 1).put("when", c.createdAt().toString());
        version.putObject("by").put("username", c.author().username()).put("displayName", c.author().displayName());
        ArrayNode ancestors = json.putArray("ancestors");
        if (c.parentId() != null) {
            ancestors.addObject().put("id", c.parentId()).put("type", "comment");
        }
        ObjectNode extensions = json.putObject("extensions").put("location", c.inline() ? "inline" : "footer");
        if (c.inline()) {
            extensions.putObject("inlineProperties").put("markerRef", c.markerRef()).put("originalSelection", c
                    .selection());
            extensions.putObject("resolution").put("status", c.resolved() ? "resolved" : "open");
        }
    }

    /**
     * {@code {"pageId", "body": {"representation": "atlas_doc_format", "value"}, "inlineCommentProperties":
     * {"textSelection", "textSelectionMatchCount", "textSelectionMatchIndex"}}}: the selection must occur in one text
     * node of the page; the page's text gets an annotation mark there.
     */
    private Response addInline(Request r) {
        JsonNode request = r.json();
        SandboxUser author = ConfluenceApi.user(r);
        Page page = store.get().visiblePage(request.path("pageId").asText(""), author).orElseThrow(
                () -> ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null));
        page.space.requireEditor(author, true);
        JsonNode properties = request.path("inlineCommentProperties");
        String selection = properties.path("textSelection").asText("");
        int count = properties.path("textSelectionMatchCount").asInt(-1);
        int index = properties.path("textSelectionMatchIndex").asInt(-1);
        JsonNode adf;
        try {
            adf = Json.MAPPER.readTree(request.path("body").path("value").asText(""));
        } catch (java.io.IOException e) {
            throw ConfluenceApi.v2Error(400, "INVALID_MESSAGE", "Bad Request", "The comment body is not valid ADF.");
        }
        String markerRef = java.util.UUID.randomUUID().toString();
        synchronized (page.versions) {
            Page.Version current = page.current();
            JsonNode body = current.adf().deepCopy();
            List<ObjectNode> texts = new ArrayList<>();
            collectTexts(body, texts);
            int found = 0;
            for (ObjectNode text : texts) {
                found += occurrences(text.path("text").asText(), selection);
            }
            if (selection.isEmpty() || found == 0 || found != count || index < 0 || index >= found) {
                throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "The text selection '"
                        + selection + "' occurs " + found + " times in the page, not " + count
                        + ", or the match index " + index + " is out of range.");
            }
            mark(body, selection, index, markerRef);
            page.versions.set(page.versions.size() - 1, new Page.Version(current.number(), current.title(), body,
                    AdfToStorage.render(body), current.author(), current.createdAt(), current.message()));
        }
        Page.Comment comment = new Page.Comment(store.get().nextContentId(), adf, AdfToStorage.render(adf), author,
                Instant.now(), null, markerRef, selection, false);
        synchronized (page.comments) {
            page.comments.add(comment);
        }
        ObjectNode json = Json.object();
        v2Comment(comment, page, json);
        return Response.json(201, json);
    }

    private static void collectTexts(JsonNode node, List<ObjectNode> texts) {
        if ("text".equals(node.path("type").asText())) {
            texts.add((ObjectNode) node);
        }
        node.path("content").forEach(c -> collectTexts(c, texts));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Splits the text node holding the {@code index}th match and marks the match with an annotation. */
    private static void mark(JsonNode node, String selection, int index, String markerRef) {
        int[] seen = { 0 };
        markIn(node, selection, index, markerRef, seen);
    }

    private static boolean markIn(JsonNode node, String selection, int index, String markerRef, int[] seen) {
        JsonNode content = node.path("content");
        for (int i = 0; i < content.size(); i++) {
            JsonNode child = content.get(i);
            if ("text".equals(child.path("type").asText())) {
                String text = child.path("text").asText();
                int here = occurrences(text, selection);
                if (seen[0] + here > index) {
                    int at = text.indexOf(selection);
                    for (int k = 0; k < index - seen[0]; k++) {
                        at = text.indexOf(selection, at + selection.length());
                    }
                    ArrayNode parts = Json.array();
                    if (at > 0) {
                        parts.add(((ObjectNode) child.deepCopy()).put("text", text.substring(0, at)));
                    }
                    ObjectNode marked = ((ObjectNode) child.deepCopy()).put("text", selection);
                    ArrayNode marks = marked.has("marks") ? (ArrayNode) marked.get("marks") : marked.putArray("marks");
                    marks.addObject().put("type", "annotation").putObject("attrs").put("id", markerRef).put(
                            "annotationType", "inlineComment");
                    parts.add(marked);
                    if (at + selection.length() < text.length()) {
                        parts.add(((ObjectNode) child.deepCopy()).put("text", text.substring(at + selection
                                .length())));
                    }
                    ArrayNode siblings = (ArrayNode) content;
                    siblings.remove(i);
                    for (int p = parts.size() - 1; p >= 0; p--) {
                        siblings.insert(i, parts.get(p));
                    }
                    return true;
                }
                seen[0] += here;
            } else if (markIn(child, selection, index, markerRef, seen)) {
                return true;
            }
        }
        return false;
    }
}

package dev.atlmcp.sandbox.confluence;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.MediaHost;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * A page's attachments (Cloud v2 {@code /pages/{id}/attachments}, Data Center v1 {@code /child/attachment}) and their
 * downloads: on Cloud the v1 download operation answers 302 to a signed URL of the media store ({@link MediaHost}), as
 * Confluence Cloud does; on Data Center the download link ({@code /download/attachments/{pageId}/{file}}) serves the
 * file.
 */
final class AttachmentEndpoints {

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;
    private final MediaHost media;

    AttachmentEndpoints(Flavour flavour, Supplier<ConfluenceStore> store, MediaHost media) {
        this.flavour = flavour;
        this.store = store;
        this.media = media;
    }

    void register(Router router) {
        if (flavour == Flavour.CLOUD) {
            router.get("/wiki/api/v2/pages/{id}/attachments", this::listV2);
            router.get("/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download", this::redirect);
        } else {
            router.get("/rest/api/content/{id}/child/attachment", this::listV1);
            router.get("/download/attachments/{id}/{file}", this::download);
        }
    }

    private Page page(Request r) {
        String id = r.pathParam("id");
        return store.get().visiblePage(id, ConfluenceApi.user(r)).orElseThrow(() -> flavour == Flavour.CLOUD
                ? ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null)
                : Cql.error(404, "Not Found", "No content found with id: ContentId{id=" + id + "}"));
    }

    private static String link(Page page, Page.Attachment a) {
        return "/download/attachments/" + page.id + "/" + java.net.URLEncoder.encode(a.title(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "?version=1&api=v2";
    }

    private Response listV2(Request r) {
        Page page = page(r);
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        for (Page.Attachment a : List.copyOf(page.attachments)) {
            ObjectNode item = results.addObject().put("id", a.id()).put("status", "current").put("title", a.title())
                    .put("mediaType", a.mediaType()).put("fileSize", a.content().length).put("pageId", page.id).put(
                            "createdAt", a.createdAt().toString())
                    .put("downloadLink", link(page, a));
            item.putObject("version").put("number", 1).put("authorId", a.author().accountId()).put("createdAt", a
                    .createdAt().toString());
            item.putObject("_links").put("download", link(page, a));
        }
        json.putObject("_links");
        return Response.ok(json);
    }

    private Response listV1(Request r) {
        Page page = page(r);
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        for (Page.Attachment a : List.copyOf(page.attachments)) {
            ObjectNode item = results.addObject().put("id", a.id()).put("type", "attachment").put("status", "current")
                    .put("title", a.title());
            item.putObject("metadata").put("mediaType", a.mediaType());
            item.putObject("extensions").put("mediaType", a.mediaType()).put("fileSize", a.content().length);
            ObjectNode version = item.putObject("version").put("number", 1).put("when", a.createdAt().toString());
            version.putObject("by").put("username", a.author().username()).put("displayName", a.author()
                    .displayName());
            item.putObject("_links").put("download", link(page, a));
        }
        json.put("start", 0).put("limit", 200).put("size", results.size()).putObject("_links");
        return Response.ok(json);
    }

    /** Cloud: 302 to the media store, whatever the caller's credentials; 404 for an attachment not on the page. */
    private Response redirect(Request r) {
        Page page = page(r);
        String id = r.pathParam("attachmentId");
        Page.Attachment attachment = List.copyOf(page.attachments).stream().filter(a -> a.id().equals(id))
                .findFirst().orElseThrow(() -> Cql.error(404, "Not Found", "No attachment " + id + " on page "
                        + page.id));
        return new Response(302, null, null, new java.util.LinkedHashMap<>()).header("Location", media.sign(
                attachment.content(), attachment.mediaType()));
    }

    private Response download(Request r) {
        Page page = page(r);
        String file = java.net.URLDecoder.decode(r.pathParam("file").replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        Page.Attachment attachment = List.copyOf(page.attachments).stream().filter(a -> a.title().equals(file))
                .findFirst().orElseThrow(() -> Cql.error(404, "Not Found", "No attachment " + file + " on page "
                        + page.id));
        return Response.bytes(attachment.content(), attachment.mediaType());
    }
}

package dev.atlmcp.sandbox.confluence;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.MediaHost;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Multipart;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * A page's attachments (Cloud v2 {@code /pages/{id}/attachments}, Data Center v1 {@code /child/attachment}) and their
 * downloads: on Cloud the v1 download operation answers 302 to a signed URL of the media store ({@link MediaHost}), as
 * Confluence Cloud does; on Data Center the download link ({@code /download/attachments/{pageId}/{file}}) serves the
 * file. Uploads go to v1's {@code /child/attachment} on both (multipart {@code file}, {@code X-Atlassian-Token:
 * nocheck}; a file name the page already has is refused); Cloud deletes through v2, Data Center through v1's content
 * resource.
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
            router.post("/wiki/rest/api/content/{id}/child/attachment", this::upload);
            router.delete("/wiki/api/v2/attachments/{attachmentId}", this::delete);
        } else {
            router.get("/rest/api/content/{id}/child/attachment", this::listV1);
            router.post("/rest/api/content/{id}/child/attachment", this::upload);
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

    private Response upload(Request r) {
        if (!Multipart.passesXsrfCheck(r)) {
            throw Cql.error(403, "Forbidden", "XSRF check failed");
        }
        Page page = page(r);
        page.space.requireEditor(ConfluenceApi.user(r), false);
        List<Multipart.Part> parts = Multipart.parts(r);
        List<Multipart.Part> files = parts.stream().filter(Multipart.Part::isFile).toList();
        if (files.isEmpty()) {
            throw Cql.error(400, "Bad Request", "No file was attached: send it as a multipart part named 'file'.");
        }
        if (parts.stream().noneMatch(p -> "minorEdit".equals(p.name()))) {
            throw Cql.error(400, "Bad Request", "The minorEdit part is required.");
        }
        List<String> comments = parts.stream().filter(p -> "comment".equals(p.name())).map(p -> new String(p
                .content(), java.nio.charset.StandardCharsets.UTF_8)).toList();
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        synchronized (page.attachments) {
            for (Multipart.Part file : files) {
                if (page.attachments.stream().anyMatch(a -> a.title().equals(file.filename()))) {
                    throw Cql.error(400, "Bad Request", "Cannot add a new attachment with same file name as an "
                            + "existing attachment: " + file.filename());
                }
                Page.Attachment attachment = new Page.Attachment("att" + store.get().nextContentId(), file.filename(),
                        file.mediaType(), file.content(), ConfluenceApi.user(r), java.time.Instant.now());
                page.attachments.add(attachment);
                ObjectNode item = results.addObject().put("id", attachment.id()).put("type", "attachment").put(
                        "status", "current").put("title", attachment.title());
                if (!comments.isEmpty()) {
                    item.putObject("metadata").put("comment", comments.get(0)).put("mediaType", attachment
                            .mediaType());
                }
                item.putObject("extensions").put("mediaType", attachment.mediaType()).put("fileSize", attachment
                        .content().length);
                item.putObject("_links").put("download", link(page, attachment)).put("webui", "/spaces/" + page.space
                        .key() + "/pages/" + page.id + "?preview=/" + page.id + "/" + attachment.id());
            }
        }
        json.put("start", 0).put("limit", results.size()).put("size", results.size()).putObject("_links").put("base",
                "").put("context", "/wiki");
        return Response.ok(json);
    }

    /** Cloud v2 {@code DELETE /attachments/{id}} and Data Center v1 {@code DELETE /content/{id}}: to the trash. */
    Response delete(Request r) {
        String given = r.pathParam(flavour == Flavour.CLOUD ? "attachmentId" : "id");
        String id = given.startsWith("att") ? given : "att" + given;
        for (Page page : store.get().visiblePages(ConfluenceApi.user(r))) {
            synchronized (page.attachments) {
                if (page.attachments.stream().anyMatch(a -> a.id().equals(id))) {
                    page.space.requireEditor(ConfluenceApi.user(r), flavour == Flavour.CLOUD);
                    page.attachments.removeIf(a -> a.id().equals(id));
                    return Response.noContent();
                }
            }
        }
        throw flavour == Flavour.CLOUD ? ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null) : Cql.error(404,
                "Not Found", "No content found with id: ContentId{id=" + id + "}");
    }

    /** Whether {@code id} names an attachment, so Data Center's content DELETE can hand it here. */
    boolean isAttachment(String id) {
        return id.startsWith("att");
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

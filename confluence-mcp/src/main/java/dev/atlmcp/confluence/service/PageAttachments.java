package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.content.UploadedFile;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * A page's attachments: the list, reading one as text or as an image (capped, as for Jira), and attaching a file given
 * in the call (recorded, so an undo moves it to the trash). The attachment is looked up among the page's own, so the
 * space scope applies to it as to the page.
 */
@ApplicationScoped
public class PageAttachments {

    private static final int LIMIT = 100;

    /** An attachment's metadata; {@code by} is a name on Data Center and an account id on Cloud. */
    public record Attachment(String id, String title, String mediaType, long size, String by, String when) {
    }

    public record Listed(PageView page, List<Attachment> attachments) {
    }

    public record Read(PageView page, Attachment attachment, AttachmentReader.Content content) {
    }

    /** A file attached to a page by this server, its change id, and notes on what went wrong around it. */
    public record Added(PageView page, UploadedFile file, String changeId, List<String> notes) {
    }

    private final ConfluenceService confluence;
    private final ConfluenceSite site;
    private final WritePipeline pipeline;
    private final ConfluenceProperties properties;
    private final int maxUploadBytes;

    PageAttachments(ConfluenceService confluence, ConfluenceSite site, WritePipeline pipeline,
            ConfluenceProperties properties, PlatformConfig config) {
        this.confluence = confluence;
        this.site = site;
        this.pipeline = pipeline;
        this.properties = properties;
        this.maxUploadBytes = config.policy().maxUploadBytes();
    }

    /** Attaches a file given as text or base64 in the call, never one from the server's disk. */
    public Added add(String pageId, String filename, String text, String base64, String mediaType, String comment,
            boolean dryRun, String confirmationToken) {
        UploadedFile file = UploadedFile.of(filename, text, base64, mediaType, maxUploadBytes);
        String note = comment == null || comment.isBlank() ? null : Arguments.text("comment", comment, 255,
                "Consumer lag during the incident");
        Listed listed = list(pageId);
        PageView page = listed.page();
        pipeline.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        if (listed.attachments().stream().anyMatch(a -> a.title().equals(file.name()))) {
            throw new ToolRefusal("Page " + page.id() + " already has an attachment named " + file.name() + ". Choose "
                    + "another file name; this server does not replace attachments.");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("minorEdit", "false");
        body.set("file", file.describe());
        if (note != null) {
            body.put("comment", note);
        }
        String what = "attach " + file.name() + " (" + file.mediaType() + ", " + AttachmentReader.size(file.size())
                + ") to page " + page.id() + " (" + page.title() + ")";
        pipeline.approve(new WriteGate.Write("confluence_add_attachment", what, "POST", site.contentApi() + "/"
                + page.id() + "/child/attachment", body,
                () -> properties.withChangeRecords(page.id(), String.join(
                        ",", listed.attachments().stream().map(Attachment::title).toList()))),
                dryRun,
                confirmationToken);
        String id = pipeline.sendApproved(what, "list the page's attachments with confluence_get_attachments",
                () -> site.addAttachment(page.id(), file, note));
        AgentChange change = pipeline.start("confluence_add_attachment", "attachment-added", page.id(), what, null,
                JsonNodeFactory.instance.objectNode().put("attachmentId", id).put("title", file.name()).put("sha256",
                        file.sha256()));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The file was attached", "").ifPresent(notes::add);
        return new Added(page, file, change.id(), notes);
    }

    public Listed list(String pageId) {
        PageView page = confluence.page(pageId);
        List<Attachment> attachments = new ArrayList<>();
        JsonNode found = site.attachments(page.id(), LIMIT);
        for (JsonNode a : found.path("results")) {
            boolean v2 = a.has("mediaType");
            JsonNode extensions = a.path("extensions");
            JsonNode by = a.path("version").path("by");
            String who = by.isMissingNode() ? "account " + a.path("version").path("authorId").asText()
                    : by.path("displayName").asText();
            attachments.add(new Attachment(a.path("id").asText(), a.path("title").asText(), (v2 ? a : extensions)
                    .path("mediaType").asText(), (v2 ? a : extensions).path("fileSize").asLong(), who,
                    v2 ? a.path(
                            "createdAt").asText(null) : a.path("version").path("when").asText(null)));
        }
        return new Listed(page, attachments);
    }

    public Read read(String pageId, String attachmentId) {
        Listed listed = list(pageId);
        String id = attachmentId == null ? "" : attachmentId.trim();
        Attachment attachment = listed.attachments().stream().filter(a -> a.id().equals(id) || a.title().equals(id))
                .findFirst().orElseThrow(() -> new ToolRefusal("There is no attachment " + id + " on page "
                        + listed.page().id() + ". List them with confluence_get_attachments."));
        AttachmentReader.Content content = AttachmentReader.read(new AttachmentReader.File(attachment.title(),
                attachment.mediaType(), attachment.size()), "Confluence",
                () -> site.attachment(listed.page().id(), attachment.id(), attachment.title()));
        return new Read(listed.page(), attachment, content);
    }
}

package dev.atlmcp.confluence.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * A page's attachments: the list, and reading one as text or as an image (capped, as for Jira). The attachment is
 * looked up among the page's own, so the space scope applies to it as to the page.
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

    private final ConfluenceService confluence;
    private final ConfluenceSite site;

    PageAttachments(ConfluenceService confluence, ConfluenceSite site) {
        this.confluence = confluence;
        this.site = site;
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

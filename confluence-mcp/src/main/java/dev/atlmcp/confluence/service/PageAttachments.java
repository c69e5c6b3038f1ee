package dev.atlmcp.confluence.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.confluence.client.ConfluenceClient;
import dev.atlmcp.confluence.client.MediaDownloads;

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
    private final ConfluenceClient client;
    private final MediaDownloads media;
    private final AtlassianConfig config;

    PageAttachments(ConfluenceService confluence, @RestClient ConfluenceClient client,
            @RestClient MediaDownloads media, AtlassianConfig config) {
        this.confluence = confluence;
        this.client = client;
        this.media = media;
        this.config = config;
    }

    public Listed list(String pageId) {
        PageView page = confluence.page(pageId);
        List<Attachment> attachments = new ArrayList<>();
        JsonNode found = config.isDataCenter() ? client.dataCenterAttachments(page.id(), LIMIT, "version")
                : client.cloudAttachments(page.id(), LIMIT);
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
                () -> config.isDataCenter() ? client.downloadDataCenterAttachment(listed.page().id(), attachment
                        .title()) : fromMediaStore(listed.page().id(), attachment));
        return new Read(listed.page(), attachment, content);
    }

    /**
     * Cloud: the download operation redirects to a signed URL of Atlassian's media store, on another host; that URL is
     * fetched without the site's credentials, which must not leave the site.
     */
    private byte[] fromMediaStore(String pageId, Attachment attachment) {
        String location;
        int status;
        try (jakarta.ws.rs.core.Response redirect = client.cloudAttachmentDownload(pageId, attachment.id())) {
            status = redirect.getStatus();
            location = redirect.getHeaderString("Location");
        }
        if (status / 100 != 3 || location == null || location.isBlank()) {
            throw new ToolRefusal("Confluence did not hand out a download of " + attachment.title() + " (HTTP "
                    + status + " without a redirect). Open it in Confluence.");
        }
        URI target = URI.create(location.trim());
        if (!target.isAbsolute()) {
            target = URI.create(config.url().orElse("") + "/").resolve(target);
        }
        if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
            throw new ToolRefusal("Confluence redirected the download of " + attachment.title() + " to a "
                    + target.getScheme() + " URL, which is not fetched. Open it in Confluence.");
        }
        return AttachmentReader.readAtMost(media.download(target.toString()), attachment.title(), "Confluence");
    }
}

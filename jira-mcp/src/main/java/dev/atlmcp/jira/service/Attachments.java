package dev.atlmcp.jira.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraClient;
import dev.atlmcp.jira.client.JiraDataCenterFiles;

/**
 * Attachments of an issue: the list, and reading one as text (logs, CSV, JSON, Markdown, ...) or as an image, both
 * capped. The attachment is looked up among the issue's own, so the project scope applies to it as to the issue.
 */
@ApplicationScoped
public class Attachments {

    /** What was read: text (with how much of it) or image bytes. */
    public record Read(IssueDto.Attachment attachment, String issueKey, AttachmentReader.Content content) {
    }

    private final JiraService jira;
    private final JiraClient client;
    private final JiraDataCenterFiles files;
    private final AtlassianConfig config;

    Attachments(JiraService jira, @RestClient JiraClient client, @RestClient JiraDataCenterFiles files,
            AtlassianConfig config) {
        this.jira = jira;
        this.client = client;
        this.files = files;
        this.config = config;
    }

    public IssueDto list(String key) {
        return jira.readable(JiraService.issueKey(key), "project,attachment", null);
    }

    public Read read(String key, String attachmentId) {
        IssueDto issue = list(key);
        String id = attachmentId == null ? "" : attachmentId.trim();
        List<IssueDto.Attachment> all = issue.fields().attachment == null ? List.of() : issue.fields().attachment;
        IssueDto.Attachment attachment = all.stream().filter(a -> id.equals(a.id())).findFirst().orElseThrow(
                () -> new ToolRefusal("There is no attachment " + id + " on " + issue.key() + ". List them with "
                        + "jira_get_attachments."));
        return new Read(attachment, issue.key(), AttachmentReader.read(new AttachmentReader.File(attachment
                .filename(), attachment.mimeType(), attachment.size() == null ? 0 : attachment.size()), "Jira",
                () -> config.isDataCenter() ? files.attachment(attachment.id(), URLEncoder.encode(attachment
                        .filename(), StandardCharsets.UTF_8).replace("+", "%20")) : client.attachmentContent(jira
                                .apiVersion(), attachment.id(), false)));
    }
}

package dev.atlmcp.jira.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

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
    private final JiraSite site;

    Attachments(JiraService jira, JiraSite site) {
        this.jira = jira;
        this.site = site;
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
                () -> site.attachment(attachment.id(), attachment.filename())));
    }
}

package dev.atlmcp.jira.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.errors.ToolRefusal;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraClient;

/**
 * Attachments of an issue: the list, and reading one as text (logs, CSV, JSON, Markdown, ...) or as an image, both
 * capped. The attachment is looked up among the issue's own, so the project scope applies to it as to the issue.
 */
@ApplicationScoped
public class Attachments {

    /** The most characters of a text attachment an answer shows. */
    public static final int MAX_TEXT = 20_000;
    /** The largest image returned as image content. */
    public static final long MAX_IMAGE = 1_000_000;
    /** The largest text attachment downloaded to show its start. */
    static final long MAX_DOWNLOAD = 10_000_000;
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml", "application/yaml",
            "application/x-yaml", "application/csv", "application/x-sh", "application/javascript", "application/sql");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("log", "txt", "csv", "json", "md", "xml", "yaml",
            "yml", "sql", "sh", "properties", "conf", "ini", "out", "trace");
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** What was read: text (with how much of it) or image bytes. */
    public record Read(IssueDto.Attachment attachment, String issueKey, String text, int totalChars, byte[] image) {
    }

    private final JiraService jira;
    private final JiraClient client;

    Attachments(JiraService jira, @RestClient JiraClient client) {
        this.jira = jira;
        this.client = client;
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
        String type = attachment.mimeType() == null ? "" : attachment.mimeType().toLowerCase(Locale.ROOT);
        long size = attachment.size() == null ? 0 : attachment.size();
        if (IMAGE_TYPES.contains(type)) {
            if (size > MAX_IMAGE) {
                throw new ToolRefusal(attachment.filename() + " is an image of " + size / 1024 + " KB; images over "
                        + MAX_IMAGE / 1000 + " KB are not sent to the model. Open it in Jira.");
            }
            return new Read(attachment, issue.key(), null, 0, content(attachment));
        }
        if (!isText(type, attachment.filename())) {
            throw new ToolRefusal(attachment.filename() + " (" + type + ", " + size / 1024 + " KB) can be read "
                    + "neither as text nor as an image here. Open it in Jira.");
        }
        if (size > MAX_DOWNLOAD) {
            throw new ToolRefusal(attachment.filename() + " is " + size / 1_000_000 + " MB; text attachments over "
                    + MAX_DOWNLOAD / 1_000_000 + " MB are not read. Open it in Jira.");
        }
        String text = new String(content(attachment), StandardCharsets.UTF_8);
        return new Read(attachment, issue.key(), text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, text
                .length(), null);
    }

    private byte[] content(IssueDto.Attachment attachment) {
        return client.attachmentContent(jira.apiVersion(), attachment.id(), false);
    }

    private static boolean isText(String type, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return type.startsWith("text/") || TEXT_TYPES.contains(type) || TEXT_EXTENSIONS.contains(extension);
    }
}

package dev.atlmcp.jira.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.content.UploadedFile;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.OutboundLinks;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/**
 * What an agent adds next to an issue's fields: a watcher, a worklog, a remote link (a URL such as a pull request or a
 * dashboard), an attachment. Each is recorded and undone by removing what was added, if it is still as it was.
 */
@ApplicationScoped
public class IssueAdditions {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final int MAX_COMMENT = 30_000;

    /** Something just added to an issue, its change id, and notes on what went wrong around it. */
    public record Added(String sentence, String changeId, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final WritePipeline pipeline;
    private final IssueWrites writes;
    private final JiraUsers users;
    private final OutboundLinks links;
    private final int maxUploadBytes;

    IssueAdditions(JiraService jira, JiraSite site, WritePipeline pipeline, IssueWrites writes, JiraUsers users,
            OutboundLinks links, PlatformConfig config) {
        this.links = links;
        this.maxUploadBytes = config.policy().maxUploadBytes();
        this.jira = jira;
        this.site = site;
        this.pipeline = pipeline;
        this.writes = writes;
        this.users = users;
    }

    public Added addWatcher(String key, String person, boolean dryRun, String confirmationToken) {
        IssueDto issue = writable(key);
        JsonNode ref = users.reference("Watcher", Arguments.text("person", person, 200, "jane.doe@example.com"));
        String id = site.personId(ref);
        JsonNode body = JsonNodeFactory.instance.textNode(id);
        String sentence = id + " watches " + issue.key();
        return add(issue, "jira_add_watcher", "watcher-added", "add watcher " + id + " to " + issue.key(), "/watchers",
                body, Map.of(), () -> {
                    site.addWatcher(issue.key(), id);
                    return JsonNodeFactory.instance.objectNode().put("watcher", id);
                }, sentence, dryRun, confirmationToken);
    }

    public Added addWorklog(String key, String timeSpent, String started, String comment, boolean dryRun,
            String confirmationToken) {
        IssueDto issue = writable(key);
        String spent = Arguments.text("time_spent", timeSpent, 50, "1h 30m").trim();
        if (!spent.matches("(\\d+w\\s*)?(\\d+d\\s*)?(\\d+h\\s*)?(\\d+m)?") || spent.isBlank()) {
            throw new IllegalArgumentException("time_spent must be a duration like 1h 30m, 45m or 2d, got '" + timeSpent
                    + "'");
        }
        boolean now = started == null || started.isBlank();
        String start = now ? pipeline.pinned("jira_add_worklog", confirmationToken, "started").orElseGet(
                () -> JIRA_TIME.format(OffsetDateTime.now(ZoneOffset.UTC))) : started(started);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("timeSpent", spent).put("started", start);
        if (comment != null && !comment.isBlank()) {
            body.set("comment", site.richText(Arguments.text("comment", comment, MAX_COMMENT, "Pairing on the "
                    + "pool fix.")));
        }
        Map<String, String> pinned = now ? Map.of("started", start) : Map.of();
        return add(issue, "jira_add_worklog", "worklog-added", "log " + spent + " on " + issue.key() + " from "
                + start, "/worklog", body, pinned,
                () -> {
                    JsonNode worklog = site.addWorklog(issue.key(), body);
                    return JsonNodeFactory.instance.objectNode().put("worklogId", worklog.path("id").asText()).put(
                            "updated", worklog.path("updated").asText());
                }, spent + " logged on " + issue.key(), dryRun, confirmationToken);
    }

    public Added addRemoteLink(String key, String url, String title, boolean dryRun, String confirmationToken) {
        IssueDto issue = writable(key);
        String target = Arguments.text("url", url, 2000, "https://github.com/acme/checkout/pull/42").trim();
        if (!target.matches("https?://\\S+")) {
            throw new IllegalArgumentException("url must be an http or https address, got '" + url + "'");
        }
        links.requireAllowed("url", target);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("object").put("url", target).put("title", Arguments.text("title", title, 255, "PR 42: bound "
                + "the pool"));
        return add(issue, "jira_add_remote_link", "remote-link-added", "link " + issue.key() + " to " + target,
                "/remotelink", body, Map.of(),
                () -> JsonNodeFactory.instance.objectNode()
                        .put("remoteLinkId", site.addRemoteLink(issue.key(), body).path("id").asText())
                        .put("url", target),
                issue.key() + " links to " + target, dryRun, confirmationToken);
    }

    /** Attaches a file given as text or base64 in the call, never one from the server's disk. */
    public Added addAttachment(String key, String filename, String text, String base64, String mediaType,
            boolean dryRun, String confirmationToken) {
        IssueDto issue = writable(key);
        UploadedFile file = UploadedFile.of(filename, text, base64, mediaType, maxUploadBytes);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("file", file.describe());
        return add(issue, "jira_add_attachment", "attachment-added", "attach " + file.name() + " (" + file.mediaType()
                + ", " + AttachmentReader.size(file.size()) + ") to " + issue.key(), "/attachments", body, Map.of(),
                () -> {
                    JsonNode attachment = site.addAttachment(issue.key(), file);
                    return JsonNodeFactory.instance.objectNode().put("attachmentId", attachment.path("id").asText())
                            .put("filename", attachment.path("filename").asText(file.name())).put("size", file.size())
                            .put("sha256", file.sha256());
                }, file.name() + " attached to " + issue.key(), dryRun, confirmationToken);
    }

    private Added add(IssueDto issue, String tool, String action, String what, String subPath, JsonNode body,
            Map<String, String> pinned, Supplier<ObjectNode> send, String sentence, boolean dryRun,
            String confirmationToken) {
        pipeline.approve(
                new WriteGate.Write(tool, what, "POST", site.api() + "/issue/" + issue.key()
                        + subPath, body, () -> issue.fields().updated),
                pinned, dryRun, confirmationToken);
        ObjectNode after = pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_issue", send);
        AgentChange change = pipeline.start(tool, action, issue.key(), what, null, after);
        List<String> notes = new ArrayList<>();
        writes.keep(change, "It was added").ifPresent(notes::add);
        return new Added(sentence, change.id(), notes);
    }

    /** Removes what a change added, if it is still there as it was. */
    JiraUndo.Undone undo(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        String key = issue.key();
        JsonNode after = change.after();
        String what = "undo " + change.id() + " (take back: " + change.summary() + ")";
        String base = site.api() + "/issue/" + key;
        Runnable remove;
        String path;
        switch (change.action()) {
        case "watcher-added" -> {
            String watcher = after.path("watcher").asText();
            List<String> watching = new ArrayList<>();
            site.watchers(key).path("watchers").forEach(u -> watching.add(site.personId(u)));
            if (!watching.contains(watcher)) {
                throw gone(change, watcher + " no longer watches " + key);
            }
            path = base + "/watchers?" + site.personQuery(watcher);
            remove = () -> site.removeWatcher(key, watcher);
        }
        case "worklog-added" -> {
            String id = after.path("worklogId").asText();
            JsonNode worklog = AtlassianException.unlessNotFound(() -> site.worklog(key, id)).orElseThrow(
                    () -> gone(change, "worklog " + id + " is no longer on " + key));
            if (!after.path("updated").asText().equals(worklog.path("updated").asText())) {
                throw new ToolRefusal("Not undone: worklog " + id + " on " + key + " was edited at " + worklog.path(
                        "updated").asText() + ", after your change " + change.id() + ". Nothing was changed.");
            }
            path = base + "/worklog/" + id;
            remove = () -> site.deleteWorklog(key, id);
        }
        case "attachment-added" -> {
            String id = after.path("attachmentId").asText();
            IssueDto current = jira.readable(key, "project,attachment", null);
            boolean there = current.fields().attachment != null && current.fields().attachment.stream().anyMatch(
                    a -> id.equals(a.id()));
            if (!there) {
                throw gone(change, "attachment " + after.path("filename").asText() + " is no longer on " + key);
            }
            path = site.api() + "/attachment/" + id;
            remove = () -> site.deleteAttachment(id);
        }
        default -> {
            String id = after.path("remoteLinkId").asText();
            List<String> ids = new ArrayList<>();
            site.remoteLinks(key).forEach(l -> ids.add(l.path("id").asText()));
            if (!ids.contains(id)) {
                throw gone(change, "the link to " + after.path("url").asText() + " is no longer on " + key);
            }
            path = base + "/remotelink/" + id;
            remove = () -> site.deleteRemoteLink(key, id);
        }
        }
        pipeline.approve(
                new WriteGate.Write("jira_undo_change", what, "DELETE", path, null, () -> issue.fields().updated),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "read " + key + " with jira_get_issue", () -> {
            remove.run();
            return null;
        });
        AgentChange undone = pipeline.undone(change);
        List<String> notes = new ArrayList<>();
        notes.addAll(writes.markUndone(undone, "It was removed"));
        return new JiraUndo.Undone(change.id(), what, notes);
    }

    private static ToolRefusal gone(AgentChange change, String state) {
        return new ToolRefusal("Nothing to undo for " + change.id() + ": " + state + " already. Nothing was changed.");
    }

    private IssueDto writable(String key) {
        return writes.writable(key, "project,updated");
    }

    private static String started(String started) {
        try {
            return JIRA_TIME.format(OffsetDateTime.parse(started.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("started must be a date and time like 2026-11-22T09:30:00Z, got '"
                    + started + "'");
        }
    }
}

package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.ChangeIds;
import dev.atlmcp.platform.content.SecretMasker;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/**
 * Jira writes: each checked by project scope and the write guard, passed through the write gate (dry run,
 * confirmation), sent once, and recorded as an agent change on the issue itself (an issue property holding the
 * before-image) so it can be listed and undone.
 */
@ApplicationScoped
public class IssueWrites {

    /** Issue property holding one change record; the change id's suffix follows. */
    static final String CHANGE_PROPERTY = "atlmcp.change.";
    /** What the write guard lets callers change in Jira. */
    private static final String OWNED_ISSUES = "issues assigned to or reported by you";
    /** The longest issue property value Jira stores. */
    static final int MAX_PROPERTY = 32_768;
    /** Jira refuses comments and descriptions over 32,767 characters; Markdown grows a little when converted. */
    private static final int MAX_TEXT = 30_000;

    /** A comment just added or edited, its change id, and notes on what went wrong around it. */
    public record CommentWritten(String issueKey, IssueDto.Comment comment, String changeId, List<String> notes) {
    }

    /** Fields just edited on an issue, its change id, and notes on what went wrong around it. */
    public record IssueUpdated(String issueKey, List<String> fields, String changeId, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final WritePipeline pipeline;
    private final JiraUsers users;
    private final ObjectMapper json;
    private final JiraAccounts accounts;

    IssueWrites(JiraService jira, JiraSite site, WritePipeline pipeline,
            JiraUsers users, ObjectMapper json, JiraAccounts accounts) {
        this.accounts = accounts;
        this.jira = jira;
        this.site = site;
        this.pipeline = pipeline;
        this.users = users;
        this.json = json;
    }

    /**
     * An issue the caller may write to: in the allowed projects (else it answers like a missing issue) and, with the
     * write guard on, assigned to or reported by them.
     *
     * @param fields
     *            what else to read, e.g. {@code project,updated}
     */
    IssueDto writable(String key, String fields) {
        IssueDto issue = jira.readable(JiraService.issueKey(key), fields + ",assignee,reporter", null);
        pipeline.requireOwner(issue.key(), OWNED_ISSUES, Stream.of(issue.fields().assignee, issue.fields().reporter)
                .filter(Objects::nonNull).map(IssueDto.User::id).toList());
        return issue;
    }

    /**
     * Adds a Markdown comment (ADF on Cloud, wiki markup on Data Center) to an issue the caller may write to, once the
     * write gate lets it through (dry run, confirmation).
     */
    public CommentWritten addComment(String key, String markdown, boolean dryRun, String confirmationToken) {
        String text = Arguments.text("body", markdown, MAX_TEXT, "Rolled back 4.12.0; p99 is back under 300 ms.");
        IssueDto issue = writable(key, "project,updated");
        IssueDto.Fields fields = issue.fields();
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("body", site.richText(text));
        pipeline.approve(
                new WriteGate.Write("jira_add_comment", "add a comment to " + issue.key(), "POST",
                        site.api() + "/issue/" + issue.key() + "/comment", request, () -> fields.updated),
                dryRun,
                confirmationToken);
        IssueDto.Comment created = pipeline.sendApproved("add a comment to " + issue.key(), "read " + issue.key()
                + " with jira_get_issue and look for your comment among the latest ones",
                () -> site.addComment(issue.key(), request));
        AgentChange change = pipeline.start("jira_add_comment", "comment-added", issue.key(), "comment "
                + created.id() + " on " + issue.key(), null,
                JsonNodeFactory.instance.objectNode().put("commentId",
                        created.id()).put("updated", created.updated()));
        List<String> notes = new ArrayList<>();
        keep(change, "The comment was added").ifPresent(notes::add);
        mark(issue.key()).ifPresent(notes::add);
        return new CommentWritten(issue.key(), created, change.id(), notes);
    }

    /**
     * Replaces the text of a comment written by the account the calls use (Jira lets accounts edit their own comments).
     * The previous text is kept in the change record.
     */
    public CommentWritten editComment(String key, String commentId, String markdown, boolean dryRun,
            String confirmationToken) {
        String text = Arguments.text("body", markdown, MAX_TEXT, "Rolled back 4.12.0; p99 is back under 300 ms.");
        SecretMasker.refuseMaskedValues("body", text);
        if (commentId == null || !commentId.trim().matches("\\d{1,20}")) {
            throw new IllegalArgumentException("comment_id must be the numeric id of a comment (jira_get_comments "
                    + "shows it), got '" + commentId + "'");
        }
        IssueDto issue = writable(key, "project,updated");
        IssueDto.Comment comment = AtlassianException.unlessNotFound(() -> site.comment(issue.key(),
                commentId.trim())).orElseThrow(() -> new ToolRefusal(
                        "There is no comment " + commentId.trim()
                                + " on " + issue.key() + " that you can see. List them with jira_get_comments."));
        String me = accounts.current().id();
        if (comment.author() == null || !me.equals(comment.author().id())) {
            throw new ToolRefusal("Comment " + comment.id() + " on " + issue.key() + " was written by " + (comment
                    .author() == null ? "someone else" : comment.author().displayName()) + "; only comments written "
                    + "by the account this server uses (" + me + ") can be edited here. Nothing was changed.");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("body", site.richText(text));
        String what = "edit comment " + comment.id() + " on " + issue.key();
        pipeline.approve(
                new WriteGate.Write("jira_edit_comment", what, "PUT", site.api() + "/issue/" + issue
                        .key() + "/comment/" + comment.id(), request, comment::updated),
                dryRun, confirmationToken);
        IssueDto.Comment edited = pipeline.sendApproved(what, "read the comment with jira_get_comments",
                () -> site.editComment(issue.key(), comment.id(), request));
        ObjectNode before = JsonNodeFactory.instance.objectNode();
        before.set("body", comment.body());
        AgentChange change = pipeline.start("jira_edit_comment", "comment-edited", issue.key(), what, before,
                JsonNodeFactory.instance.objectNode().put("commentId", comment.id()).put("updated", edited
                        .updated()));
        List<String> notes = new ArrayList<>();
        keep(change, "The comment was edited").ifPresent(notes::add);
        return new CommentWritten(issue.key(), edited, change.id(), notes);
    }

    /**
     * Edits fields of an issue the caller may write to: fields by display name or id with plain values, a Markdown
     * description, labels to add or remove. The edit and its change record are one request, so an applied edit always
     * has its before-image.
     */
    public IssueUpdated updateIssue(String key, Map<String, Object> fields, String description,
            List<String> labelsAdd, List<String> labelsRemove, boolean dryRun, String confirmationToken) {
        String issueKey = JiraService.issueKey(key);
        if (description != null) {
            Arguments.text("description", description, MAX_TEXT, "## Impact\nCheckout fails for EU customers.");
        }
        SecretMasker.refuseMaskedValues("description", description);
        SecretMasker.refuseMaskedValues("fields", fields == null ? null : fields.toString());
        JsonNode issue = jira.readableJson(issueKey, "*all", "editmeta,names");
        String updated = issue.path("fields").path("updated").asText();
        pipeline.requireOwner(issueKey, OWNED_ISSUES, Stream.of("assignee", "reporter").map(
                f -> issue.path("fields").path(f)).filter(JsonNode::isObject).map(
                        u -> u.path(u.has("accountId")
                                ? "accountId" : "name").asText())
                .toList());
        IssueEdit.Built edit = IssueEdit.build(issue, fields == null ? null : json.valueToTree(fields), description,
                labelsAdd, labelsRemove, pipeline.markLabel(), site, users);
        jira.requireAllowedReferences(edit.body());
        String what = String.join(", ", edit.names()) + " of " + issueKey;
        String path = site.api() + "/issue/" + issueKey;
        pipeline.approveReplacing(new WriteGate.Write("jira_update_issue", "change " + what, "PUT", path, edit
                .body(), () -> updated), edit.before(), dryRun, confirmationToken);
        AgentChange change = pipeline.start("jira_update_issue", "fields-edited", issueKey, "change " + what, edit
                .before(), edit.after());
        ObjectNode request = edit.body().deepCopy();
        request.putArray("properties").add(property(change));
        pipeline.sendApproved("change " + what, "read " + issueKey + " with jira_get_issue and compare "
                + String.join(", ", edit.names()), () -> {
                    site.editIssue(issueKey, request);
                    return null;
                });
        return new IssueUpdated(issueKey, edit.names(), change.id(), pipeline.recorded(change).stream().toList());
    }

    /** The change record as an issue property, refused before anything is sent if Jira could not store it. */
    ObjectNode property(AgentChange change) {
        ObjectNode property = JsonNodeFactory.instance.objectNode().put("key", propertyKey(change.id()));
        property.set("value", fitting(change, pipeline.sealed(change)));
        return property;
    }

    private static ObjectNode fitting(AgentChange change, ObjectNode record) {
        if (record.toString().length() > MAX_PROPERTY) {
            throw new ToolRefusal("Nothing was changed: the previous values of " + change.item() + " are too large "
                    + "to keep for undo (Jira keeps at most " + MAX_PROPERTY + " characters per issue property). "
                    + "Change fewer fields at once.");
        }
        return record;
    }

    static String propertyKey(String changeId) {
        return CHANGE_PROPERTY + ChangeIds.suffix(changeId);
    }

    /** Stores a change record written after its change (the change has happened, so a failure becomes a note). */
    Optional<String> keep(AgentChange change, String done) {
        return pipeline.record(change, record -> store(change, record), done);
    }

    /**
     * Marks a change record undone after an undo that could not carry the record in its own request (a deletion), and
     * lists the undo; the undo has happened, so failures become notes.
     */
    List<String> markUndone(AgentChange undone, String done) {
        return pipeline.undoRecorded(undone, record -> store(undone, record), done);
    }

    private void store(AgentChange change, ObjectNode record) {
        site.putIssueProperty(change.item(), propertyKey(change.id()), fitting(change, record));
    }

    /** Puts the configured agent label on an issue the caller just wrote to; a failure becomes a note. */
    private Optional<String> mark(String key) {
        return pipeline.mark(key, label -> {
            ObjectNode edit = JsonNodeFactory.instance.objectNode();
            edit.putObject("update").putArray("labels").addObject().put("add", label);
            site.editIssue(key, edit);
        }, "The comment was added");
    }
}

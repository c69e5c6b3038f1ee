package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.ChangeIds;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/**
 * Undoes one of the caller's agent changes from the record kept on the issue: edited fields get their previous values
 * back, an added comment is deleted. Refused if the item changed again since, so an undo never overwrites someone
 * else's later work.
 */
@ApplicationScoped
public class JiraUndo {

    public static final String LIST_TOOL = "jira_list_my_agent_changes";
    private static final String EXAMPLE = "OPS-5~k3j4h5g6f7";

    /** What an undo did, and notes on what went wrong around it. */
    public record Undone(String changeId, String what, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final WritePipeline pipeline;
    private final IssueWrites writes;
    private final IssueTransitions transitions;
    private final IssueLinks links;
    private final IssueAdditions additions;
    private final Sprints sprints;
    private final VersionChanges versions;

    JiraUndo(JiraService jira, JiraSite site, WritePipeline pipeline,
            IssueWrites writes, IssueTransitions transitions, IssueLinks links, IssueAdditions additions,
            Sprints sprints, VersionChanges versions) {
        this.versions = versions;
        this.sprints = sprints;
        this.additions = additions;
        this.links = links;
        this.transitions = transitions;
        this.jira = jira;
        this.site = site;
        this.pipeline = pipeline;
        this.writes = writes;
    }

    public Undone undo(String changeId, boolean dryRun, String confirmationToken) {
        ChangeIds.Parsed id = ChangeIds.parse(changeId, EXAMPLE, LIST_TOOL);
        if (id.item().matches("[A-Za-z][A-Za-z0-9_]*")) {
            String project = JiraService.projectKey(id.item());
            return versions.undo(project + "~" + id.suffix(), project, dryRun, confirmationToken);
        }
        String key = JiraService.issueKey(id.item());
        String wanted = key + "~" + id.suffix();
        IssueDto issue = jira.readable(key, "project,status,updated", null);
        JsonNode stored = AtlassianException.unlessNotFound(() -> site.issueProperty(key,
                IssueWrites.propertyKey(wanted))).orElseThrow(() -> new ToolRefusal(
                        "No agent change " + wanted
                                + " is recorded on " + key + ". List yours with " + LIST_TOOL + "."))
                .path("value");
        AgentChange change = pipeline.undoable(wanted, stored, LIST_TOOL);
        return switch (change.action()) {
        case "fields-edited" -> undoFields(change, issue, dryRun, confirmationToken);
        case "comment-added" -> undoComment(change, issue, dryRun, confirmationToken);
        case "issue-transitioned" -> transitions.undo(change, issue, dryRun, confirmationToken);
        case "issues-linked" -> links.undo(change, issue, dryRun, confirmationToken);
        case "comment-edited" -> undoCommentEdit(change, issue, dryRun, confirmationToken);
        case "watcher-added", "worklog-added", "remote-link-added", "attachment-added" -> additions.undo(change, issue,
                dryRun, confirmationToken);
        case "sprint-moved" -> sprints.undo(change, issue, dryRun, confirmationToken);
        case "issue-created" -> throw new ToolRefusal("Creating " + key + " cannot be undone here: this server never "
                + "deletes issues. Close it with a transition, or ask a Jira administrator to delete it.");
        default -> throw new ToolRefusal("Changes of kind '" + change.action() + "' cannot be undone by this server. "
                + "Nothing was changed.");
        };
    }

    private Undone undoFields(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        List<String> ids = new ArrayList<>();
        change.after().fieldNames().forEachRemaining(ids::add);
        JsonNode now = site.issueJson(issue.key(), String.join(",", ids), "names");
        List<String> changedSince = new ArrayList<>();
        for (String id : ids) {
            if (!FieldValues.same(now.path("fields").get(id), change.after().get(id))) {
                changedSince.add(now.path("names").path(id).asText(id));
            }
        }
        if (!changedSince.isEmpty()) {
            throw new ToolRefusal("Not undone: " + String.join(", ", changedSince) + " of " + issue.key() + " changed "
                    + "again after your change " + change.id() + ", and undoing it would overwrite that. Nothing was "
                    + "changed. Read " + issue.key() + " with jira_get_issue and set what is still wrong with "
                    + "jira_update_issue.");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("fields", change.before());
        String what = "undo " + change.id() + " (" + change.summary() + ")";
        pipeline.approve(
                new WriteGate.Write("jira_undo_change", what, "PUT", site.api() + "/issue/"
                        + issue.key(), request, () -> issue.fields().updated),
                dryRun, confirmationToken);
        AgentChange undone = pipeline.undone(change);
        request.putArray("properties").add(writes.property(undone));
        pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_issue, or call jira_undo_change again: "
                + "it refuses once the undo has been applied", () -> {
                    site.editIssue(issue.key(), request);
                    return null;
                });
        return new Undone(change.id(), what, pipeline.undoListed(undone).stream().toList());
    }

    private Undone undoComment(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        String commentId = change.after().path("commentId").asText();
        IssueDto.Comment comment = AtlassianException.unlessNotFound(() -> site.comment(issue
                .key(), commentId)).orElseThrow(() -> new ToolRefusal("Comment " + commentId + " of change "
                        + change
                                .id()
                        + " is no longer on " + issue.key() + ": someone deleted it already. Nothing was "
                        + "changed."));
        if (!change.after().path("updated").asText().equals(comment.updated())) {
            throw new ToolRefusal("Not undone: comment " + commentId + " on " + issue.key() + " was edited at "
                    + comment.updated() + ", after your change " + change.id() + ", and undoing it would delete "
                    + "that edit. Nothing was changed.");
        }
        String what = "undo " + change.id() + " (delete comment " + commentId + " on " + issue.key() + ")";
        pipeline.approve(new WriteGate.Write("jira_undo_change", what, "DELETE",
                site.api() + "/issue/" + issue.key() + "/comment/" + commentId, null, () -> issue.fields().updated),
                dryRun,
                confirmationToken);
        pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_issue and look for comment " + commentId,
                () -> {
                    site.deleteComment(issue.key(), commentId);
                    return null;
                });
        AgentChange undone = pipeline.undone(change);
        List<String> notes = new ArrayList<>();
        notes.addAll(writes.markUndone(undone, "The comment was deleted"));
        return new Undone(change.id(), what, notes);
    }

    private Undone undoCommentEdit(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        String commentId = change.after().path("commentId").asText();
        IssueDto.Comment comment = AtlassianException.unlessNotFound(() -> site.comment(issue
                .key(), commentId)).orElseThrow(() -> new ToolRefusal("Comment " + commentId + " of change "
                        + change
                                .id()
                        + " is no longer on " + issue.key() + ". Nothing was changed."));
        if (!change.after().path("updated").asText().equals(comment.updated())) {
            throw new ToolRefusal("Not undone: comment " + commentId + " on " + issue.key() + " was edited again at "
                    + comment.updated() + ", after your change " + change.id() + ". Nothing was changed.");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("body", change.before().path("body"));
        String what = "undo " + change.id() + " (restore the text of comment " + commentId + " on " + issue.key()
                + ")";
        pipeline.approve(
                new WriteGate.Write("jira_undo_change", what, "PUT", site.api() + "/issue/"
                        + issue.key() + "/comment/" + commentId, request, comment::updated),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "read the comment with jira_get_comments",
                () -> site.editComment(issue.key(), commentId, request));
        AgentChange undone = pipeline.undone(change);
        List<String> notes = new ArrayList<>();
        notes.addAll(writes.markUndone(undone, "The comment's text was restored"));
        return new Undone(change.id(), what, notes);
    }
}

package dev.atlmcp.jira.tools;

import java.util.List;
import java.util.Map;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkiverse.mcp.server.ToolArg;

import dev.atlmcp.platform.args.ArgumentDescriptions;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.toolcall.ToolCalls;
import dev.atlmcp.jira.render.IssueMarkdown;
import dev.atlmcp.jira.service.IssueAdditions;
import dev.atlmcp.jira.service.IssueCreation;
import dev.atlmcp.jira.service.IssueLinks;
import dev.atlmcp.jira.service.IssueTransitions;
import dev.atlmcp.jira.service.IssueWrites;
import dev.atlmcp.jira.service.Sprints;

/** Jira write tools: each change is recorded on the issue with its before-image and answers with its change id. */
@ToolCalls
public class JiraWriteTools {

    private final IssueWrites writes;
    private final IssueCreation creation;
    private final IssueTransitions transitions;
    private final IssueLinks links;
    private final IssueAdditions additions;
    private final Sprints sprints;

    JiraWriteTools(IssueWrites writes, IssueCreation creation, IssueTransitions transitions, IssueLinks links,
            IssueAdditions additions, Sprints sprints) {
        this.sprints = sprints;
        this.additions = additions;
        this.links = links;
        this.transitions = transitions;
        this.writes = writes;
        this.creation = creation;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_create_issue", description = """
            Create a Jira issue: project, issue type, summary, Markdown description, other fields by display name \
            or id with plain values, a parent (epic or, for sub-tasks, the parent issue). Missing required fields \
            are answered with their allowed values. Safe to retry: the same arguments (or request_id) return the \
            issue already created instead of a duplicate.""", annotations = @Tool.Annotations(title = "Create Jira issue", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_create_issue(
            @ToolArg(description = JiraArgumentDescriptions.PROJECT_KEY) String project,
            @ToolArg(name = "issue_type", description = "Issue type name such as Bug, Story, Task, Sub-task") String issueType,
            @ToolArg(description = "One-line summary") String summary,
            @ToolArg(description = "Description in Markdown", required = false) String description,
            @ToolArg(description = "Other fields: name or id to value, e.g. {\"Priority\": \"High\", \"Story Points\": 3}", required = false) Map<String, Object> fields,
            @ToolArg(description = "Parent issue key: the epic, or the parent of a sub-task", required = false) String parent,
            @ToolArg(description = "Labels, without spaces", required = false) List<String> labels,
            @ToolArg(name = "request_id", description = "Your own id for this create; a retry with the same id returns the first issue", required = false) String requestId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.created(creation.create(project, issueType, summary, description, fields, parent, labels,
                requestId, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_add_comment", description = """
            Add a comment to a Jira issue, written in Markdown (tables, code, lists, @mentions as \
            @[Name](user:accountId)). Use it to record findings or a status update.""", annotations = @Tool.Annotations(title = "Add Jira comment", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_add_comment(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = "The comment in Markdown") String body,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.commentAdded(writes.addComment(issueKey, body, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_update_issue", description = """
            Change fields of a Jira issue: fields by display name or id with plain values (names, emails, \
            numbers, dates like 2026-12-31, Markdown for text areas; null clears), a Markdown description, labels \
            to add or remove. Unknown fields or values are answered with the allowed ones. Status changes need a \
            transition, not this tool.""", annotations = @Tool.Annotations(title = "Update Jira issue", readOnlyHint = false, destructiveHint = true, idempotentHint = true, openWorldHint = true))
    String jira_update_issue(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = "Field name or id to new value, e.g. {\"Priority\": \"High\", \"Assignee\": \"jane.doe@example.com\", \"Story Points\": 5}", required = false) Map<String, Object> fields,
            @ToolArg(description = "New description in Markdown (replaces the whole description)", required = false) String description,
            @ToolArg(name = "labels_add", description = "Labels to add, without spaces", required = false) List<String> labelsAdd,
            @ToolArg(name = "labels_remove", description = "Labels to remove", required = false) List<String> labelsRemove,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.issueUpdated(writes.updateIssue(issueKey, fields, description, labelsAdd, labelsRemove,
                dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_transition_issue", description = """
            Move a Jira issue through its workflow: name the transition by id, by name or by the status to reach \
            (e.g. Done), with the fields its screen asks for (e.g. {"Resolution": "Done"}) and an optional \
            Markdown comment. Unknown transitions or missing fields are answered with what is open and allowed.""", annotations = @Tool.Annotations(title = "Transition Jira issue", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_transition_issue(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = "Transition id, transition name, or target status such as Done") String transition,
            @ToolArg(description = "Fields of the transition screen: name or id to value", required = false) Map<String, Object> fields,
            @ToolArg(description = "A comment to add with the transition, in Markdown", required = false) String comment,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.moved(transitions.move(issueKey, transition, fields, comment, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_link_issues", description = """
            Link two Jira issues the way you would say it: issue_key, relation, other_issue_key, e.g. OPS-1 \
            "blocks" OPS-2, PAY-3 "is caused by" PAY-2, WEB-4 "relates to" WEB-5 (a link type name or either of \
            its phrases; jira_list_link_types lists them).""", annotations = @Tool.Annotations(title = "Link Jira issues", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_link_issues(
            @ToolArg(name = "issue_key", description = "The issue the relation is said of, e.g. OPS-1") String issueKey,
            @ToolArg(description = "Link type name or phrase, e.g. blocks, is blocked by, relates to, duplicates") String relation,
            @ToolArg(name = "other_issue_key", description = "The other issue, e.g. OPS-2") String otherIssueKey,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.linked(links.link(issueKey, relation, otherIssueKey, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_create_issues", description = """
            Create up to 20 Jira issues in one project, e.g. stories from meeting notes: each item has a summary \
            and optionally issue_type, description (Markdown), fields, labels, parent. Answers a table with each \
            item's key or the error that stopped it. Safe to retry: items already created are not created again. \
            Link them afterwards with jira_link_issues.""", annotations = @Tool.Annotations(title = "Create Jira issues", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_create_issues(
            @ToolArg(description = "Project key such as PAY") String project,
            @ToolArg(description = "The issues: [{\"summary\": ..., \"description\": ..., \"fields\": {...}}]") List<Map<String, Object>> issues,
            @ToolArg(name = "issue_type", description = "Issue type for items that name none", defaultValue = "Story") String issueType,
            @ToolArg(description = "Parent (epic) for items that name none", required = false) String parent,
            @ToolArg(name = "request_id", description = "Your own id for this batch; a retry with the same id creates only what is missing", required = false) String requestId,
            @ToolArg(name = "dry_run", description = "true: only show the requests", defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.createdAll(creation.createAll(project, issueType, parent, issues, requestId, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_assign_issue", description = """
            Assign a Jira issue to a person given by display name, email or id, or unassign it with "none". \
            Recorded like jira_update_issue, so jira_undo_change gives it back to the previous assignee.""", annotations = @Tool.Annotations(title = "Assign Jira issue", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_assign_issue(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = "Display name, email or id of the new assignee, or none") String assignee,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("assignee", assignee == null || assignee.trim().equalsIgnoreCase("none") ? null : assignee);
        return IssueMarkdown.issueUpdated(writes.updateIssue(issueKey, fields, null, null, null, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_edit_comment", description = """
            Replace the text of a comment this server's account wrote (e.g. to correct an agent's earlier note), \
            in Markdown. The previous text is kept, so jira_undo_change restores it.""", annotations = @Tool.Annotations(title = "Edit Jira comment", readOnlyHint = false, destructiveHint = true, idempotentHint = true, openWorldHint = true))
    String jira_edit_comment(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(name = "comment_id", description = "The comment's id, from jira_get_comments or jira_get_issue") String commentId,
            @ToolArg(description = "The new text in Markdown") String body,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.commentEdited(writes.editComment(issueKey, commentId, body, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_add_watcher", description = """
            Add a person (display name, email or id) as a watcher of a Jira issue, so they get its \
            notifications.""", annotations = @Tool.Annotations(title = "Add Jira watcher", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_add_watcher(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = "Display name, email or id of the watcher") String person,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.added(additions.addWatcher(issueKey, person, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_add_worklog", description = """
            Log time spent on a Jira issue (e.g. 1h 30m), when it started (default now) and an optional Markdown \
            comment.""", annotations = @Tool.Annotations(title = "Log work on Jira issue", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_add_worklog(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(name = "time_spent", description = "Duration such as 1h 30m, 45m or 2d") String timeSpent,
            @ToolArg(description = "Start, e.g. 2026-11-22T09:30:00Z; default now", required = false) String started,
            @ToolArg(description = "What was done, in Markdown", required = false) String comment,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.added(additions.addWorklog(issueKey, timeSpent, started, comment, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_add_remote_link", description = """
            Link a Jira issue to a web page such as a pull request, dashboard or runbook (URL and title); it \
            shows under the issue's links.""", annotations = @Tool.Annotations(title = "Add Jira remote link", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_add_remote_link(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = "http or https address") String url,
            @ToolArg(description = "Title to show, e.g. PR 42: bound the pool") String title,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.added(additions.addRemoteLink(issueKey, url, title, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_add_attachment", description = """
            Attach a file to a Jira issue from content you give: text (a log excerpt, CSV, Markdown) or base64 with \
            its media_type (an image, a PDF), up to the server's size limit (2 MB unless configured). Never a file \
            from a disk. jira_undo_change removes it.""", annotations = @Tool.Annotations(title = "Add Jira attachment", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_add_attachment(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = ArgumentDescriptions.FILENAME) String filename,
            @ToolArg(description = ArgumentDescriptions.FILE_TEXT, required = false) String text,
            @ToolArg(description = ArgumentDescriptions.FILE_BASE64, required = false) String base64,
            @ToolArg(name = "media_type", description = ArgumentDescriptions.MEDIA_TYPE, required = false) String mediaType,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.added(additions.addAttachment(issueKey, filename, text, base64, mediaType, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_move_to_sprint", description = """
            Move up to 50 issues into a sprint (id from jira_list_sprints), or back to the backlog with sprint_id \
            backlog. Each issue's previous sprint is kept, so jira_undo_change moves it back.""", annotations = @Tool.Annotations(title = "Move Jira issues to a sprint", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_move_to_sprint(
            @ToolArg(name = "issue_keys", description = "Issue keys such as [\"OPS-5\", \"OPS-6\"]") List<String> issueKeys,
            @ToolArg(name = "sprint_id", description = "Sprint id, or backlog") String sprintId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.moved(sprints.move(issueKeys, sprintId, dryRun, confirmationToken));
    }
}

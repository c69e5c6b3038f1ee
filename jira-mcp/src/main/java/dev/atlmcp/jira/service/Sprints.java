package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.AgileClient;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.SearchDtos;

/**
 * Boards and sprints (Jira Software): which boards a project has, their sprints, the issues of a sprint, and moving
 * issues into a sprint or back to the backlog. Boards and issues outside the allowed projects are left out.
 */
@ApplicationScoped
public class Sprints {

    private static final int PAGE = 50;
    private static final int MAX_MOVE = 50;

    /** A board: id, name, scrum or kanban, and its project. */
    public record Board(String id, String name, String type, String project) {
    }

    /** A sprint: id, name, state, dates (may be null for future sprints) and goal. */
    public record Sprint(String id, String name, String state, String start, String end, String goal) {
    }

    /** Issues just moved: one change id per issue, and notes on what went wrong around it. */
    public record Moved(String target, List<String> issueKeys, List<String> changeIds, List<String> notes) {
    }

    private final AgileClient agile;
    private final JiraService jira;
    private final ScopePolicy scope;
    private final WritePipeline pipeline;
    private final IssueWrites writes;

    Sprints(@RestClient AgileClient agile, JiraService jira, ScopePolicy scope, WritePipeline pipeline,
            IssueWrites writes) {
        this.agile = agile;
        this.jira = jira;
        this.scope = scope;
        this.pipeline = pipeline;
        this.writes = writes;
    }

    public List<Board> boards(String project) {
        String key = project == null || project.isBlank() ? null : jira.project(project).key();
        List<Board> boards = new ArrayList<>();
        agile.boards(key, 0, PAGE).path("values").forEach(b -> boards.add(new Board(b.path("id").asText(), b.path(
                "name").asText(), b.path("type").asText(), b.path("location").path("projectKey").asText(null))));
        return boards.stream().filter(b -> scope.allowsProject(b.project())).toList();
    }

    public List<Sprint> sprints(String boardId, String state) {
        Board board = board(boardId);
        String states = state == null || state.isBlank() ? "active,future" : state.trim().toLowerCase(
                java.util.Locale.ROOT);
        if (!states.matches("(active|future|closed)(,(active|future|closed))*")) {
            throw new IllegalArgumentException("state must be active, future, closed or a comma-separated mix, got '"
                    + state + "'");
        }
        List<Sprint> sprints = new ArrayList<>();
        agile.sprints(board.id(), states, 0, PAGE).path("values").forEach(s -> sprints.add(new Sprint(s.path("id")
                .asText(), s.path("name").asText(), s.path("state").asText(), s.path("startDate").asText(null),
                s.path(
                        "endDate").asText(null),
                s.path("goal").asText(""))));
        return sprints;
    }

    private Board board(String boardId) {
        String id = boardId == null ? "" : boardId.trim();
        if (!id.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("board_id must be a board's number from jira_list_boards, got '"
                    + boardId + "'");
        }
        return boards(null).stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow(() -> new ToolRefusal(
                "There is no board " + id + " you can see. List them with jira_list_boards."));
    }

    /**
     * A page of a sprint's issues. The sprint must belong to a board of an allowed project, and Jira is asked only for
     * issues of allowed projects, so neither the issues nor their count say anything about other projects.
     */
    public JiraService.SearchPage issues(String sprintId, int limit, String cursor) {
        String id = visibleSprint(sprintId(sprintId));
        Arguments.limit(limit, JiraService.MAX_LIMIT);
        int start = Arguments.offset(Arguments.cursor(cursor), "jira_get_sprint_issues");
        String jql = scope.scopeJql("");
        SearchDtos.OffsetPage page = agile.sprintIssues(id, start, scope.cap(limit), String.join(",",
                JiraService.SEARCH_FIELDS), jql.isEmpty() ? null : jql);
        List<IssueDto> issues = page.issues() == null ? List.of() : page.issues().stream().filter(i -> scope
                .allowsProject(i.key().substring(0, i.key().lastIndexOf('-')))).map(jira::confined).toList();
        int returned = page.issues() == null ? 0 : page.issues().size();
        return new JiraService.SearchPage(issues, Arguments.nextOffsetCursor(start, returned, page.total() != null
                && start + returned < page.total()), page.total());
    }

    /**
     * The sprint, if its board belongs to an allowed project; otherwise the answer Jira gives for a sprint that does
     * not exist, so a sprint of another project cannot be told from none.
     */
    private String visibleSprint(String id) {
        if (scope.scopeJql("").isEmpty()) {
            return id;
        }
        AtlassianException none = new AtlassianException(404, List.of("Sprint does not exist or you do not have "
                + "permission to view it."), java.util.Optional.empty());
        try {
            String board = agile.sprint(id).path("originBoardId").asText("");
            if (!board.isEmpty() && scope.allowsProject(agile.board(board).path("location").path("projectKey").asText(
                    null))) {
                return id;
            }
        } catch (AtlassianException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        throw none;
    }

    private static String sprintId(String sprintId) {
        String id = sprintId == null ? "" : sprintId.trim();
        if (!id.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("sprint_id must be a sprint's number from jira_list_sprints, got '"
                    + sprintId + "'");
        }
        return id;
    }

    /**
     * Moves issues into a sprint, or to the backlog when {@code sprintId} is {@code backlog}; each issue's previous
     * sprint is recorded so an undo can move it back.
     */
    public Moved move(List<String> issueKeys, String sprintId, boolean dryRun, String confirmationToken) {
        if (issueKeys == null || issueKeys.isEmpty() || issueKeys.size() > MAX_MOVE) {
            throw new IllegalArgumentException("issue_keys must hold 1 to " + MAX_MOVE + " issue keys");
        }
        boolean backlog = sprintId != null && sprintId.trim().equalsIgnoreCase("backlog");
        String target = backlog ? null : visibleSprint(sprintId(sprintId));
        List<String> keys = new ArrayList<>();
        List<JsonNode> before = new ArrayList<>();
        for (String raw : issueKeys) {
            IssueDto issue = writes.writable(raw, "project");
            keys.add(issue.key());
            before.add(agile.issue(issue.key(), "sprint").path("fields").path("sprint").path("id"));
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ArrayNode list = request.putArray("issues");
        keys.forEach(list::add);
        String where = backlog ? "the backlog" : "sprint " + target;
        String what = "move " + String.join(", ", keys) + " to " + where;
        pipeline.approve(new WriteGate.Write("jira_move_to_sprint", what, "POST", "/rest/agile/1.0/" + (backlog
                ? "backlog/issue" : "sprint/" + target + "/issue"), request, () -> before.toString()), dryRun,
                confirmationToken);
        pipeline.sendApproved(what, "list the sprint's issues with jira_get_sprint_issues", () -> {
            if (backlog) {
                agile.moveToBacklog(request);
            } else {
                agile.moveToSprint(target, request);
            }
            return null;
        });
        List<String> ids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ObjectNode was = JsonNodeFactory.instance.objectNode();
            was.set("sprintId", before.get(i).isMissingNode() ? JsonNodeFactory.instance.nullNode() : before.get(i));
            ObjectNode now = JsonNodeFactory.instance.objectNode();
            now.set("sprintId", backlog ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(
                    Long.parseLong(target)));
            AgentChange change = pipeline.start("jira_move_to_sprint", "sprint-moved", keys.get(i), "move " + keys
                    .get(i) + " to " + where, was, now);
            writes.keep(change, keys.get(i) + " was moved").ifPresent(notes::add);
            ids.add(change.id());
        }
        return new Moved(where, keys, ids, notes);
    }

    /** Moves an issue back to the sprint (or backlog) it was in, if it is still where the change put it. */
    JiraUndo.Undone undo(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        JsonNode now = agile.issue(issue.key(), "sprint").path("fields").path("sprint").path("id");
        String current = now.isMissingNode() || now.isNull() ? null : now.asText();
        String moved = change.after().path("sprintId").isNull() ? null : change.after().path("sprintId").asText();
        if (!Objects.equals(current, moved)) {
            throw new ToolRefusal("Not undone: " + issue.key() + " is in " + (current == null ? "the backlog"
                    : "sprint " + current) + " now; your change " + change.id() + " moved it to "
                    + (moved == null
                            ? "the backlog" : "sprint " + moved)
                    + " and it moved again since. Nothing was changed.");
        }
        JsonNode previous = change.before().path("sprintId");
        boolean toBacklog = previous.isNull() || previous.isMissingNode();
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putArray("issues").add(issue.key());
        String what = "undo " + change.id() + " (move " + issue.key() + " back to " + (toBacklog ? "the backlog"
                : "sprint " + previous.asText()) + ")";
        pipeline.approve(new WriteGate.Write("jira_undo_change", what, "POST", "/rest/agile/1.0/" + (toBacklog
                ? "backlog/issue" : "sprint/" + previous.asText() + "/issue"), request, () -> String.valueOf(current)),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "read the sprint with jira_get_sprint_issues", () -> {
            if (toBacklog) {
                agile.moveToBacklog(request);
            } else {
                agile.moveToSprint(previous.asText(), request);
            }
            return null;
        });
        AgentChange undone = pipeline.undone(change);
        List<String> notes = new ArrayList<>();
        notes.addAll(writes.markUndone(undone, issue.key() + " was moved back"));
        return new JiraUndo.Undone(change.id(), what, notes);
    }
}

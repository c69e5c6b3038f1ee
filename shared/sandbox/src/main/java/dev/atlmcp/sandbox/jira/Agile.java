package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Jira Software's Agile REST API ({@code /rest/agile/1.0}, the same on Cloud and Data Center): boards, their sprints,
 * the issues of a sprint, moving issues into a sprint or back to the backlog, and an issue's sprint.
 */
final class Agile {

    record Board(int id, String name, String type, String projectKey) {
    }

    record Sprint(int id, int boardId, String name, String state, Instant start, Instant end, String goal) {
    }

    static final List<Board> BOARDS = List.of(new Board(1, "OPS board", "scrum", "OPS"), new Board(2, "PAY board",
            "scrum", "PAY"), new Board(3, "WEB kanban", "kanban", "WEB"));

    private final Supplier<JiraStore> store;
    private final IssueJson json;
    private final List<Sprint> sprints;

    Agile(Supplier<JiraStore> store, IssueJson json, Instant now) {
        this.store = store;
        this.json = json;
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        this.sprints = List.of(new Sprint(10, 1, "OPS Sprint 41", "closed", day.minus(24, ChronoUnit.DAYS), day.minus(
                10, ChronoUnit.DAYS), "Alerting clean-up"), new Sprint(11, 1, "OPS Sprint 42", "active",
                        day.minus(10,
                                ChronoUnit.DAYS),
                        day.plus(4, ChronoUnit.DAYS), "Stabilise checkout"),
                new Sprint(12, 1,
                        "OPS Sprint 43", "future", null, null, ""),
                new Sprint(20, 2, "PAY Sprint 7", "active",
                        day.minus(3, ChronoUnit.DAYS), day.plus(11, ChronoUnit.DAYS), "PSD3 groundwork"));
    }

    void register(Router router) {
        String agile = "/rest/agile/1.0";
        router.get(agile + "/board", this::boards);
        router.get(agile + "/board/{id}/sprint", this::sprintsOf);
        router.get(agile + "/board/{id}", r -> Response.ok(boardJson(board(r, r.pathParam("id")))));
        router.get(agile + "/sprint/{id}", r -> {
            Sprint sprint = sprint(r);
            ObjectNode result = Json.object().put("id", sprint.id()).put("name", sprint.name()).put("state", sprint
                    .state()).put("originBoardId", sprint.boardId()).put("goal", sprint.goal());
            return Response.ok(result);
        });
        router.get(agile + "/sprint/{id}/issue", this::sprintIssues);
        router.post(agile + "/sprint/{id}/issue", this::moveToSprint);
        router.post(agile + "/backlog/issue", r -> {
            move(r, null);
            return Response.noContent();
        });
        router.get(agile + "/issue/{key}", r -> {
            Issue issue = issue(r, r.pathParam("key"));
            ObjectNode result = Json.object().put("id", issue.id).put("key", issue.key);
            ObjectNode fields = result.putObject("fields");
            Optional<Sprint> sprint = sprint(issue.sprintId);
            if (sprint.isPresent()) {
                fields.set("sprint", sprint(sprint.get()));
            } else {
                fields.putNull("sprint");
            }
            return Response.ok(result);
        });
    }

    private static SandboxUser user(Request r) {
        return (SandboxUser) r.principal();
    }

    private Response boards(Request r) {
        String project = r.param("projectKeyOrId").orElse(null);
        ArrayNode values = Json.array();
        BOARDS.stream().filter(b -> store.get().project(b.projectKey()).map(p -> p.visibleTo(user(r))).orElse(false))
                .filter(b -> project == null || b.projectKey().equalsIgnoreCase(project)).forEach(b -> values.add(
                        boardJson(b)));
        return Response.ok(page(values, "values"));
    }

    private static ObjectNode boardJson(Board b) {
        ObjectNode board = Json.object().put("id", b.id()).put("name", b.name()).put("type", b.type());
        board.putObject("location").put("projectKey", b.projectKey());
        return board;
    }

    private Board board(Request r, String id) {
        return BOARDS.stream().filter(b -> String.valueOf(b.id()).equals(id)).filter(b -> store.get().project(b
                .projectKey()).map(p -> p.visibleTo(user(r))).orElse(false)).findFirst().orElseThrow(
                        () -> ApiException.notFound("The requested board cannot be viewed because it either does not "
                                + "exist or you do not have permission to view it."));
    }

    private Response sprintsOf(Request r) {
        Board board = board(r, r.pathParam("id"));
        if (board.type().equals("kanban")) {
            throw ApiException.badRequest("The board does not support sprints");
        }
        List<String> states = List.of(r.param("state").orElse("active,future,closed").split(","));
        ArrayNode values = Json.array();
        sprints.stream().filter(s -> s.boardId() == board.id() && states.contains(s.state())).forEach(s -> values.add(
                sprint(s)));
        return Response.ok(page(values, "values"));
    }

    private ObjectNode sprint(Sprint s) {
        ObjectNode sprint = Json.object().put("id", s.id()).put("name", s.name()).put("state", s.state()).put(
                "originBoardId", s.boardId()).put("goal", s.goal());
        if (s.start() != null) {
            sprint.put("startDate", s.start().toString()).put("endDate", s.end().toString());
        }
        return sprint;
    }

    private Optional<Sprint> sprint(Integer id) {
        return id == null ? Optional.empty() : sprints.stream().filter(s -> s.id() == id).findFirst();
    }

    private Sprint sprint(Request r) {
        return sprint(
                Integer.valueOf(r.pathParam("id").matches("\\d+") ? r.pathParam("id") : "-1")).filter(
                        s -> board(r,
                                String.valueOf(s.boardId())) != null)
                        .orElseThrow(() -> ApiException.notFound("Sprint does not "
                                + "exist or you do not have permission to view it."));
    }

    private Response sprintIssues(Request r) {
        Sprint sprint = sprint(r);
        String jql = r.param("jql").orElse("");
        java.util.function.Predicate<Issue> matching = jql.isBlank() ? i -> true : Jql.parse(jql, new Jql.Context(user(
                r), Instant.now(), store.get(), json.dataCenter())).where();
        List<Issue> issues = store.get().visibleIssues(user(r)).stream().filter(i -> Integer.valueOf(sprint.id())
                .equals(i.sprintId)).filter(matching).toList();
        int start = Math.max(0, r.intParam("startAt", 0));
        int max = Math.max(1, Math.min(100, r.intParam("maxResults", 50)));
        ArrayNode values = Json.array();
        issues.stream().skip(start).limit(max).forEach(i -> values.add(json.issue(i, json.selectFields(List.of(
                "summary,status,issuetype,priority,assignee,updated")), false)));
        ObjectNode result = Json.object().put("startAt", start).put("maxResults", max).put("total", issues.size());
        result.set("issues", values);
        return Response.ok(result);
    }

    private Response moveToSprint(Request r) {
        Sprint sprint = sprint(r);
        if (sprint.state().equals("closed")) {
            throw ApiException.badRequest("Issues can't be moved to a closed sprint.");
        }
        move(r, sprint.id());
        return Response.noContent();
    }

    /** {@code {"issues": [keys]}}, at most 50; all must be visible, or nothing moves. */
    private void move(Request r, Integer sprintId) {
        JsonNode keys = r.json().path("issues");
        if (!keys.isArray() || keys.isEmpty() || keys.size() > 50) {
            throw ApiException.badRequest("Give 1 to 50 issues to move.");
        }
        List<Issue> issues = new ArrayList<>();
        keys.forEach(k -> issues.add(issue(r, k.asText())));
        issues.forEach(i -> i.project.requireWorker(user(r)));
        synchronized (store.get()) {
            issues.forEach(i -> {
                i.sprintId = sprintId;
                i.updated = Instant.now();
            });
        }
    }

    private Issue issue(Request r, String key) {
        return store.get().visibleIssue(key, user(r)).orElseThrow(() -> ApiException.notFound("Issue does not exist "
                + "or you do not have permission to see it."));
    }

    private static ObjectNode page(ArrayNode values, String name) {
        ObjectNode page = Json.object().put("startAt", 0).put("maxResults", 50).put("total", values.size()).put(
                "isLast", true);
        page.set(name, values);
        return page;
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** Boards and sprints: listing them, a sprint's issues, moving issues in and out, and undo moving them back. */
@QuarkusTest
class SprintsTest extends SandboxReset {

    private static String sprintIssues(String sprint) {
        return text(call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", sprint)));
    }

    @Test
    void boardsSprintsAndTheirIssues() {
        String boards = text(call(Transport.SSE, "jira_list_boards", Map.of()));
        assertTrue(boards.startsWith("3 boards:"), boards);
        assertTrue(boards.contains("| 1 | OPS board | scrum | OPS |"), boards);
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_boards", Map.of("project", "pay"))).startsWith(
                "1 board:"));
        String sprints = text(call(Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "1")));
        assertTrue(sprints.startsWith("2 sprints:") && sprints.contains("| 11 | OPS Sprint 42 | active |")
                && sprints.contains("| 12 | OPS Sprint 43 | future |  |  |"), sprints);
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "1", "state", "closed")))
                .contains("| 10 | OPS Sprint 41 | closed |"));
        String issues = sprintIssues("11");
        assertTrue(issues.startsWith("4 issues of 4. Last page."), issues);
        assertTrue(issues.contains("| OPS-1 |") && issues.contains("| OPS-5 |"), issues);
    }

    @Test
    void errorsSayWhatToDo() {
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "3"))).contains(
                "The board does not support sprints"));
        assertEquals("There is no board 9 you can see. List them with jira_list_boards.", text(call(
                Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "9"))));
        assertEquals("Invalid argument: state must be active, future, closed or a comma-separated mix, got 'open'",
                text(call(Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "1", "state", "open"))));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", "99"))).contains(
                "Sprint does not exist"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", List.of("OPS-6"),
                "sprint_id", "10"))).contains("Issues can't be moved to a closed sprint."));
    }

    @Test
    void movesAreUndoneBackToWhereEachIssueWas() {
        String moved = text(call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", List.of("OPS-6",
                "OPS-7"), "sprint_id", "11")));
        assertTrue(moved.startsWith("Moved OPS-6, OPS-7 to sprint 11."), moved);
        assertTrue(sprintIssues("11").contains("| OPS-6 |"));
        Matcher ids = Pattern.compile("\\| (OPS-6~[a-z2-7]{10}) \\|").matcher(moved);
        assertTrue(ids.find(), moved);
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", ids.group(1)))).startsWith(
                "Done: undo " + ids.group(1) + " (move OPS-6 back to the backlog)"));
        assertFalse(sprintIssues("11").contains("| OPS-6 |"));
        assertTrue(sprintIssues("11").contains("| OPS-7 |"), "the other issue of the same call stays");

        String toBacklog = text(call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", List.of(
                "OPS-1"), "sprint_id", "backlog")));
        assertTrue(toBacklog.startsWith("Moved OPS-1 to the backlog."), toBacklog);
        Matcher back = Pattern.compile("\\| (OPS-1~[a-z2-7]{10}) \\|").matcher(toBacklog);
        assertTrue(back.find());
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", back.group(1)))).contains(
                "move OPS-1 back to sprint 11"));
        assertTrue(sprintIssues("11").contains("| OPS-1 |"));
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * The account the calls use may browse WEB but not work on it (the sandbox's permission scheme): every write tool says
 * so clearly, and nothing is changed.
 */
@QuarkusTest
class PermissionDeniedTest extends SandboxReset {

    private static final String DENIED = "Atlassian denied this operation (HTTP 403): You currently don't have access "
            + "to perform this operation. The Atlassian account used lacks the permission; ask a site admin or use an "
            + "account that has it.";

    @Test
    void writesJiraRefusesWithA403SayWhoLacksWhat() {
        String ownComment = Mcp.call(Transport.STREAMABLE, "jira_get_comments", Map.of("issue_key", "WEB-1")).text()
                .replaceFirst("(?s).*⟦data comment (\\d+) by MCP Service Account, .*", "$1");
        Map<String, Map<String, Object>> writes = Map.of(
                "jira_add_comment", Map.of("issue_key", "WEB-1", "body", "Looking into it."),
                "jira_edit_comment", Map.of("issue_key", "WEB-1", "comment_id", ownComment, "body", "Edited."),
                "jira_link_issues", Map.of("issue_key", "WEB-1", "relation", "blocks", "other_issue_key", "WEB-2"),
                "jira_add_remote_link", Map.of("issue_key", "WEB-1", "url", "https://status.example.com", "title",
                        "Status page"),
                "jira_add_worklog", Map.of("issue_key", "WEB-1", "time_spent", "1h"),
                "jira_add_watcher", Map.of("issue_key", "WEB-1", "person", "Bob Martin"),
                "jira_move_to_sprint", Map.of("issue_keys", List.of("WEB-2"), "sprint_id", "11"));
        writes.forEach((tool, arguments) -> {
            Mcp.Result result = call(Transport.STREAMABLE, tool, arguments);
            assertTrue(result.isError(), tool + ": " + result.text());
            assertEquals(DENIED, result.text(), tool);
        });
        assertNothingWritten();
    }

    @Test
    void writesThatReadTheirScreenFirstSayWhichPermissionIsMissing() {
        String edit = "Jira offers this account no field it may edit on WEB-1: it lacks the Edit Issues permission "
                + "there. jira_whoami shows which account the calls use; ask a Jira admin for the permission.";
        assertEquals(edit, call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "WEB-1", "fields", Map
                .of("Priority", "Low"))).text());
        assertEquals(edit, call(Transport.SSE, "jira_assign_issue", Map.of("issue_key", "WEB-1", "assignee",
                "Bob Martin")).text());
        assertEquals("No transition is open from In Progress on WEB-1 for this account: it lacks the Transition "
                + "Issues permission there, or the workflow has no way on from In Progress. jira_whoami shows which "
                + "account the calls use.",
                call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key",
                        "WEB-1", "transition", "Done")).text());
        String create = "Jira offers this account no issue type to create in WEB: it lacks the Create Issues "
                + "permission there. jira_whoami shows which account the calls use; ask a Jira admin for the "
                + "permission.";
        Mcp.Result created = call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "WEB", "issue_type",
                "Task", "summary", "Audit the checkout button"));
        assertTrue(created.isError());
        assertEquals(create, created.text());
        String batch = call(Transport.STREAMABLE, "jira_create_issues", Map.of("project", "WEB", "issues", List.of(Map
                .of("summary", "Audit the checkout button", "issue_type", "Task")))).text();
        assertTrue(batch.startsWith("Created 0, already existed 0, failed 1."), batch);
        assertTrue(batch.contains("not created: " + create.substring(0, 60)), batch);
        assertNothingWritten();
    }

    private static void assertNothingWritten() {
        List<String> applied = Mcp.sandbox().requests().stream().filter(r -> !r.startsWith("GET ") && !r.contains(
                "/search") && r.matches(".* 2\\d\\d")).toList();
        assertEquals(List.of(), applied);
    }
}

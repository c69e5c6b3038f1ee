package dev.atlmcp.jira;

import static dev.atlmcp.testing.RestartableServer.call;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.RestartableServer;

/**
 * A field edit and a comment made through one server process are listed and undone by a freshly started one: the
 * records live in Jira, so nothing is lost when a pod restarts or another replica answers.
 */
class UndoAcrossRestartIT {

    @Test
    void changesMadeBeforeARestartAreListedAndUndoneAfterIt() throws Exception {
        try (RestartableServer server = RestartableServer.start("jira-restart")) {
            McpStreamableTestClient before = server.session();
            String updated = call(before, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields", Map.of(
                    "Priority", "Highest")));
            Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(updated);
            assertTrue(id.find(), updated);
            String commented = call(before, "jira_add_comment", Map.of("issue_key", "OPS-7", "body",
                    "Said before the restart."));
            Matcher commentId = Pattern.compile("Change id: (\\S+) ").matcher(commented);
            assertTrue(commentId.find(), commented);
            before.disconnect();

            server.restart();

            McpStreamableTestClient after = server.session();
            String listed = call(after, "jira_list_my_agent_changes", Map.of());
            assertTrue(listed.contains("| " + id.group(1) + " | ") && listed.contains("| " + commentId.group(1)
                    + " | "), listed);
            assertTrue(call(after, "jira_undo_change", Map.of("change_id", commentId.group(1))).startsWith(
                    "Done: undo " + commentId.group(1) + " (delete comment "));
            assertFalse(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains("Said before the "
                    + "restart."));
            assertTrue(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains(" · Highest · "));
            String undone = call(after, "jira_undo_change", Map.of("change_id", id.group(1)));
            assertTrue(undone.startsWith("Done: undo " + id.group(1)), undone);
            assertTrue(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains(" · Low · "));
            after.disconnect();
        }
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.RestartableServer.call;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.RestartableServer;

/**
 * A change made through one server process is listed and undone by a freshly started one: the records live in Jira, so
 * nothing is lost when a pod restarts or another replica answers.
 */
class UndoAcrossRestartIT {

    @Test
    void aChangeMadeBeforeARestartIsListedAndUndoneAfterIt() throws Exception {
        try (RestartableServer server = RestartableServer.start("jira-restart")) {
            McpStreamableTestClient before = server.session();
            String updated = call(before, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields", Map.of(
                    "Priority", "Highest")));
            Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(updated);
            assertTrue(id.find(), updated);
            before.disconnect();

            server.restart();

            McpStreamableTestClient after = server.session();
            assertTrue(call(after, "jira_list_my_agent_changes", Map.of()).contains("| " + id.group(1) + " | "));
            assertTrue(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains(" · Highest · "));
            String undone = call(after, "jira_undo_change", Map.of("change_id", id.group(1)));
            assertTrue(undone.startsWith("Done: undo " + id.group(1)), undone);
            assertTrue(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains(" · Low · "));
            after.disconnect();
        }
    }
}

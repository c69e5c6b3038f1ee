package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** Where an issue sits: its parents up to the epic in the default view, and an epic's children on request. */
@QuarkusTest
class HierarchyTest extends SandboxReset {

    static String parentLine(String issue) {
        return issue.lines().filter(l -> l.startsWith("Parent: ")).findFirst().orElse("(no parent line)");
    }

    @Test
    void aSubtaskShowsItsStoryAndTheStorysEpic() {
        String created = text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "PAY", "issue_type",
                "Sub-task", "summary", "Wallet token storage", "parent", "PAY-3")));
        String key = created.replaceFirst("(?s)^Created (PAY-\\d+).*", "$1");
        assertTrue(key.matches("PAY-\\d+"), created);
        for (Transport transport : Transport.values()) {
            assertEquals("Parent: PAY-3 Support Apple Pay in checkout (To Do) › PAY-1 PSD3 strong customer "
                    + "authentication (In Progress)",
                    parentLine(text(call(transport, "jira_get_issue", Map.of(
                            "issue_key", key)))));
        }
        assertEquals("Parent: PAY-1 PSD3 strong customer authentication (In Progress)", parentLine(text(call(
                Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "PAY-3")))));
        assertEquals("(no parent line)", parentLine(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of(
                "issue_key", "PAY-1")))));
    }

    @Test
    void anEpicListsItsChildrenWithTheSearchThatFindsThemAll() {
        String epic = text(call(Transport.SSE, "jira_get_issue", Map.of("issue_key", "PAY-1", "include",
                "children")));
        assertTrue(epic.contains("\n## Child issues (1)\n"), epic);
        assertTrue(epic.contains("| PAY-3 | Support Apple Pay in checkout | To Do | Story |"), epic);
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST /rest/api/3/search/jql 200")),
                Mcp.sandbox().requests()::toString);
        String incident = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1", "include",
                "children")));
        assertTrue(incident.contains("\n## Child issues (2)\n") && incident.contains("| OPS-2 |") && incident
                .contains("| OPS-3 |"), incident);
        String none = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5", "include",
                "children")));
        assertTrue(none.endsWith("## Child issues (none)"), none);
    }

    @Test
    void manyChildrenArePagedThroughJiraSearch() {
        for (int i = 0; i < 21; i++) {
            assertFalse(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                    "Sub-task", "summary", "Step " + i, "parent", "OPS-5")).isError());
        }
        String task = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5", "include",
                "children")));
        String heading = task.lines().filter(l -> l.startsWith("## Child issues")).findFirst().orElseThrow();
        assertTrue(heading.startsWith("## Child issues (first 20; the rest: jira_search with jql 'parent = OPS-5 "
                + "ORDER BY key ASC' and cursor "), heading);
        String cursor = heading.replaceFirst(".* and cursor (\\S+)\\)$", "$1");
        String rest = text(call(Transport.STREAMABLE, "jira_search", Map.of("jql", "parent = OPS-5 ORDER BY key ASC",
                "cursor", cursor)));
        assertTrue(rest.startsWith("1 issue"), rest);
    }
}

package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** "Investigate the OPS incidents of the last 24 hours" as an agent does it: search, read, comments, the cause. */
@QuarkusTest
class IncidentInvestigationTest extends SandboxReset {

    @Test
    void searchThenReadThenCommentsThenTheLinkedCauseInOneSession() {
        try (Mcp.Session agent = Mcp.session()) {
            String incidents = agent.call("jira_search", Map.of("jql", "project = OPS AND type = Incident AND "
                    + "created >= -24h ORDER BY created DESC"));
            assertTrue(incidents.contains("| OPS-1 |") && incidents.contains("| OPS-5 |"), incidents);
            assertFalse(incidents.contains("| OPS-4 |"), "created 30 hours ago: " + incidents);

            String incident = agent.call("jira_get_issue", Map.of("issue_key", "OPS-1"));
            assertTrue(incident.contains("- is caused by PAY-2"), incident);

            String first = agent.call("jira_get_comments", Map.of("issue_key", "OPS-1", "limit", 2));
            assertTrue(first.startsWith("# Comments on OPS-1\n2 comments of 3. More: call again with "
                    + "cursor=\"start:2\"."), first);
            assertTrue(first.contains("Paging the payments on-call"), first);
            Matcher cursor = Pattern.compile("cursor=\"([^\"]+)\"").matcher(first);
            assertTrue(cursor.find());
            String last = agent.call("jira_get_comments", Map.of("issue_key", "OPS-1", "limit", 2, "cursor", cursor
                    .group(1)));
            assertTrue(last.startsWith("# Comments on OPS-1\n1 comment of 3. Last page."), last);
            assertTrue(last.contains("Rollback of settlement-job to 4.11.2 started"), last);

            String cause = agent.call("jira_get_issue", Map.of("issue_key", "PAY-2"));
            assertTrue(cause.startsWith("# PAY-2: Batch ledger writes in the settlement job"), cause);
        }
    }

    @Test
    void restrictedCommentsAreLeftOutAndCounted() {
        String comments = Mcp.call(Mcp.Transport.SSE, "jira_get_comments", Map.of("issue_key", "WEB-6")).text();
        assertTrue(comments.contains("2 restricted comments on this page not shown"), comments);
        assertFalse(comments.contains("feature flag"), comments);
        assertTrue(Mcp.call(Mcp.Transport.STREAMABLE, "jira_get_comments", Map.of("issue_key", "OPS-999")).text()
                .contains("Issue does not exist"));
    }

    @Test
    void theChangelogShowsWhoChangedWhatIncludingAnAgentsEdit() {
        String before = Mcp.call(Mcp.Transport.STREAMABLE, "jira_get_changelog", Map.of("issue_key", "OPS-1")).text();
        assertTrue(before.startsWith("# Changes to OPS-1 (oldest first)\n2 changes of 2. Last page."), before);
        assertTrue(before.contains("| Bob Martin | status | To Do | In Progress |"), before);
        assertTrue(before.contains("| Jane Doe | priority | High | Highest |"), before);
        Mcp.call(Mcp.Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-1", "fields", Map.of(
                "Priority", "High")));
        String after = Mcp.call(Mcp.Transport.SSE, "jira_get_changelog", Map.of("issue_key", "OPS-1", "limit", 2,
                "cursor", "start:2")).text();
        assertTrue(after.contains("| MCP Service Account | priority | Highest | High |"), after);
    }
}

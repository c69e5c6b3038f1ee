package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** "Find the runbook for database connection exhaustion", as an on-call agent does it in one session. */
@QuarkusTest
class OnCallWorkflowTest extends SandboxReset {

    @Test
    void searchThenReadTheRunbookAndItsStepsComeBackAsMarkdown() {
        try (Mcp.Session agent = Mcp.session()) {
            String found = agent.call("confluence_search", Map.of("query", "database connection exhaustion", "space",
                    "OPS"));
            assertTrue(found.startsWith("1 result"), found);
            assertTrue(found.contains("| 131075 | Runbook: checkout-api latency | page | Operations |"), found);
            String id = found.replaceFirst("(?s).*\\| (\\d+) \\| Runbook: checkout-api latency .*", "$1");

            String runbook = agent.call("confluence_get_page", Map.of("page_id", id));
            assertTrue(runbook.startsWith("# Runbook: checkout-api latency\nPage 131075 · space OPS"), runbook);
            assertTrue(runbook.contains("## Mitigate\n\n1. Scale `checkout-api` to 6 replicas.\n2. Pause the "
                    + "settlement job.\n3. Raise the pool size only after the job is paused."), runbook);
            assertTrue(runbook.contains("```bash\nkubectl -n checkout logs deploy/checkout-api"), runbook);

            String comments = agent.call("confluence_get_comments", Map.of("page_id", id));
            assertTrue(comments.startsWith("# Comments on page 131075"), comments);
        }
    }
}

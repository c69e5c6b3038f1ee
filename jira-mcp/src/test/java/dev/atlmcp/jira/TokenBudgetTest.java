package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Fidelity;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.platform.toolsets.ToolSetCatalog;
import dev.atlmcp.testing.Tokens;

/**
 * Tokens cost the model on every turn: the whole tools/list stays small, and the richest seeded issue keeps all its
 * facts in under 1,000 tokens.
 */
@QuarkusTest
class TokenBudgetTest extends SandboxReset {

    @Inject
    ToolSetCatalog catalog;

    static final int BUDGET = 8_000;

    @Test
    void theRichestIssueKeepsEveryFactInUnderAThousandTokens() {
        String issue = Mcp.call(Mcp.Transport.STREAMABLE, "jira_get_issue", java.util.Map.of("issue_key", "OPS-1"))
                .text();
        int tokens = Tokens.count(issue);
        System.out.println("jira_get_issue OPS-1: " + tokens + " tokens (o200k_base), " + issue.length()
                + " characters");
        assertTrue(tokens < 1_000, "OPS-1 costs " + tokens + " tokens:\n" + issue);
        for (String fact : java.util.List.of("# OPS-1: Checkout API p99 latency above 5s", "Incident · In Progress · "
                + "Highest", "Assignee: Bob Martin (", "Reporter: Jane Doe (", "Created: ", "Updated: ",
                "Labels: incident, database, sev1", "Components: checkout-api", "production eu-west-1", "Sev 1", "SRE",
                "About 12% of EU checkouts fail", "one connection per ledger row", "Roll back the settlement job",
                "HikariPool-1 - Connection is not available", "OPS-2", "OPS-3", "is caused by PAY-2",
                "relates to OPS-4", "Paging the payments on-call", "Thread dump shows 48 threads",
                "Rollback of settlement-job to 4.11.2")) {
            assertTrue(issue.contains(fact), () -> "missing '" + fact + "' in:\n" + issue);
        }
    }

    /** The realistic bug: every fact in {@code fidelity/jira_get_issue-WEB-1.facts}, within its bound. */
    @Test
    void theRealisticBugKeepsEveryFactWithinItsBound() {
        Fidelity.of("jira_get_issue-WEB-1").check(Mcp.call(Mcp.Transport.STREAMABLE, "jira_get_issue", Map.of(
                "issue_key", "WEB-1")).text());
    }

    @Test
    void searchResultsKeepEveryFactWithinTheirBound() {
        Fidelity.of("jira_search-WEB").check(Mcp.call(Mcp.Transport.STREAMABLE, "jira_search", Map.of("jql",
                "project = WEB ORDER BY key ASC")).text());
    }

    @Test
    void theWholeToolListStaysUnderTheTokenBudget() {
        Tokens.printToolSets("jira-mcp", catalog.sets());
        int tokens = Tokens.toolsList("jira-mcp every tool set");
        assertTrue(tokens < BUDGET, "tools/list costs " + tokens + " tokens; the budget is " + BUDGET);
    }
}

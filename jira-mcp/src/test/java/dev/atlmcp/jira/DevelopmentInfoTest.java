package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * jira_get_development_info: the development panel's pull requests, branches and commits, fenced as data, from one
 * summary request and one request per kind the summary counts.
 */
@QuarkusTest
class DevelopmentInfoTest extends SandboxReset {

    @Test
    void pullRequestsBranchesAndCommitsOfAnIssueAreListed() {
        Mcp.Result out = call(Transport.STREAMABLE, "jira_get_development_info", Map.of("issue_key", "web-1"));
        assertFalse(out.isError(), out::text);
        String md = out.text();
        assertTrue(md.startsWith("Development of WEB-1:\n\n## GitHub\n"), md);
        assertTrue(md.contains("| #412 | WEB-1: keep the EMEA return URL through SSO | OPEN | Priya Nair | "
                + "bugfix/WEB-1-sso-emea-redirect → main | 2026-12-05 16:20 UTC | https://github.com/acme/storefront/"
                + "pull/412 |"), md);
        assertTrue(md.contains("| bugfix/WEB-1-sso-emea-redirect | acme/storefront | 3b7e9d1 |"), md);
        assertTrue(md.contains("Commits in acme/storefront (https://github.com/acme/storefront):"), md);
        assertTrue(md.contains("| 9f1c2e4 | WEB-1 Keep the return URL in the SAML relay state | Priya Nair | "
                + "2026-12-05 15:02 UTC |"), md);
        assertTrue(md.contains("⟦data ") && md.contains("WEB-1 commits⟧"), "people's text is fenced: " + md);
        assertEquals(4, Mcp.sandbox().requests().stream().filter(r -> r.contains("/rest/dev-status/latest/issue/"))
                .count(), "a summary and one detail per kind: " + Mcp.sandbox().requests());
    }

    @Test
    void anIssueWithoutDevelopmentSaysSoAndBadKeysAreClear() {
        assertEquals("No pull requests, branches or commits mention OPS-3 in the source-code tools connected to Jira.",
                call(Transport.SSE, "jira_get_development_info", Map.of("issue_key", "OPS-3")).text());
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.contains("/rest/dev-status/")).count(),
                "only the summary: " + Mcp.sandbox().requests());
        assertEquals("Invalid argument: issue_key must be an issue key like PROJ-123 or a numeric id, got 'OPS 3'",
                call(Transport.STREAMABLE, "jira_get_development_info", Map.of("issue_key", "OPS 3")).text());
        assertTrue(call(Transport.STREAMABLE, "jira_get_development_info", Map.of("issue_key", "OPS-9999")).text()
                .startsWith("Not found"));
    }
}

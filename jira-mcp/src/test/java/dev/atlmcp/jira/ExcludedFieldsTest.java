package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp.Transport;

/** Fields the operator excludes, by display name (Severity) or id (customfield_10060), never reach the model. */
@QuarkusTest
@TestProfile(RestrictivePolicy.class)
class ExcludedFieldsTest {

    @Test
    void excludedFieldsAreLeftOut() {
        String md = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1")));
        assertFalse(md.contains("Severity") || md.contains("Sev 1"), md);
        assertFalse(md.contains("About 12% of EU checkouts fail"), md);
        assertTrue(md.contains("Root Cause: "), "other custom fields stay: " + md);
    }

    @Test
    void selectingAnExcludedFieldStillLeavesItOut() {
        String issue = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1", "fields",
                "Severity,customfield_10060,customfield_10050")));
        assertFalse(issue.contains("Sev 1") || issue.contains("About 12%"), issue);
        assertTrue(issue.contains("Team: SRE"), issue);
        String table = text(call(Transport.STREAMABLE, "jira_search", Map.of("jql", "key = OPS-1", "fields",
                "Severity,customfield_10050")));
        assertTrue(table.contains("| OPS-1 | (excluded by policy) | SRE |"), table);
    }
}

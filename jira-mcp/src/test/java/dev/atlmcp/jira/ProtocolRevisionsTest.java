package dev.atlmcp.jira;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.ProtocolRevisions;

/** Protocol revisions 2024-11-05 to 2025-11-25, and the product's icon (see ProtocolRevisions). */
@QuarkusTest
class ProtocolRevisionsTest extends ProtocolRevisions {

    @Override
    protected String product() {
        return "jira";
    }

    @Override
    protected Map.Entry<String, Map<String, Object>> readCall() {
        return Map.entry("jira_get_issue", Map.of("issue_key", "OPS-1"));
    }

    @Override
    protected String readCallShows() {
        return "# OPS-1";
    }
}

package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.ReadOnlyModeContract;

/**
 * The operator's tool policy: read-only mode and allow/deny lists; hidden tools are not listed and a call to one
 * answers like a call to an unknown tool.
 */
@QuarkusTest
@TestProfile(ToolPolicyTest.Restricted.class)
class ToolPolicyTest extends ReadOnlyModeContract {

    public static class Restricted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.policy.read-only", "true", "mcp.policy.allow-tools", "jira_get_issue,jira_search,"
                    + "jira_add_comment", "mcp.policy.deny-tools", "jira_search");
        }
    }

    @Test
    void deniedToolsAreNeitherListedNorCallable() {
        AuditEvents audit = AuditEvents.capture();
        McpStreamableTestClient client = Mcp.client();
        try {
            client.when().toolsList(page -> assertEquals(List.of("jira_get_issue"), page.tools().stream().map(
                    t -> t.name()).toList())).thenAssertResults();
            client.when().toolsCall("jira_search").withArguments(Map.of("jql", "project = OPS")).withErrorAssert(
                    error -> assertEquals("Invalid tool name: jira_search", error.message())).send()
                    .thenAssertResults();
            client.when().toolsCall("jira_add_comment").withArguments(Map.of("issue_key", "OPS-1", "body", "x"))
                    .withErrorAssert(error -> assertEquals("Invalid tool name: jira_add_comment", error.message()))
                    .send().thenAssertResults();
            client.when().toolsCall("jira_whoami").withArguments(Map.of()).withErrorAssert(
                    error -> assertEquals("Invalid tool name: jira_whoami", error.message())).send()
                    .thenAssertResults();
            client.when().toolsCall("jira_nonexistent").withArguments(Map.of()).withErrorAssert(
                    error -> assertEquals("Invalid tool name: jira_nonexistent", error.message())).send()
                    .thenAssertResults();
            client.when().toolsCall("jira_get_issue").withArguments(Map.of("issue_key", "OPS-1")).withAssert(
                    r -> assertEquals(false, r.isError())).send().thenAssertResults();
        } finally {
            client.disconnect();
            audit.close();
        }
        assertEquals("denied", audit.single("jira_search").getString("outcome"));
        assertEquals("hidden by policy", audit.single("jira_search").getString("message"));
    }
}

package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.ReplicaRoundRobin;

/**
 * Two jira-mcp replicas configured like their Kubernetes pods, behind a round-robin balancer with no session affinity,
 * serve one MCP session: initialize, initialized notification, tools/list and tool calls land on alternating replicas
 * and all succeed.
 */
class ReplicaRoundRobinIT {

    @Test
    void oneSessionAcrossTwoReplicas() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("jira-mcp")) {
            McpStreamableTestClient client = replicas.session("jira-mcp");
            client.when()
                    .toolsList(page -> assertTrue(page.tools().stream().anyMatch(t -> t.name().equals(
                            "jira_get_issue"))))
                    .toolsCall("jira_get_issue").withArguments(Map.of("issue_key", "OPS-1"))
                    .withAssert(r -> {
                        assertFalse(r.isError(), () -> r.content().get(0).asText().text());
                        assertTrue(r.content().get(0).asText().text().startsWith("# OPS-1: "));
                    }).send()
                    .toolsCall("jira_search").withArguments(Map.of("jql", "project = OPS", "limit", 3))
                    .withAssert(r -> assertTrue(r.content().get(0).asText().text().startsWith("3 issues.")))
                    .send()
                    .toolsCall("jira_get_issue").withArguments(Map.of("issue_key", "WEB-1"))
                    .withAssert(r -> assertFalse(r.isError())).send()
                    .thenAssertResults();
            client.disconnect();
            replicas.assertBothReplicasServed(5);
        }
    }
}

package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.ReplicaRoundRobin;

/**
 * Two confluence-mcp replicas configured like their Kubernetes pods, behind a round-robin balancer with no session
 * affinity, serve one MCP session across both.
 */
class ReplicaRoundRobinIT {

    @Test
    void oneSessionAcrossTwoReplicas() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("confluence-mcp")) {
            McpStreamableTestClient client = replicas.session("confluence-mcp");
            client.when()
                    .toolsList(page -> assertTrue(page.tools().stream().anyMatch(t -> t.name().equals(
                            "confluence_get_page"))))
                    .toolsCall("confluence_get_page").withArguments(Map.of("page_id", "131075"))
                    .withAssert(r -> {
                        assertFalse(r.isError(), () -> r.content().get(0).asText().text());
                        assertTrue(r.content().get(0).asText().text().startsWith("# Runbook: checkout-api latency"));
                    }).send()
                    .toolsCall("confluence_search").withArguments(Map.of("query", "settlement", "space", "OPS"))
                    .withAssert(r -> assertTrue(r.content().get(0).asText().text().contains(
                            "| 131076 | Runbook: settlement job backlog |")))
                    .send()
                    .toolsCall("confluence_whoami").withArguments(Map.of())
                    .withAssert(r -> assertFalse(r.isError())).send()
                    .thenAssertResults();
            client.disconnect();
            replicas.assertBothReplicasServed(5);
        }
    }
}

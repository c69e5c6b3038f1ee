package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.ReplicaRoundRobin;

/**
 * Two compass-mcp replicas configured like their Kubernetes pods, behind a round-robin balancer with no session
 * affinity, serve one MCP session across both.
 */
class ReplicaRoundRobinIT {

    @Test
    void oneSessionAcrossTwoReplicas() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("compass-mcp")) {
            McpStreamableTestClient client = replicas.session("compass-mcp");
            client.when()
                    .toolsList(page -> assertTrue(page.tools().stream().anyMatch(t -> t.name().equals(
                            "compass_get_component"))))
                    .toolsCall("compass_get_component").withArguments(Map.of("component", "checkout-api"))
                    .withAssert(r -> {
                        assertFalse(r.isError(), () -> r.content().get(0).asText().text());
                        assertTrue(r.content().get(0).asText().text().startsWith("# checkout-api\nService"));
                    }).send()
                    .toolsCall("compass_search_components").withArguments(Map.of("query", "payment"))
                    .withAssert(r -> assertTrue(r.content().get(0).asText().text().contains(
                            "| Payment Gateway | Service |")))
                    .send()
                    .toolsCall("compass_who_owns").withArguments(Map.of("component", "checkout-api"))
                    .withAssert(r -> assertFalse(r.isError(), () -> r.content().get(0).asText().text())).send()
                    .thenAssertResults();
            client.disconnect();
            replicas.assertBothReplicasServed(5);
        }
    }
}

package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.SandboxControl;
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

    @Test
    void aConfirmationTokenIsGoodForOneWriteOnEitherReplica() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("compass-mcp", Map.of("MCP_CONFIRM_TOOLS",
                "compass_add_labels"))) {
            McpStreamableTestClient client = replicas.session("compass-mcp");
            Map<String, Object> label = new HashMap<>(Map.of("component", "checkout-api", "labels", List.of("pci")));
            String[] answer = new String[1];
            client.when().toolsCall("compass_add_labels").withArguments(label).withAssert(r -> answer[0] = r
                    .content().get(0).asText().text()).send().thenAssertResults();
            Matcher token = Pattern.compile("confirmation_token=\"([^\"]+)\"").matcher(answer[0]);
            assertTrue(token.find(), answer[0]);
            label.put("confirmation_token", token.group(1));
            client.when().toolsCall("compass_add_labels").withArguments(label).withAssert(r -> answer[0] = r
                    .content().get(0).asText().text()).send().thenAssertResults();
            assertTrue(answer[0].startsWith("Added the labels pci to checkout-api.\nChange id: "), answer[0]);
            String changeId = answer[0].replaceFirst("(?s).*Change id: (\\S+).*", "$1");
            client.when().toolsCall("compass_undo_change").withArguments(Map.of("change_id", changeId)).withAssert(
                    r -> assertTrue(r.content().get(0).asText().text().startsWith("Done: removed the labels pci")))
                    .send()
                    .thenAssertResults();
            for (int replay = 0; replay < 2; replay++) {
                client.when().toolsCall("compass_add_labels").withArguments(label).withAssert(r -> {
                    assertTrue(r.isError(), () -> r.content().get(0).asText().text());
                    assertTrue(r.content().get(0).asText().text().startsWith("This confirmation token "), () -> r
                            .content().get(0).asText().text());
                }).send().thenAssertResults();
            }
            client.when().toolsCall("compass_get_component").withArguments(Map.of("component", "checkout-api"))
                    .withAssert(r -> assertFalse(r.content().get(0).asText().text().contains(", pci"))).send()
                    .thenAssertResults();
            client.disconnect();
            replicas.assertBothReplicasServed(6);
        }
    }

    /**
     * Compass refuses a second component of one slug, so identical creates sent at once to two replicas make one
     * component, and every caller is told it exists, even the one whose create Compass refused.
     */
    @Test
    void identicalCreatesSentAtOnceMakeOneComponent() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("compass-mcp")) {
            replicas.sandbox().addFault(SandboxControl.fault().put("path", "/gateway/api/graphql").put("bodyContains",
                    "createComponent").put("latencyMs", 400).put("count", 2));
            McpStreamableTestClient client = replicas.session("compass-mcp");
            List<String> answers = new CopyOnWriteArrayList<>();
            var calls = client.when();
            for (int i = 0; i < 8; i++) {
                calls.toolsCall("compass_create_component").withArguments(Map.of("name", "quote-service", "type",
                        "SERVICE")).withAssert(r -> answers.add(r.content().get(0).asText().text())).send();
            }
            calls.thenAssertResults();
            client.disconnect();
            assertEquals(8, answers.size(), answers::toString);
            long created = answers.stream().filter(a -> a.startsWith("Created quote-service (slug quote-service"))
                    .count();
            answers.forEach(a -> assertTrue(a.startsWith("Created quote-service (slug quote-service") || a
                    .startsWith("Already exists, with these values: quote-service (slug quote-service"), a));
            assertEquals(1, created, answers::toString);
            replicas.assertBothReplicasServed(8);
        }
    }
}

package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
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

    /**
     * Data Center keeps no per-caller store, so only the item's state can tell another replica that a token was used;
     * adding a comment or labels and undoing it leaves the comments and labels as they were, yet the token is spent.
     */
    @Test
    void onDataCenterATokenIsRefusedOnTheOtherReplicaEvenAfterItsChangeWasUndone() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("confluence-mcp", Map.of("ATLASSIAN_URL",
                "${sandbox.url}" + Sandbox.DATACENTER_CONFLUENCE, "ATLASSIAN_DEPLOYMENT", "datacenter",
                "ATLASSIAN_AUTH_MODE", "bearer", "ATLASSIAN_AUTH_TOKEN", Directory.BOT.pat(), "MCP_CONFIRM_TOOLS",
                "confluence_add_comment,confluence_add_labels"))) {
            McpStreamableTestClient client = replicas.session("confluence-mcp");
            confirmUndoAndReplay(client, "confluence_add_comment", Map.of("page_id", "131075", "body",
                    "Failover drill done."));
            confirmUndoAndReplay(client, "confluence_add_labels", Map.of("page_id", "131076", "labels", List.of(
                    "drilled")));
            client.disconnect();
            List<String> requests = replicas.sandbox().requests();
            assertEquals(1, requests.stream().filter(r -> r.startsWith("POST /confluence/rest/api/content 200"))
                    .count(), () -> "one comment added across both replicas: " + requests);
            assertEquals(1, requests.stream().filter(r -> r.startsWith(
                    "POST /confluence/rest/api/content/131076/label ")).count(), () -> "labels added once: "
                            + requests);
            replicas.assertBothReplicasServed(12);
        }
    }

    private static void confirmUndoAndReplay(McpStreamableTestClient client, String tool, Map<String, Object> args) {
        Map<String, Object> write = new HashMap<>(args);
        Matcher token = Pattern.compile("confirmation_token=\"([^\"]+)\"").matcher(answer(client, tool, write));
        assertTrue(token.find(), tool + " needs confirmation");
        write.put("confirmation_token", token.group(1));
        String done = answer(client, tool, write);
        Matcher change = Pattern.compile("Change id: (\\S+) ").matcher(done);
        assertTrue(change.find(), done);
        String undone = answer(client, "confluence_undo_change", Map.of("change_id", change.group(1)));
        assertTrue(undone.startsWith("Done: undo "), undone);
        for (int replay = 0; replay < 2; replay++) {
            String refused = answer(client, tool, write);
            assertTrue(refused.contains("Nothing was sent.") && refused.contains("without confirmation_token for "
                    + "a new preview"), refused);
        }
    }

    /** One call, on whichever replica the balancer picks next. */
    private static String answer(McpStreamableTestClient client, String tool, Map<String, Object> args) {
        String[] text = new String[1];
        client.when().toolsCall(tool).withArguments(args).withAssert(r -> text[0] = r.content().get(0).asText()
                .text()).send().thenAssertResults();
        return text[0];
    }
}

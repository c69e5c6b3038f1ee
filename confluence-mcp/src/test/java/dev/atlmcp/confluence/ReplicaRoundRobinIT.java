package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxControl;
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
     * Confluence refuses a second page of one title in a space, so identical creates sent at once to two replicas make
     * one page, and every caller is told which, even the one whose create Confluence refused.
     */
    @Test
    void identicalCreatesSentAtOnceMakeOnePage() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("confluence-mcp")) {
            replicas.sandbox().addFault(SandboxControl.fault().put("path", "/wiki/api/v2/pages").put("method",
                    "POST").put("latencyMs", 400).put("count", 2));
            McpStreamableTestClient client = replicas.session("confluence-mcp");
            List<String> answers = new CopyOnWriteArrayList<>();
            var calls = client.when();
            for (int i = 0; i < 8; i++) {
                calls.toolsCall("confluence_create_page").withArguments(Map.of("space", "ENG", "title",
                        "Runbook: key rotation", "body", "## Steps\n1. Rotate the key")).withAssert(
                                r -> answers.add(r
                                        .content().get(0).asText().text()))
                        .send();
            }
            calls.thenAssertResults();
            client.disconnect();
            Set<String> pages = new HashSet<>();
            for (String answer : answers) {
                Matcher page = Pattern.compile("^(?:Created page|Page) (\\d+) \\(Runbook: key rotation\\)").matcher(
                        answer);
                assertTrue(page.find(), answer);
                pages.add(page.group(1));
            }
            assertEquals(8, answers.size(), answers::toString);
            assertEquals(1, pages.size(), answers::toString);
            List<String> creates = replicas.sandbox().requests().stream().filter(r -> r.startsWith(
                    "POST /wiki/api/v2/pages ")).toList();
            assertEquals(List.of("POST /wiki/api/v2/pages 200", "POST /wiki/api/v2/pages 400"), creates.stream()
                    .sorted().toList(), "each replica sent one create, and Confluence refused the second");
            replicas.assertBothReplicasServed(8);
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

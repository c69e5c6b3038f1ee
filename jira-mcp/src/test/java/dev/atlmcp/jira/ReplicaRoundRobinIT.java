package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Test
    void aRetryOnTheOtherReplicaFindsTheIssueWhileSearchLags() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("jira-mcp")) {
            replicas.sandbox().searchLag(Duration.ofMinutes(5));
            McpStreamableTestClient client = replicas.session("jira-mcp");
            Map<String, Object> task = Map.of("project", "OPS", "issue_type", "Task", "summary",
                    "Rotate the signing key");
            String[] first = new String[1];
            client.when()
                    .toolsCall("jira_create_issue").withArguments(task).withAssert(r -> {
                        first[0] = r.content().get(0).asText().text();
                        assertTrue(first[0].startsWith("Created OPS-"), first[0]);
                    }).send()
                    .thenAssertResults();
            client.when()
                    .toolsCall("jira_create_issue").withArguments(task).withAssert(r -> {
                        String again = r.content().get(0).asText().text();
                        assertTrue(again.startsWith(first[0].substring("Created ".length(), first[0].indexOf(','))
                                + " already exists: "), again);
                    }).send()
                    .thenAssertResults();
            client.disconnect();
            assertEquals(1, replicas.sandbox().requests().stream().filter(r -> r.startsWith(
                    "POST /rest/api/3/issue ")).count(), "one create across both replicas");
            replicas.assertBothReplicasServed(4);
        }
    }

    /**
     * The bound docs/security.md states: identical creates sent at once make at most one issue per replica (each
     * replica lets one through and the others share its outcome or are held off by the request it keeps as sent).
     */
    @Test
    void identicalCreatesSentAtOnceMakeAtMostOneIssuePerReplica() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("jira-mcp")) {
            replicas.sandbox().searchLag(Duration.ofMinutes(5));
            McpStreamableTestClient client = replicas.session("jira-mcp");
            Map<String, Object> task = Map.of("project", "OPS", "issue_type", "Task", "summary",
                    "Renew the TLS certificate");
            Pattern answer = Pattern.compile("(?s)(Created OPS-\\d+, .*|OPS-\\d+ already exists: .*|Not sent: an "
                    + "identical request was sent at .*)");
            List<String> answers = new CopyOnWriteArrayList<>();
            var calls = client.when();
            for (int i = 0; i < 8; i++) {
                calls.toolsCall("jira_create_issue").withArguments(task).withAssert(r -> answers.add(r.content().get(
                        0).asText().text())).send();
            }
            calls.thenAssertResults();
            client.disconnect();
            assertEquals(8, answers.size(), answers::toString);
            answers.forEach(a -> assertTrue(answer.matcher(a).matches(), a));
            long creates = replicas.sandbox().requests().stream().filter(r -> r.startsWith("POST /rest/api/3/issue "))
                    .count();
            assertTrue(creates >= 1 && creates <= 2, () -> creates + " creates for 8 identical calls: " + answers);
            replicas.assertBothReplicasServed(8);
        }
    }

    @Test
    void aConfirmationTokenUsedOnOneReplicaIsRefusedOnTheOther() throws Exception {
        try (ReplicaRoundRobin replicas = ReplicaRoundRobin.start("jira-mcp", Map.of("MCP_CONFIRM_TOOLS",
                "jira_add_watcher"))) {
            McpStreamableTestClient client = replicas.session("jira-mcp");
            Map<String, Object> watch = new HashMap<>(Map.of("issue_key", "OPS-5", "person",
                    "bob.martin@example.com"));
            String[] answer = new String[1];
            client.when().toolsCall("jira_add_watcher").withArguments(watch).withAssert(r -> answer[0] = r.content()
                    .get(0).asText().text()).send().thenAssertResults();
            Matcher token = Pattern.compile("confirmation_token=\"([^\"]+)\"").matcher(answer[0]);
            assertTrue(token.find(), answer[0]);
            watch.put("confirmation_token", token.group(1));
            client.when().toolsCall("jira_add_watcher").withArguments(watch).withAssert(r -> answer[0] = r.content()
                    .get(0).asText().text()).send().thenAssertResults();
            assertTrue(answer[0].contains("Change id: OPS-5~"), answer[0]);
            String changeId = answer[0].replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
            client.when().toolsCall("jira_undo_change").withArguments(Map.of("change_id", changeId)).withAssert(
                    r -> assertTrue(r.content().get(0).asText().text().startsWith("Done: undo "))).send()
                    .thenAssertResults();
            for (int replay = 0; replay < 2; replay++) {
                client.when().toolsCall("jira_add_watcher").withArguments(watch).withAssert(r -> {
                    assertTrue(r.isError(), () -> r.content().get(0).asText().text());
                    assertEquals("This confirmation token was already used: each one allows a single write. Nothing "
                            + "was sent. Call jira_add_watcher without confirmation_token for a new preview.",
                            r
                                    .content().get(0).asText().text());
                }).send().thenAssertResults();
            }
            client.disconnect();
            assertEquals(1, replicas.sandbox().requests().stream().filter(r -> r.startsWith(
                    "POST /rest/api/3/issue/OPS-5/watchers ")).count(), "one watcher added across both replicas");
            replicas.assertBothReplicasServed(6);
        }
    }
}

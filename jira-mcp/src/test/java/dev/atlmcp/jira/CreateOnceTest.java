package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * One issue per create request: identical calls at the same moment share the first one's issue, and a retry finds the
 * issue even while Jira's search index does not show it yet, or is refused while the first call's outcome is unknown.
 */
@QuarkusTest
class CreateOnceTest extends SandboxReset {

    private static final Pattern KEY = Pattern.compile("\\b(OPS-\\d+)\\b");

    private static Map<String, Object> task(String summary) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("project", "OPS");
        arguments.put("issue_type", "Task");
        arguments.put("summary", summary);
        return arguments;
    }

    private static long creates() {
        return Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /rest/api/3/issue ")).count();
    }

    private static String key(Mcp.Result result) {
        assertFalse(result.isError(), result::text);
        Matcher key = KEY.matcher(result.text());
        assertTrue(key.find(), result.text());
        return key.group(1);
    }

    @Test
    void sixIdenticalCallsAtOnceMakeOneIssue() throws Exception {
        Mcp.sandbox().clearRequests();
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/rest/api/3/issue").put("method", "POST").put(
                "latencyMs", 400).put("count", 1));
        Set<String> keys = new HashSet<>();
        for (Mcp.Result result : Mcp.atOnce(6, "jira_create_issue", task("Rotate the payments key"))) {
            keys.add(key(result));
        }
        assertEquals(1, keys.size(), () -> "every answer names the one issue: " + keys);
        assertEquals(1, creates(), () -> "one create sent: " + Mcp.sandbox().requests());
    }

    @Test
    void aRetryFindsTheIssueWhileSearchDoesNotShowItYet() {
        Mcp.sandbox().searchLag(Duration.ofMinutes(5));
        Mcp.sandbox().clearRequests();
        String first = key(call(Transport.STREAMABLE, "jira_create_issue", task("Renew the TLS certificate")));
        Mcp.Result again = call(Transport.SSE, "jira_create_issue", task("Renew the TLS certificate"));
        assertTrue(again.text().startsWith(first + " already exists: an identical earlier request"), again.text());
        assertEquals(1, creates());
    }

    @Test
    void aRetryAfterALostAnswerWaitsUntilSearchCanTell() {
        Mcp.sandbox().searchLag(Duration.ofMinutes(5));
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/rest/api/3/issue").put("method", "POST").put(
                "drop", true).put("afterProcessing", true).put("count", 1));
        Mcp.sandbox().clearRequests();
        Mcp.Result lost = call(Transport.STREAMABLE, "jira_create_issue", task("Drain the dead-letter queue"));
        assertTrue(lost.isError() && lost.text().startsWith("It is unknown whether Atlassian applied this change"),
                lost.text());

        Mcp.Result held = call(Transport.STREAMABLE, "jira_create_issue", task("Drain the dead-letter queue"));
        assertTrue(held.isError(), held::text);
        assertTrue(held.text().startsWith("Not sent: an identical request was sent at "), held.text());
        assertTrue(held.text().contains("and its outcome is not known (it may still be under way, or its answer was "
                + "lost), so this one could make a second item. Search with jira_search for labels = mcp-req-"),
                held.text());
        assertEquals(1, creates(), "the retry sent nothing");

        Mcp.sandbox().searchLag(Duration.ZERO);
        Mcp.Result found = call(Transport.SSE, "jira_create_issue", task("Drain the dead-letter queue"));
        assertTrue(found.text().matches("OPS-\\d+ already exists: .*"), found.text());
        assertEquals(1, creates());
    }
}

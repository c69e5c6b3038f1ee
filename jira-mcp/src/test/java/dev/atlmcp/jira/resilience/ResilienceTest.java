package dev.atlmcp.jira.resilience;

import static dev.atlmcp.testing.Mcp.call;
import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * Atlassian slow, limited or down: reads are retried through 429s and 503s, a rate-limited write is waited out and
 * applied once, a failing site trips the circuit (fast, clear failures, nothing sent) and the server recovers when it
 * is back; near-limit signals slow the server down.
 */
@QuarkusTest
class ResilienceTest extends SandboxReset {

    private static final List<Map.Entry<String, Map<String, Object>>> READS = List.of(
            Map.entry("jira_get_issue", Map.of("issue_key", "OPS-1")),
            Map.entry("jira_search", Map.of("jql", "project = OPS ORDER BY created DESC")),
            Map.entry("jira_get_comments", Map.of("issue_key", "OPS-1")),
            Map.entry("jira_get_changelog", Map.of("issue_key", "OPS-1")),
            Map.entry("jira_get_transitions", Map.of("issue_key", "OPS-1")),
            Map.entry("jira_list_projects", Map.of()),
            Map.entry("jira_get_project", Map.of("project", "OPS")),
            Map.entry("jira_list_link_types", Map.of()),
            Map.entry("jira_search_fields", Map.of("query", "story")),
            Map.entry("jira_find_users", Map.of("query", "jane")),
            Map.entry("jira_get_attachments", Map.of("issue_key", "OPS-1")),
            Map.entry("jira_list_boards", Map.of()));

    @AfterEach
    void recover() {
        Mcp.forgetFaults();
    }

    @Test
    void everyReadSucceedsWhenNearlyAThirdOfAtlassiansAnswersAre429Or503() {
        Mcp.assertReadsSucceedThroughRateLimitsAndOutages("/rest/", READS);
        String metrics = get("/q/metrics").asString();
        assertTrue(metrics.contains("atlassian_retries_total{kind=\"read\",reason=\"429\"}"), "retries counted");
        assertTrue(metrics.contains("atlassian_retries_total{kind=\"read\",reason=\"503\"}"), "retries counted");
    }

    @Test
    void aRateLimitedWriteIsWaitedOutAndAppliedOnce() {
        Mcp.sandbox().clearRequests();
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/rest/api/3/issue/OPS-3/comment").put("method",
                "POST").put("status", 429).put("retryAfter", 1).put("count", 1));
        Mcp.Result result = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-3", "body",
                "Rate limits are waited out."));
        assertFalse(result.isError(), result::text);
        assertEquals(List.of("POST /rest/api/3/issue/OPS-3/comment 429", "POST /rest/api/3/issue/OPS-3/comment 201"),
                Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /rest/api/3/issue/OPS-3/comment"))
                        .toList());
        String comments = call(Transport.STREAMABLE, "jira_get_comments", Map.of("issue_key", "OPS-3")).text();
        assertEquals(1, comments.split("Rate limits are waited out\\.", -1).length - 1, comments);
    }

    @Test
    void aWriteAfterAQuietSpellNeverGoesOutOnAConnectionTheSiteIsClosing() throws Exception {
        assertFalse(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-3")).isError());
        // a site whose keep-alive timeout (Jira Data Center's Tomcat: 20 s) elapses just as a request comes in
        Mcp.sandbox().addFault(SandboxControl.fault().put("pathPrefix", "/rest/").put("drop", true).put(
                "idleAtLeastMs", 11_000));
        Thread.sleep(12_000);
        Mcp.sandbox().clearRequests();
        Mcp.Result result = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-3", "body",
                "Sent on a fresh connection."));
        assertFalse(result.isError(), result::text);
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.endsWith(" -1")), () -> "nothing was sent "
                + "into a closing connection: " + Mcp.sandbox().requests());
    }

    @Test
    void whenAtlassianIsDownCallsFailFastWithTheCircuitMessageAndRecoverWhenItIsBack() throws Exception {
        Mcp.sandbox().addFault(SandboxControl.fault().put("pathPrefix", "/rest/").put("drop", true));
        String answer = "";
        for (int i = 0; i < 10 && !answer.startsWith("Atlassian is failing"); i++) {
            answer = call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1")).text();
        }
        assertTrue(answer.startsWith("Atlassian is failing: most of this server's recent requests to it failed"),
                answer);
        assertTrue(answer.contains("nothing was sent. Retry after 1 seconds"), answer);

        Mcp.sandbox().clearRequests();
        Mcp.Result whileOpen = call(Transport.SSE, "jira_search", Map.of("jql", "project = OPS"));
        assertTrue(whileOpen.isError() && whileOpen.text().startsWith("Atlassian is failing"), whileOpen::text);
        assertEquals(List.of(), Mcp.sandbox().requests(), "an open circuit sends nothing");
        assertTrue(get("/q/health/ready").then().extract().statusCode() == 200, "an Atlassian outage never makes the "
                + "server unready");
        assertEquals("open", get("/q/health/ready").jsonPath().getString("checks[0].data.atlassianCircuit"));
        assertEquals(200, get("/q/health/live").statusCode());
        assertTrue(get("/q/metrics").asString().contains("atlassian_circuit_state 1.0"));

        Mcp.sandbox().clearFaults();
        Thread.sleep(1100);
        for (int i = 0; i < 2; i++) {
            Mcp.Result back = call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
            assertFalse(back.isError(), back::text);
        }
        assertEquals("closed", get("/q/health/ready").jsonPath().getString("checks[0].data.atlassianCircuit"));
        assertEquals("HTTP 200", get("/q/health/ready").jsonPath().getString("checks[0].data.atlassianLastRequest"));
    }

    @Test
    void nearLimitSignalsSpaceRequestsOut() {
        var fault = SandboxControl.fault().put("pathPrefix", "/rest/");
        fault.putObject("headers").put("X-RateLimit-NearLimit", "true").put("RateLimit-Reason",
                "jira-quota-tenant-based");
        Mcp.sandbox().addFault(fault);
        for (int i = 0; i < 4; i++) {
            assertFalse(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1")).isError());
        }
        String metrics = get("/q/metrics").asString();
        assertTrue(metrics.contains("atlassian_throttled_total{how=\"near_limit\"}"), "requests were spaced out");
        assertTrue(metrics.contains("rate_limit_reason=\"jira-quota-tenant-based\""), "the reason is counted");
    }
}

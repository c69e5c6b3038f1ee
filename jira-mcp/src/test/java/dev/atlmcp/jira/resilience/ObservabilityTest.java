package dev.atlmcp.jira.resilience;

import static dev.atlmcp.testing.Mcp.call;
import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** What operators see: Prometheus metrics, health, and a request id on every MCP request. */
@QuarkusTest
class ObservabilityTest extends SandboxReset {

    @Test
    void metricsShowToolCallsByOutcomeAndErrorClassAtlassianTrafficSessionsAndOverhead() {
        call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "not a key"));
        call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-99999"));
        String metrics = get("/q/metrics").asString();
        for (String expected : new String[] {
                "mcp_tool_calls_seconds_count{error=\"none\",outcome=\"ok\",tool=\"jira_get_issue\"}",
                "mcp_tool_calls_seconds_count{error=\"invalid_argument\",outcome=\"error\",tool=\"jira_get_issue\"}",
                "mcp_tool_calls_seconds_count{error=\"not_found\",outcome=\"error\",tool=\"jira_get_issue\"}",
                "mcp_tool_calls_seconds_bucket{error=\"none\",outcome=\"ok\",tool=\"jira_get_issue\",le=",
                "atlassian_requests_seconds_count{cause=\"answered\",method=\"GET\",rate_limit_reason=\"none\","
                        + "status=\"200\"}",
                "atlassian_requests_seconds_count{cause=\"answered\",method=\"GET\",rate_limit_reason=\"none\","
                        + "status=\"404\"}",
                "atlassian_circuit_state ",
                "mcp_server_connections_active",
                "mcp_server_overhead_seconds_bucket{method=\"tools/call\",tool=\"jira_get_issue\",le=",
                "jvm_threads_live_threads" }) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }
    }

    @Test
    void readinessReportsAtlassianAsDataAndLivenessDependsOnNothingOutside() {
        call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        var ready = get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals("UP", ready.getString("status"));
        assertEquals("mcp-server", ready.getString("checks[0].name"));
        assertEquals("closed", ready.getString("checks[0].data.atlassianCircuit"));
        assertEquals("HTTP 200", ready.getString("checks[0].data.atlassianLastRequest"));
        assertTrue(ready.getInt("checks[0].data.tools") > 30);
        get("/q/health/live").then().statusCode(200);
    }

    @Test
    void everyMcpRequestGetsARequestIdThatTheAuditEventCarries() {
        try (AuditEvents audit = AuditEvents.capture()) {
            call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"), Map.of("X-Request-Id",
                    "trace-4711"));
            JsonObject event = audit.single("jira_get_issue");
            assertEquals("trace-4711", event.getString("requestId"), event::encode);
        }
        var response = io.restassured.RestAssured.given().header("Authorization", "Bearer " + Mcp.token())
                .header("X-Request-Id", "bad id with spaces").accept("application/json, text/event-stream")
                .contentType("application/json").body(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .post("/mcp");
        String id = response.header("X-Request-Id");
        assertTrue(id != null && id.matches("[0-9a-f]{16}"), "a request id of our own replaces one that is not a "
                + "plain token: " + id);
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** One JSON audit event per tool call: for a read, a write, a failure and a denied call. */
@QuarkusTest
class AuditTest extends SandboxReset {

    private AuditEvents audit;

    @BeforeEach
    void capture() {
        audit = AuditEvents.capture();
    }

    @AfterEach
    void release() {
        audit.close();
    }

    @Test
    void aReadIsRecordedWithWhoWhatAndTheAtlassianRequests() {
        call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        JsonObject event = audit.single("jira_get_issue");
        assertEquals("jira-mcp", event.getString("service"));
        assertEquals("tools/call", event.getString("event"));
        assertEquals("ok", event.getString("outcome"));
        assertFalse(event.getString("time").isEmpty());
        assertTrue(event.getLong("durationMs") >= 0);
        JsonObject principal = event.getJsonObject("principal");
        assertEquals("alice-subject", principal.getString("subject"));
        assertEquals("alice", principal.getString("name"));
        assertEquals(Mcp.EMAIL, principal.getString("email"));
        assertEquals(Directory.JANE.accountId(), principal.getString("atlassianAccount", Directory.JANE.accountId()),
                "reads name the account once it is known, without asking Atlassian");
        assertEquals("test-client", event.getJsonObject("client").getString("id"));
        assertFalse(event.getString("session", "").isEmpty(), event::encode);
        assertEquals(new JsonObject().put("issue_key", "OPS-1"), event.getJsonObject("arguments"));
        assertEquals(new JsonArray().add(new JsonObject().put("method", "GET").put("path",
                "/rest/api/3/issue/OPS-1").put("status", 200)), event.getJsonArray("atlassian"));
        assertFalse(event.containsKey("changes"));
    }

    @Test
    void aWriteRecordsTheAccountAndTheChange() {
        call(Transport.SSE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body", "Queue drained."));
        JsonObject event = audit.single("jira_add_comment");
        assertEquals("ok", event.getString("outcome"), event::encode);
        assertEquals(Directory.JANE.accountId(), event.getJsonObject("principal").getString("atlassianAccount"));
        assertTrue(event.getJsonArray("atlassian").contains(new JsonObject().put("method", "POST").put("path",
                "/rest/api/3/issue/OPS-5/comment").put("status", 201)), event::encode);
        JsonObject change = event.getJsonArray("changes").getJsonObject(0);
        assertEquals("comment-added", change.getString("action"));
        assertEquals("OPS-5", change.getString("item"));
        assertTrue(change.getString("changeId").matches("OPS-5~[a-z2-7]{10}"), change::encode);
        assertTrue(change.getJsonObject("after").getString("commentId").matches("\\d+"), change::encode);
    }

    @Test
    void aFailureRecordsTheMessageTheCallerGot() {
        call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-999"));
        JsonObject event = audit.single("jira_get_issue");
        assertEquals("error", event.getString("outcome"));
        assertEquals("Not found: Issue does not exist or you do not have permission to see it. Check the key or id.",
                event.getString("message"));
        assertEquals(404, event.getJsonArray("atlassian").getJsonObject(0).getInteger("status"));
    }

    @Test
    void aDeniedCallIsRecordedThoughTheToolNeverRan() {
        String readOnly = Mcp.token("jira:read", "test-client", "https://server.example.com");
        given().header("Authorization", "Bearer " + readOnly).contentType("application/json").accept(
                "application/json, text/event-stream").body(
                        new JsonObject().put("jsonrpc", "2.0").put("id", 1).put(
                                "method", "tools/call")
                                .put("params", new JsonObject().put("name", "jira_add_comment").put(
                                        "arguments", new JsonObject().put("issue_key", "OPS-1").put("body", "x")))
                                .encode())
                .post("/mcp").then().statusCode(403);
        JsonObject event = audit.single("jira_add_comment");
        assertEquals("denied", event.getString("outcome"));
        assertEquals("insufficient_scope: needs jira:write", event.getString("message"));
        assertEquals(new JsonObject().put("issue_key", "OPS-1").put("body", "x"), event.getJsonObject("arguments"));
        assertTrue(Mcp.sandbox().requests().isEmpty());
    }

    @Test
    void secretLookingArgumentsAreRedactedAndLongOnesTruncated() {
        call(Transport.STREAMABLE, "jira_search", Map.of("jql", "summary ~ \"" + "x".repeat(600) + "\"",
                "api_token", "sbx-should-never-appear"));
        JsonObject arguments = audit.single("jira_search").getJsonObject("arguments");
        assertEquals("[redacted]", arguments.getString("api_token"));
        call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body", "Use password=Hunter2!"));
        assertEquals("Use password=[masked password]", audit.single("jira_add_comment").getJsonObject("arguments")
                .getString("body"));
        assertTrue(arguments.getString("jql").endsWith("...(612 chars)"), arguments::encode);
        assertEquals(500 + "...(612 chars)".length(), arguments.getString("jql").length());
    }
}

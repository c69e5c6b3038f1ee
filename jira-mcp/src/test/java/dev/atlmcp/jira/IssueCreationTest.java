package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Creating issues: fields checked against the create screen with helpful answers, and at most one issue per request
 * even when the answer is lost and the client retries.
 */
@QuarkusTest
class IssueCreationTest extends SandboxReset {

    private static final Pattern CREATED = Pattern.compile("Created ([A-Z]+-\\d+), ");

    private static Map<String, Object> story(String summary) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("project", "PAY");
        arguments.put("issue_type", "Story");
        arguments.put("summary", summary);
        arguments.put("description", "As a shopper I can pay with **Google Pay**.");
        arguments.put("fields", Map.of("Story Points", 3, "Priority", "High"));
        arguments.put("parent", "PAY-1");
        arguments.put("labels", List.of("checkout"));
        return arguments;
    }

    private static JsonArray issuesWithSummary(String summary) {
        String jql = "project = PAY AND summary ~ \"" + summary + "\"";
        return new JsonObject(SandboxSite.get("/rest/api/3/search/jql?fields=summary&jql=" + URLEncoder.encode(jql,
                StandardCharsets.UTF_8))).getJsonArray("issues");
    }

    @Test
    void aStoryIsCreatedUnderItsEpicWithItsFieldsAndRequestLabel() {
        Mcp.Result created = call(Transport.STREAMABLE, "jira_create_issue", story("Support Google Pay"));
        assertFalse(created.isError(), created::text);
        Matcher key = CREATED.matcher(created.text());
        assertTrue(key.find(), created.text());
        assertTrue(created.text().startsWith("Created " + key.group(1) + ", a Story in PAY: Support Google Pay\n"
                + "Change id: " + key.group(1) + "~"), created.text());

        JsonObject fields = new JsonObject(SandboxSite.get("/rest/api/3/issue/" + key.group(1))).getJsonObject(
                "fields");
        assertEquals("Story", fields.getJsonObject("issuetype").getString("name"));
        assertEquals("PAY-1", fields.getJsonObject("parent").getString("key"));
        assertEquals("High", fields.getJsonObject("priority").getString("name"));
        assertEquals(3, fields.getInteger("customfield_10016"));
        assertTrue(fields.getJsonObject("description").encode().contains("\"text\":\"Google Pay\""));
        assertEquals("checkout", fields.getJsonArray("labels").getString(0));
        assertTrue(fields.getJsonArray("labels").getString(1).matches("mcp-req-[0-9a-f]{12}"), fields::encode);

        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(created.text());
        assertTrue(id.find());
        assertEquals("Creating " + key.group(1) + " cannot be undone here: this server never deletes issues. Close "
                + "it with a transition, or ask a Jira administrator to delete it.",
                text(call(Transport.STREAMABLE,
                        "jira_undo_change", Map.of("change_id", id.group(1)))));
    }

    @Test
    void aCreateWhoseAnswerIsLostAndIsRetriedMakesExactlyOneIssue() {
        for (var fault : List.of(SandboxControl.fault().put("status", 500).put("afterProcessing", true),
                SandboxControl.fault().put("drop", true).put("afterProcessing", true))) {
            Mcp.sandbox().reset();
            Mcp.sandbox().addFault(fault.put("path", "/rest/api/3/issue").put("method", "POST").put("count", 1));
            Mcp.Result lost = call(Transport.STREAMABLE, "jira_create_issue", story("Support Google Pay"));
            assertTrue(lost.isError(), lost::text);
            assertTrue(lost.text().startsWith("It is unknown whether Atlassian applied this change (create a Story in "
                    + "PAY): "), lost.text());
            assertTrue(lost.text().endsWith("Before trying again, call jira_create_issue again with the same "
                    + "arguments: it finds the issue if it was created (label " + requestLabel() + ") instead of "
                    + "creating a second one."), lost.text());
            assertEquals(1, issuesWithSummary("Support Google Pay").size(), "the sandbox created it");

            Mcp.Result retried = call(Transport.SSE, "jira_create_issue", story("Support Google Pay"));
            assertFalse(retried.isError(), retried::text);
            assertTrue(retried.text().matches("PAY-\\d+ already exists: an identical earlier request \\(label "
                    + "mcp-req-[0-9a-f]{12}\\) created it, so nothing new was created. Read it with jira_get_issue."),
                    retried.text());
            assertEquals(1, issuesWithSummary("Support Google Pay").size(), "still exactly one issue");
            assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /rest/api/3/issue "))
                    .count(), () -> "one create sent: " + Mcp.sandbox().requests());
        }
    }

    private static String requestLabel() {
        return new JsonObject(SandboxSite.get("/rest/api/3/search/jql?fields=labels&jql=" + URLEncoder.encode(
                "project = PAY AND summary ~ \"Support Google Pay\"", StandardCharsets.UTF_8))).getJsonArray("issues")
                        .getJsonObject(0).getJsonObject("fields").getJsonArray("labels").stream().map(String::valueOf)
                        .filter(l -> l.startsWith("mcp-req-")).findFirst().orElseThrow();
    }

    @Test
    void aRequestIdMakesDifferentArgumentsTheSameRequest() {
        Map<String, Object> first = story("Support Google Pay");
        first.put("request_id", "notes-2026-11-22-item-1");
        String created = text(call(Transport.STREAMABLE, "jira_create_issue", first));
        Map<String, Object> second = story("Support Google Pay (reworded)");
        second.put("request_id", "notes-2026-11-22-item-1");
        String again = text(call(Transport.STREAMABLE, "jira_create_issue", second));
        Matcher key = CREATED.matcher(created);
        assertTrue(key.find(), created);
        assertTrue(again.startsWith(key.group(1) + " already exists: "), again);
        Map<String, Object> other = story("Support Google Pay");
        other.put("request_id", "notes-2026-11-22-item-2");
        assertTrue(text(call(Transport.STREAMABLE, "jira_create_issue", other)).startsWith("Created "));
    }

    @Test
    void missingRequiredFieldsAndUnknownValuesAreAnsweredWithWhatIsAllowed() {
        Mcp.sandbox().clearRequests();
        assertEquals("Invalid argument: Creating an Incident in OPS needs these required fields: Severity "
                + "(customfield_10030; one of Sev 1, Sev 2, Sev 3, Sev 4). Give them in fields.",
                text(call(
                        Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type", "Incident",
                                "summary", "Card payments declined"))));
        assertEquals("Invalid argument: Creating a Sub-task in OPS needs these required fields: Parent (parent). Give "
                + "them in fields.",
                text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS",
                        "issue_type", "Sub-task", "summary", "Check the pool"))));
        assertEquals("Invalid argument: 'Feature' is not an issue type of OPS. Types: Epic, Story, Task, Bug, "
                + "Incident, Sub-task.",
                text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS",
                        "issue_type", "Feature", "summary", "Dark mode"))));
        assertEquals("Invalid argument: An Epic in PAY cannot have a parent.", text(call(Transport.STREAMABLE,
                "jira_create_issue", Map.of("project", "PAY", "issue_type", "Epic", "summary", "Wallets", "parent",
                        "PAY-1"))));
        assertEquals("Invalid argument: 'Sev 0' is not an allowed Severity. Allowed: Sev 1, Sev 2, Sev 3, Sev 4.",
                text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                        "Incident", "summary", "Card payments declined", "fields", Map.of("Severity", "Sev 0")))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST /rest/api/3/issue ")));
    }

    @Test
    void jiraRefusalsAndUnknownProjectsArePassedOn() {
        Mcp.Result unknown = call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "NOPE", "issue_type",
                "Bug", "summary", "x"));
        assertTrue(unknown.isError());
        assertTrue(unknown.text().contains("No project could be found with key 'NOPE'."), unknown.text());
        Mcp.Result refused = call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                "Task", "summary", "Rotate keys", "fields", Map.of("Assignee", "priya.nair@example.com")));
        assertTrue(refused.isError());
        assertTrue(refused.text().contains("cannot be assigned issues."), refused.text());
    }

    @Test
    void aDryRunShowsTheCreateAndSendsNothing() {
        Map<String, Object> arguments = story("Support Google Pay");
        arguments.put("dry_run", true);
        String answer = text(call(Transport.STREAMABLE, "jira_create_issue", arguments));
        assertTrue(answer.startsWith("Dry run: nothing was sent. This call would create a Story in PAY: Support Google "
                + "Pay with:\nPOST /rest/api/3/issue\n{"), answer);
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST /rest/api/3/issue ")));
        assertEquals(0, issuesWithSummary("Support Google Pay").size());
    }
}

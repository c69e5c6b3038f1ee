package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Field edits and comments are recorded on the issue with their before-image, listed per caller, and undone only by
 * that caller and only while nobody changed the item since.
 */
@QuarkusTest
class AgentChangesTest extends SandboxReset {

    private static final Pattern CHANGE_ID = Pattern.compile("Change id: (\\S+~[a-z2-7]{10}) ");
    private static final String FIELDS = "/rest/api/3/issue/OPS-7?fields=priority,customfield_10016,assignee,duedate,"
            + "labels,description";

    private static String changeId(Mcp.Result result) {
        assertFalse(result.isError(), result::text);
        Matcher id = CHANGE_ID.matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    private static JsonObject fields(String issue) {
        return new JsonObject(SandboxSite.get("/rest/api/3/issue/" + issue + "?fields=priority,customfield_10016,"
                + "assignee,duedate,labels,description,summary")).getJsonObject("fields");
    }

    private static Map<String, Object> edit() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Priority", "High");
        fields.put("Story Points", 5);
        fields.put("assignee", "jane.doe@example.com");
        fields.put("Due date", "2026-12-31");
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("issue_key", "OPS-7");
        arguments.put("fields", fields);
        arguments.put("description", "## Cause\nThe panel divides by **1000** twice.");
        arguments.put("labels_add", List.of("grafana", "dashboards"));
        return arguments;
    }

    @Test
    void aFieldEditIsListedAndUndoneWithTheExactPreviousValues() {
        JsonObject before = fields("OPS-7");
        Mcp.Result updated = call(Transport.STREAMABLE, "jira_update_issue", edit());
        assertTrue(updated.text().startsWith("Changed Priority, Story Points, Assignee, Due date, Description, Labels "
                + "of OPS-7.\nChange id: OPS-7~"), updated.text());
        String id = changeId(updated);

        JsonObject after = fields("OPS-7");
        assertEquals("High", after.getJsonObject("priority").getString("name"));
        assertEquals(5, after.getInteger("customfield_10016"));
        assertEquals(Directory.JANE.accountId(), after.getJsonObject("assignee").getString("accountId"));
        assertEquals("2026-12-31", after.getString("duedate"));
        assertEquals(List.of("grafana", "dashboards"), after.getJsonArray("labels").getList());
        assertTrue(after.getJsonObject("description").encode().contains("\"text\":\"1000\""), after.encode());

        String listed = text(call(Transport.SSE, "jira_list_my_agent_changes", Map.of()));
        assertTrue(listed.startsWith("Your recent agent changes, newest first"), listed);
        assertTrue(listed.contains("| " + id + " | "), listed);
        assertTrue(listed.contains("| jira_update_issue | change Priority, Story Points, Assignee, Due date, "
                + "Description, Labels of OPS-7 | can undo |"), listed);

        Mcp.Result undone = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id));
        assertEquals("Done: undo " + id + " (change Priority, Story Points, Assignee, Due date, Description, Labels "
                + "of OPS-7).", text(undone));
        assertEquals(before, fields("OPS-7"), "every field is back as it was");
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_my_agent_changes", Map.of())).contains("| undone "));

        Mcp.Result again = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id));
        assertTrue(again.isError());
        assertTrue(again.text().startsWith("Change " + id + " was already undone at "), again.text());
    }

    @Test
    void anAddedCommentIsUndoneByDeletingIt() {
        Mcp.Result added = call(Transport.SSE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Backlog drained after the consumer restart."));
        String id = changeId(added);
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-5?fields=comment").contains("consumer restart"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_my_agent_changes", Map.of())).contains(
                "| jira_add_comment | comment "));

        Mcp.Result undone = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id));
        assertTrue(text(undone).startsWith("Done: undo " + id + " (delete comment "), text(undone));
        assertFalse(SandboxSite.get("/rest/api/3/issue/OPS-5?fields=comment").contains("consumer restart"));
    }

    @Test
    void anUndoIsRefusedWhenSomeoneChangedTheFieldSince() {
        String id = changeId(call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields",
                Map.of("Priority", "High"))));
        SandboxSite.send(Directory.BOB, "PUT", "/rest/api/3/issue/OPS-7", "{\"fields\":{\"priority\":{\"name\":"
                + "\"Highest\"}}}");

        Mcp.Result refused = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id));
        assertTrue(refused.isError());
        assertEquals("Not undone: Priority of OPS-7 changed again after your change " + id + ", and undoing it would "
                + "overwrite that. Nothing was changed. Read OPS-7 with jira_get_issue and set what is still wrong "
                + "with jira_update_issue.", refused.text());
        assertEquals("Highest", fields("OPS-7").getJsonObject("priority").getString("name"));
    }

    @Test
    void anUndoIsRefusedWhenTheCommentWasEditedSince() {
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Consumer restarted."));
        String id = changeId(added);
        String commentId = text(added).replaceFirst("(?s)Added comment (\\d+) .*", "$1");
        SandboxSite.send(Directory.BOT, "PUT", "/rest/api/3/issue/OPS-5/comment/" + commentId, "{\"body\":{\"type\":"
                + "\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Consumer restarted twice.\"}]}]}}");

        Mcp.Result refused = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id));
        assertTrue(refused.isError());
        assertTrue(refused.text().startsWith("Not undone: comment " + commentId + " on OPS-5 was edited at "),
                refused.text());
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-5?fields=comment").contains("restarted twice"));
    }

    @Test
    void onlyTheCallerWhoseAgentMadeTheChangeCanListAndUndoIt() {
        String id = changeId(call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7",
                "labels_add", List.of("grafana"))));
        Map<String, String> other = Mcp.as(Mcp.tokenFor("someone-else", "bob.martin@example.com"));
        assertEquals("No agent changes by you are recorded here yet.", text(call(Transport.STREAMABLE,
                "jira_list_my_agent_changes", Map.of(), other)));
        Mcp.Result refused = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id), other);
        assertTrue(refused.isError());
        assertEquals("Change " + id + " was made by another person's agent; only they can undo it. Nothing was "
                + "changed.", refused.text());
        assertEquals(List.of("grafana"), fields("OPS-7").getJsonArray("labels").getList());
    }

    @Test
    void fieldsAndValuesJiraWouldRefuseAreAnsweredWithWhatIsAllowedAndNothingIsSent() {
        Mcp.sandbox().clearRequests();
        assertError("'Colour' is not a field you can set on OPS-7. Fields: Summary (summary), Description "
                + "(description), Environment (environment), Priority (priority), Assignee (assignee), Labels "
                + "(labels), Due date (duedate), Fix versions (fixVersions), Story Points (customfield_10016), Severity (customfield_10030), Root "
                + "Cause (customfield_10040), Team (customfield_10050), Customer Impact (customfield_10060), Team "
                + "(customfield_10070).", Map.of("Colour", "red"));
        assertError("Several fields on OPS-7 are called 'team': customfield_10050, customfield_10070. Give the field "
                + "id instead.", Map.of("team", "SRE"));
        assertError("'Urgent' is not an allowed Priority. Allowed: Lowest, Low, Medium, High, Highest.",
                Map.of("priority", "Urgent"));
        assertError("'Sev 9' is not an allowed Severity. Allowed: Sev 1, Sev 2, Sev 3, Sev 4.",
                Map.of("Severity", "Sev 9"));
        assertError("Story Points takes a number, got \"five\"", Map.of("Story Points", "five"));
        assertError("Due date takes a date like 2026-12-31, got \"next friday\"", Map.of("duedate", "next friday"));
        assertError("'m' matches several Jira users for Assignee: Bob Martin (" + Directory.BOB.accountId() + "), "
                + "MCP Service Account (" + Directory.BOT.accountId() + "). Give the email or account id of the one "
                + "you mean.", Map.of("Assignee", "m"));
        assertError("No active Jira user matches 'nobody@example.com' for Assignee. Give their display name, email or "
                + "account id.", Map.of("Assignee", "nobody@example.com"));
        assertError("Summary is required on OPS-7 and cannot be cleared.", Map.of("summary", ""));
        assertError("Nothing to change: give fields, description, labels_add or labels_remove.", Map.of());
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("PUT ")), () -> Mcp.sandbox()
                .requests().toString());
    }

    private static void assertError(String message, Map<String, Object> fields) {
        Mcp.Result result = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields",
                fields));
        assertTrue(result.isError(), result::text);
        assertEquals("Invalid argument: " + message, result.text());
    }

    @Test
    void jiraRefusalsArePassedOnAndMissingIssuesAnswerLikeJira() {
        Mcp.Result tooLong = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields",
                Map.of("Summary", "x".repeat(300))));
        assertTrue(tooLong.isError());
        assertTrue(tooLong.text().contains("Summary must be less than 255 characters."), tooLong.text());
        Mcp.Result missing = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-999", "fields",
                Map.of("Priority", "High")));
        assertTrue(missing.isError());
        assertTrue(missing.text().contains("Issue does not exist or you do not have permission to see it."),
                missing.text());
    }

    @Test
    void malformedAndUnknownChangeIdsAreClear() {
        assertEquals(
                "Invalid argument: change_id must be a change id from jira_list_my_agent_changes, like OPS-5~k3j4h5g6f7, got "
                        + "'OPS-7'",
                text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", "OPS-7"))));
        assertEquals("No agent change OPS-7~aaaaaaaaaa is recorded on OPS-7. List yours with "
                + "jira_list_my_agent_changes.",
                text(call(Transport.STREAMABLE, "jira_undo_change", Map.of(
                        "change_id", "OPS-7~aaaaaaaaaa"))));
        Mcp.Result hidden = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", "SEC-1~aaaaaaaaaa"));
        assertTrue(hidden.isError());
        assertTrue(hidden.text().contains("Issue does not exist or you do not have permission to see it."),
                hidden.text());
    }

    @Test
    void theAuditEventCarriesTheChangeIdAndTheBeforeImage() {
        try (AuditEvents audit = AuditEvents.capture()) {
            String id = changeId(call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7",
                    "fields", Map.of("Priority", "High"))));
            JsonObject change = audit.single("jira_update_issue").getJsonArray("changes").getJsonObject(0);
            assertEquals(id, change.getString("changeId"));
            assertEquals("fields-edited", change.getString("action"));
            assertEquals(new JsonObject().put("priority", new JsonObject().put("id", "2")), change.getJsonObject(
                    "before"));
            assertEquals(new JsonObject().put("priority", new JsonObject().put("id", "4")), change.getJsonObject(
                    "after"));
        }
    }

    @Test
    void aDryRunShowsTheEditWithoutItsRecordAndSendsNothing() {
        Mcp.sandbox().clearRequests();
        String answer = text(call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields",
                Map.of("Priority", "High"), "dry_run", true)));
        assertTrue(answer.startsWith("Dry run: nothing was sent. This call would change Priority of OPS-7 with:\nPUT "
                + "/rest/api/3/issue/OPS-7\n{"), answer);
        assertTrue(answer.contains("\"priority\" : {\n      \"id\" : \"4\""), answer);
        assertFalse(answer.contains("atlmcp.change"), answer);
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("PUT ")));
    }

    @Test
    void anEditWhoseOutcomeIsUnknownIsNeverRetried() {
        Mcp.assertWriteFailuresAreClearAndNeverRetried(Transport.STREAMABLE, "PUT", "/rest/api/3/issue/OPS-7",
                "jira_update_issue", Map.of("issue_key", "OPS-7", "fields", Map.of("Priority", "High")),
                "change Priority of OPS-7", "read OPS-7 with jira_get_issue and compare Priority");
    }

    @Test
    void anEditedCommentIsUndoneToItsPreviousTextAndOthersCommentsAreRefused() {
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Queue at 41k."));
        String commentId = text(added).replaceFirst("(?s)Added comment (\\d+) .*", "$1");
        Mcp.Result edited = call(Transport.SSE, "jira_edit_comment", Map.of("issue_key", "OPS-5", "comment_id",
                commentId, "body", "Queue at **42k**."));
        assertTrue(edited.text().startsWith("Edited comment " + commentId + " on OPS-5.\nChange id: OPS-5~"),
                edited.text());
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-5?fields=comment").contains("42k"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(edited))))
                .startsWith("Done: undo "));
        String comments = SandboxSite.get("/rest/api/3/issue/OPS-5?fields=comment");
        assertTrue(comments.contains("Queue at 41k.") && !comments.contains("42k"), comments);

        String bobs = new JsonObject(SandboxSite.get("/rest/api/3/issue/OPS-1?fields=comment")).getJsonObject(
                "fields").getJsonObject("comment").getJsonArray("comments").getJsonObject(1).getString("id");
        Mcp.Result refused = call(Transport.STREAMABLE, "jira_edit_comment", Map.of("issue_key", "OPS-1",
                "comment_id", bobs, "body", "Rewritten."));
        assertTrue(refused.isError());
        assertTrue(refused.text().startsWith("Comment " + bobs + " on OPS-1 was written by Bob Martin; only comments "
                + "written by the account this server uses ("), refused.text());
        assertTrue(call(Transport.STREAMABLE, "jira_edit_comment", Map.of("issue_key", "OPS-1", "comment_id", "1",
                "body", "x")).text().startsWith("There is no comment 1 on OPS-1"));
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Workflow transitions: what is open from a status, moving by id, name or target status with the screen's fields and a
 * comment, helpful answers for unknown transitions and missing fields, and undo back to the previous status.
 */
@QuarkusTest
class TransitionsTest extends SandboxReset {

    private static String status(String key) {
        return new JsonObject(SandboxSite.get("/rest/api/3/issue/" + key + "?fields=status")).getJsonObject("fields")
                .getJsonObject("status").getString("name");
    }

    private static String changeId(Mcp.Result result) {
        assertFalse(result.isError(), result::text);
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    @Test
    void theOpenTransitionsShowTheirScreensRequiredFields() {
        String open = text(call(Transport.SSE, "jira_get_transitions", Map.of("issue_key", "OPS-1")));
        assertTrue(open.startsWith("OPS-1 is In Progress. Open transitions:"), open);
        assertTrue(open.contains("| 21 | Send to review | In Review |  |"), open);
        assertTrue(open.contains("| 31 | Done | Done | Resolution (required; one of Done, Won't Do, Duplicate, Cannot "
                + "Reproduce) |"), open);
    }

    @Test
    void anIssueMovesWithItsScreenFieldsAndACommentInOneRequest() {
        Mcp.Result moved = call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-1",
                "transition", "done", "fields", Map.of("Resolution", "Won't Do"), "comment",
                "Superseded by **OPS-4**."));
        assertTrue(moved.text().startsWith("Moved OPS-1 from In Progress to Done.\nChange id: OPS-1~"), moved.text());
        JsonObject fields = new JsonObject(SandboxSite.get("/rest/api/3/issue/OPS-1?fields=status,resolution,"
                + "comment")).getJsonObject("fields");
        assertEquals("Done", fields.getJsonObject("status").getString("name"));
        assertEquals("Won't Do", fields.getJsonObject("resolution").getString("name"));
        assertTrue(fields.getJsonObject("comment").encode().contains("Superseded by "));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count());
    }

    @Test
    void aTransitionIsUndoneByTheWayBackAndRefusedWhenThereIsNone() {
        String back = changeId(call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-7",
                "transition", "In Progress")));
        assertEquals("In Progress", status("OPS-7"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_my_agent_changes", Map.of())).contains(
                "| jira_transition_issue | move OPS-7 from In Review to In Progress | can undo |"));
        assertEquals("Done: undo " + back + " (move OPS-7 back to In Review).", text(call(Transport.STREAMABLE,
                "jira_undo_change", Map.of("change_id", back))));
        assertEquals("In Review", status("OPS-7"));

        String done = changeId(call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-1",
                "transition", "31", "fields", Map.of("resolution", "Done"))));
        Mcp.Result refused = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", done));
        assertTrue(refused.isError());
        assertEquals("Not undone: no transition leads OPS-1 from Done back to In Progress in its workflow. Nothing "
                + "was changed; move it with jira_transition_issue if it should go back.", refused.text());
        assertEquals("Done", status("OPS-1"));
    }

    @Test
    void anUndoIsRefusedWhenTheIssueMovedOnSince() {
        String id = changeId(call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-5",
                "transition", "Start progress")));
        SandboxSite.send(Directory.JANE, "POST", "/rest/api/3/issue/OPS-5/transitions",
                "{\"transition\":{\"id\":\"21\"}}");
        Mcp.Result refused = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id));
        assertEquals("Not undone: OPS-5 is In Review now; your change " + id + " moved it to In Progress and it moved "
                + "again since. Nothing was changed.", refused.text());
    }

    @Test
    void unknownTransitionsAndMissingFieldsAreAnsweredWithWhatIsOpen() {
        Mcp.sandbox().clearRequests();
        assertEquals("Invalid argument: 'Archive' is not a transition open from In Progress on OPS-1. Open: Send to "
                + "review (id 21) to In Review; Done (id 31) to Done; Stop progress (id 61) to To Do.",
                text(call(
                        Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-1", "transition",
                                "Archive"))));
        assertEquals("Invalid argument: Moving OPS-1 to Done needs these required fields: Resolution (resolution; one "
                + "of Done, Won't Do, Duplicate, Cannot Reproduce). Give them in fields.",
                text(call(
                        Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-1", "transition",
                                "Done"))));
        assertEquals("Invalid argument: 'Fixed' is not an allowed Resolution. Allowed: Done, Won't Do, Duplicate, "
                + "Cannot Reproduce.",
                text(call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key",
                        "OPS-1", "transition", "Done", "fields", Map.of("Resolution", "Fixed")))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")));
        Mcp.Result missing = call(Transport.STREAMABLE, "jira_get_transitions", Map.of("issue_key", "OPS-999"));
        assertTrue(missing.isError());
        assertTrue(missing.text().contains("Issue does not exist or you do not have permission to see it."));
    }

    @Test
    void aTransitionWhoseOutcomeIsUnknownIsNeverRetried() {
        Mcp.assertWriteFailuresAreClearAndNeverRetried(Transport.STREAMABLE, "POST", "/rest/api/3/issue/OPS-5/"
                + "transitions", "jira_transition_issue", Map.of("issue_key", "OPS-5", "transition", "11"),
                "move OPS-5 from To Do to In Progress", "read OPS-5 with jira_get_issue and look at its status");
    }
}

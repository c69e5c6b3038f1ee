package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
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
import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Change records live in issue properties, which anyone who can edit the issue can rewrite through Jira's own API. The
 * server signs each record, so undo acts only on records it wrote, unaltered: a record rewritten for another person, an
 * invented one, one with changed values or one signed by an unknown key is refused and audited.
 */
@QuarkusTest
class ForgedRecordsTest extends SandboxReset {

    private static final Pattern CHANGE_ID = Pattern.compile("Change id: (OPS-5~([a-z2-7]{10})) ");
    private static final Map<String, String> MALLORY = Mcp.as(Mcp.tokenFor("mallory", "bob.martin@example.com"));

    private record Made(String id, String property, String commentId) {
    }

    private static Made janeComments() {
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Consumer restarted."));
        assertFalse(added.isError(), added::text);
        Matcher id = CHANGE_ID.matcher(added.text());
        assertTrue(id.find(), added.text());
        return new Made(id.group(1), "atlmcp.change." + id.group(2), added.text().replaceFirst(
                "(?s)Added comment (\\d+) .*", "$1"));
    }

    private static JsonObject record(Made made) {
        return new JsonObject(SandboxSite.get("/rest/api/3/issue/OPS-5/properties/" + made.property())).getJsonObject(
                "value");
    }

    private static void rewrite(String property, JsonObject record) {
        SandboxSite.send(Directory.BOB, "PUT", "/rest/api/3/issue/OPS-5/properties/" + property, record.encode());
    }

    private static void assertRefused(String changeId, String why, Map<String, String> as, String commentId) {
        try (AuditEvents audit = AuditEvents.capture()) {
            Mcp.Result refused = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId), as);
            assertTrue(refused.isError(), refused::text);
            assertEquals("Change " + changeId + " cannot be undone: " + why + ". Nothing was changed; the refusal is "
                    + "in the audit log. Undo it by hand if it should be undone.", refused.text());
            JsonObject event = audit.single("jira_undo_change");
            assertEquals("error", event.getString("outcome"));
            assertEquals("unverified_record", event.getString("errorKind"));
        }
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-5/comment/" + commentId).contains("Consumer restarted"),
                "the comment is still there");
    }

    @Test
    void aRecordRewrittenForAnotherPersonIsRefused() {
        Made made = janeComments();
        rewrite(made.property(), record(made).put("subject", "mallory"));
        assertRefused(made.id(), "its record was altered after this server wrote it", MALLORY, made.commentId());
    }

    @Test
    void aRecordWhoseValuesWereChangedIsRefusedEvenForItsOwner() {
        Made made = janeComments();
        Made other = janeComments();
        JsonObject record = record(made);
        record.getJsonObject("after").put("commentId", other.commentId());
        rewrite(made.property(), record);
        assertRefused(made.id(), "its record was altered after this server wrote it", Mcp.as(Mcp.token()), other
                .commentId());
    }

    @Test
    void anInventedRecordIsRefused() {
        Made made = janeComments();
        String invented = "atlmcp.change.aaaaaaaaaa";
        JsonObject record = record(made).put("changeId", "OPS-5~aaaaaaaaaa").put("subject", "mallory");
        record.remove("sig");
        rewrite(invented, record);
        assertRefused("OPS-5~aaaaaaaaaa", "its record carries no signature (records written before version 0.2.0 "
                + "have none), so this server cannot tell that it wrote it and that nobody altered it since",
                MALLORY, made.commentId());
    }

    @Test
    void aRecordSignedWithAKeyTheServerDoesNotHoldIsRefused() {
        Made made = janeComments();
        JsonObject record = record(made);
        record.put("sig", "retired." + record.getString("sig").substring(record.getString("sig").indexOf('.') + 1));
        rewrite(made.property(), record);
        assertRefused(made.id(), "its record was signed with a key this server no longer holds (a key taken off "
                + "MCP_SIGNING_KEYS), or by another server", Mcp.as(Mcp.token()), made.commentId());
    }

    @Test
    void anUnalteredRecordStillUndoes() {
        Made made = janeComments();
        rewrite(made.property(), record(made));
        Mcp.Result undone = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", made.id()));
        assertFalse(undone.isError(), undone::text);
        assertFalse(SandboxSite.get("/rest/api/3/issue/OPS-5?fields=comment").contains("Consumer restarted"));
    }
}

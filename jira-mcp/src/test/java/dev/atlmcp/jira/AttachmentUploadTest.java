package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Attaching a file from a tool call's content: text or base64, read back through MCP as it was sent, previewed by a dry
 * run, refused with one clear message for each bad argument, and removed again by undo.
 */
@QuarkusTest
class AttachmentUploadTest extends SandboxReset {

    private static final String NOTES = "# Triage\n\n| minute | errors |\n|---|---|\n| 00:12 | 44 |\n";

    private static Mcp.Result attach(Transport transport, Map<String, Object> arguments) {
        Map<String, Object> all = new HashMap<>(Map.of("issue_key", "OPS-5"));
        all.putAll(arguments);
        return call(transport, "jira_add_attachment", all);
    }

    private static String changeId(Mcp.Result result) {
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    private static String attachmentId(String issue, String filename) {
        String list = text(call(Transport.STREAMABLE, "jira_get_attachments", Map.of("issue_key", issue)));
        return list.lines().filter(l -> l.contains(filename)).findFirst().orElseThrow(() -> new AssertionError(list))
                .split("\\|")[1].trim();
    }

    @Test
    void aTextFileIsAttachedReadBackAsSentAndRemovedByUndo() {
        Mcp.Result added = attach(Transport.STREAMABLE, Map.of("filename", "triage-notes.md", "text", NOTES));
        assertFalse(added.isError(), added::text);
        assertTrue(added.text().startsWith("Done: triage-notes.md attached to OPS-5.\nChange id: OPS-5~"), added
                .text());
        String id = attachmentId("OPS-5", "triage-notes.md");
        assertTrue(SandboxSite.get("/rest/api/3/attachment/" + id).contains("\"mimeType\":\"text/markdown\""));
        String read = text(call(Transport.SSE, "jira_read_attachment", Map.of("issue_key", "OPS-5", "attachment_id",
                id)));
        assertTrue(read.contains("| 00:12 | 44 |"), read);
        assertTrue(Mcp.sandbox().requests().contains("POST /rest/api/3/issue/OPS-5/attachments 200"), Mcp.sandbox()
                .requests()::toString);

        String undone = text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(added))));
        assertTrue(undone.startsWith("Done: undo OPS-5~"), undone);
        assertEquals("OPS-5 has no attachments.", text(call(Transport.STREAMABLE, "jira_get_attachments", Map.of(
                "issue_key", "OPS-5"))));
    }

    @Test
    void anImageGivenAsBase64ArrivesByteForByteOverSse() {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
                + "hQGAhKmMIQAAAABJRU5ErkJggg==");
        Mcp.Result added = attach(Transport.SSE, Map.of("filename", "pixel.png", "base64", Base64.getMimeEncoder()
                .encodeToString(png), "media_type", "image/png"));
        assertTrue(added.text().startsWith("Done: pixel.png attached to OPS-5."), added.text());
        String id = attachmentId("OPS-5", "pixel.png");
        McpStreamableTestClient client = Mcp.client();
        try {
            client.when().toolsCall("jira_read_attachment").withArguments(Map.of("issue_key", "OPS-5",
                    "attachment_id", id)).withAssert(r -> {
                        assertEquals("image/png", r.content().get(1).asImage().mimeType());
                        assertEquals(Base64.getEncoder().encodeToString(png), r.content().get(1).asImage().data());
                    }).send().thenAssertResults();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aDryRunShowsTheFileWithItsDigestAndSendsNothing() {
        String preview = text(attach(Transport.STREAMABLE, Map.of("filename", "notes.txt", "text", "pool at 50/50",
                "dry_run", true)));
        assertTrue(preview.startsWith("Dry run: nothing was sent. This call would attach notes.txt (text/plain, 13 B) "
                + "to OPS-5 with:\nPOST /rest/api/3/issue/OPS-5/attachments"), preview);
        assertTrue(preview.contains("\"sha256\" : \"") && preview.contains("\"size\" : 13"), preview);
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void eachBadArgumentIsOneClearRefusalAndNothingIsSent() {
        assertEquals("Invalid argument: Give the file's content as exactly one of text (for text files) and base64 "
                + "(with media_type, for any file)",
                text(attach(Transport.STREAMABLE, Map.of("filename", "a.txt",
                        "text", "x", "base64", "eA=="))));
        assertEquals("Invalid argument: filename must be a plain file name of at most 255 characters, without / \\ : "
                + "* ? \" < > | or control characters, e.g. checkout-errors.csv",
                text(attach(Transport.STREAMABLE, Map
                        .of("filename", "../../etc/passwd", "text", "x"))));
        assertEquals("Invalid argument: media_type is needed with base64, e.g. image/png or application/pdf", text(
                attach(Transport.STREAMABLE, Map.of("filename", "a.bin", "base64", "eA=="))));
        assertTrue(text(attach(Transport.STREAMABLE, Map.of("filename", "a.bin", "base64", "%%%", "media_type",
                "application/octet-stream"))).startsWith("Invalid argument: base64 is not valid base64"));
        assertEquals("Invalid argument: big.log is 2,097,153 bytes; files up to 2,097,152 bytes can be attached here "
                + "(MCP_POLICY_MAX_UPLOAD_BYTES). Attach a larger file in the product itself",
                text(attach(
                        Transport.STREAMABLE, Map.of("filename", "big.log", "text", "x".repeat(2 * 1024 * 1024 + 1)))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void anIssueTheAccountCannotChangeOrSeeIsAClearError() {
        Mcp.Result web = call(Transport.STREAMABLE, "jira_add_attachment", Map.of("issue_key", "WEB-1", "filename",
                "a.txt", "text", "x"));
        assertTrue(web.isError(), web::text);
        assertTrue(web.text().startsWith("Atlassian denied this operation (HTTP 403)"), web.text());
        Mcp.Result missing = call(Transport.STREAMABLE, "jira_add_attachment", Map.of("issue_key", "OPS-999",
                "filename", "a.txt", "text", "x"));
        assertTrue(missing.isError(), missing::text);
        assertEquals("Not found: Issue does not exist or you do not have permission to see it. Check the key or id.",
                missing.text());
    }

    @Test
    void anAttachmentSomeoneAlreadyRemovedIsNotUndoneTwice() {
        Mcp.Result added = attach(Transport.STREAMABLE, Map.of("filename", "gone.txt", "text", "x"));
        SandboxSite.send(Directory.BOT, "DELETE", "/rest/api/3/attachment/" + attachmentId("OPS-5", "gone.txt"),
                null);
        String undone = text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(added))));
        assertTrue(undone.startsWith("Nothing to undo for OPS-5~") && undone.contains("attachment gone.txt is no "
                + "longer on OPS-5"), undone);
    }
}

package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Attaching a file to a page from a tool call's content: read back through MCP as sent, previewed by a dry run, a name
 * the page already has refused, and moved to the trash by undo.
 */
@QuarkusTest
class AttachmentUploadTest extends SandboxReset {

    private static final String PAGE = "131079";

    private static Mcp.Result attach(Transport transport, Map<String, Object> arguments) {
        Map<String, Object> all = new HashMap<>(Map.of("page_id", PAGE));
        all.putAll(arguments);
        return call(transport, "confluence_add_attachment", all);
    }

    private static String changeId(Mcp.Result result) {
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    private static String list() {
        return call(Transport.STREAMABLE, "confluence_get_attachments", Map.of("page_id", PAGE)).text();
    }

    @Test
    void aTextFileIsAttachedReadBackAndMovedToTheTrashByUndo() {
        Mcp.Result added = attach(Transport.STREAMABLE, Map.of("filename", "lag-notes.md", "text",
                "Consumer lag peaked at **910** messages.\n", "comment", "Notes from the lag incident"));
        assertFalse(added.isError(), added::text);
        assertTrue(added.text().startsWith("Done: lag-notes.md attached to page 131079 (Runbook: payment webhooks)."
                + "\nChange id: 131079~"), added.text());
        assertTrue(list().contains("| lag-notes.md | text/markdown |"), list());
        String read = call(Transport.SSE, "confluence_read_attachment", Map.of("page_id", PAGE, "attachment_id",
                "lag-notes.md")).text();
        assertTrue(read.contains("Consumer lag peaked at **910** messages."), read);
        assertTrue(Mcp.sandbox().requests().contains("POST /wiki/rest/api/content/131079/child/attachment 200"), Mcp
                .sandbox().requests()::toString);

        String undone = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId(added)))
                .text();
        assertTrue(undone.startsWith("Done: undo 131079~"), undone);
        assertFalse(list().contains("lag-notes.md"), list());
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.matches("DELETE /wiki/api/v2/attachments/\\d+ "
                + "204")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void anImageGivenAsBase64IsStoredByteForByte() {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
                + "hQGAhKmMIQAAAABJRU5ErkJggg==");
        Mcp.Result added = attach(Transport.SSE, Map.of("filename", "lag.png", "base64", Base64.getEncoder()
                .encodeToString(png), "media_type", "image/png"));
        assertTrue(added.text().startsWith("Done: lag.png attached to page 131079"), added.text());
        assertTrue(list().contains("| lag.png | image/png | 70 B |"), list());
    }

    @Test
    void aDryRunShowsTheFileAndANameThePageHasIsRefused() {
        String preview = attach(Transport.STREAMABLE, Map.of("filename", "notes.txt", "text", "910 messages",
                "comment", "Lag notes", "dry_run", true)).text();
        assertTrue(preview.startsWith("Dry run: nothing was sent. This call would attach notes.txt (text/plain, 12 B) "
                + "to page 131079 (Runbook: payment webhooks) with:\nPOST /wiki/rest/api/content/131079/child/"
                + "attachment"), preview);
        assertTrue(preview.contains("\"sha256\" : \"") && preview.contains("\"comment\" : \"Lag notes\"")
                && preview.contains("\"minorEdit\" : \"false\""), preview);
        Mcp.Result clash = attach(Transport.STREAMABLE, Map.of("filename", "consumer-lag.csv", "text", "a,b\n"));
        assertTrue(clash.isError(), clash::text);
        assertEquals("Page 131079 already has an attachment named consumer-lag.csv. Choose another file name; this "
                + "server does not replace attachments.", clash.text());
        assertEquals("Invalid argument: filename must be a plain file name of at most 255 characters, without / \\ : "
                + "* ? \" < > | or control characters, e.g. checkout-errors.csv",
                attach(Transport.STREAMABLE, Map.of(
                        "filename", "..\\secrets.txt", "text", "x")).text());
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void anAttachmentSomeoneAlreadyRemovedIsNotUndoneTwice() {
        Mcp.Result added = attach(Transport.STREAMABLE, Map.of("filename", "gone.txt", "text", "x"));
        String id = list().lines().filter(l -> l.contains("| gone.txt |")).findFirst().orElseThrow().split("\\|")[1]
                .trim();
        SandboxSite.send(Directory.BOT, "DELETE", "/wiki/api/v2/attachments/" + id.replace("att", ""), null);
        String undone = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId(added)))
                .text();
        assertEquals("The attachment gone.txt of change " + changeId(added) + " is no longer on page 131079: someone "
                + "removed it already. Nothing was changed.", undone);
    }
}

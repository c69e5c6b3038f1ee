package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.Mcp.Transport;

/** Attachments: listed, text read (capped, fenced, secrets masked), images sent as image content. */
@QuarkusTest
class AttachmentsTest extends SandboxReset {

    private static String id(String list, String file) {
        Matcher id = Pattern.compile("\\| (\\d+) \\| " + Pattern.quote(file) + " \\|").matcher(list);
        assertTrue(id.find(), list);
        return id.group(1);
    }

    @Test
    void textAttachmentsAreReadCappedFencedAndMasked() {
        String list = Mcp.call(Transport.STREAMABLE, "jira_get_attachments", Map.of("issue_key", "OPS-1")).text();
        assertTrue(list.startsWith("3 attachments on OPS-1"), list);
        assertTrue(list.contains("| pool-exhaustion.log | text/plain | "), list);
        String log = Mcp.call(Transport.SSE, "jira_read_attachment", Map.of("issue_key", "OPS-1", "attachment_id",
                id(list, "pool-exhaustion.log"))).text();
        assertTrue(log.startsWith("# pool-exhaustion.log (OPS-1, "), log);
        assertTrue(log.contains("Showing the first 20000 of "), log);
        assertTrue(log.contains("⟦data ") && log.contains("HikariPool-1 - Connection is not available"), log);
        assertFalse(log.contains("Sup3rS3cret!"), "the password is masked");
        String csv = Mcp.call(Transport.STREAMABLE, "jira_read_attachment", Map.of("issue_key", "OPS-1",
                "attachment_id", id(list, "checkout-errors.csv"))).text();
        assertTrue(csv.contains("00:12,44,7300") && !csv.contains("Showing the first"), csv);
        assertTrue(Mcp.call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1")).text().contains(
                "Attachments: pool-exhaustion.log ("));
    }

    @Test
    void imagesComeBackAsImageContent() {
        String list = Mcp.call(Transport.STREAMABLE, "jira_get_attachments", Map.of("issue_key", "OPS-1")).text();
        McpStreamableTestClient client = Mcp.client();
        client.when().toolsCall("jira_read_attachment").withArguments(Map.of("issue_key", "OPS-1", "attachment_id",
                id(list, "latency.png"))).withAssert(r -> {
                    assertFalse(r.isError());
                    assertEquals("latency.png (OPS-1)", r.content().get(0).asText().text());
                    assertEquals("image/png", r.content().get(1).asImage().mimeType());
                    assertTrue(r.content().get(1).asImage().data().startsWith("iVBORw0KGgo"), "a PNG");
                }).send().thenAssertResults();
        client.disconnect();
    }

    @Test
    void unknownAttachmentsAndOtherIssuesAreRefused() {
        assertEquals("There is no attachment 1 on OPS-1. List them with jira_get_attachments.", Mcp.call(
                Transport.STREAMABLE, "jira_read_attachment", Map.of("issue_key", "OPS-1", "attachment_id", "1"))
                .text());
        assertEquals("OPS-5 has no attachments.", Mcp.call(Transport.STREAMABLE, "jira_get_attachments", Map.of(
                "issue_key", "OPS-5")).text());
    }
}

package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** confluence_get_attachments and confluence_read_attachment on Cloud. */
@QuarkusTest
class AttachmentsTest extends SandboxReset {

    private static String id(String list, String file) {
        return list.lines().filter(l -> l.contains("| " + file + " |")).findFirst().orElseThrow().split("\\|")[1]
                .trim();
    }

    @Test
    void attachmentsAreListedAndTextIsReadFencedAsData() {
        String list = Mcp.call(Transport.STREAMABLE, "confluence_get_attachments", Map.of("page_id", "131079")).text();
        assertTrue(list.startsWith("2 attachments on page 131079 (Runbook: payment webhooks) (read one with "
                + "confluence_read_attachment):"), list);
        assertTrue(list.matches("(?s).*\\| att\\d+ \\| consumer-lag\\.csv \\| text/csv \\| 48 B \\| account \\S+ \\| "
                + ".*"), list);
        String csv = Mcp.call(Transport.SSE, "confluence_read_attachment", Map.of("page_id", "131079",
                "attachment_id", id(list, "consumer-lag.csv"))).text();
        assertTrue(csv.startsWith("# consumer-lag.csv (page 131079, 48 B)\n"), csv);
        assertTrue(csv.contains("⟦data ") && csv.contains("00:10,910"), csv);
        // the API operation redirects to the media store, which refuses the site's credentials (SandboxMediaTest)
        assertTrue(Mcp.sandbox().requests().contains("GET /wiki/rest/api/content/131079/child/attachment/"
                + id(list, "consumer-lag.csv") + "/download 302"), Mcp.sandbox().requests()::toString);
    }

    @Test
    void imagesComeBackAsImageContent() {
        McpStreamableTestClient client = Mcp.client();
        client.when().toolsCall("confluence_read_attachment").withArguments(Map.of("page_id", "131079",
                "attachment_id", "queue-depth.png")).withAssert(r -> {
                    assertFalse(r.isError());
                    assertEquals("queue-depth.png (page 131079)", r.content().get(0).asText().text());
                    assertEquals("image/png", r.content().get(1).asImage().mimeType());
                    assertTrue(r.content().get(1).asImage().data().startsWith("iVBORw0KGgo"), "a PNG");
                }).send().thenAssertResults();
        client.disconnect();
    }

    @Test
    void unknownAttachmentsAndHiddenPagesAreRefused() {
        assertEquals("There is no attachment att1 on page 131079. List them with confluence_get_attachments.", Mcp
                .call(Transport.STREAMABLE, "confluence_read_attachment", Map.of("page_id", "131079",
                        "attachment_id", "att1"))
                .text());
        assertEquals("No attachments on page 131076 (Runbook: settlement job backlog).", Mcp.call(
                Transport.STREAMABLE, "confluence_get_attachments", Map.of("page_id", "131076")).text());
        assertTrue(Mcp.call(Transport.STREAMABLE, "confluence_get_attachments", Map.of("page_id", "262146")).text()
                .startsWith("Not found"));
    }
}

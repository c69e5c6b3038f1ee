package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * The account the calls use may read the ARC space but not change it (the sandbox's permissions): every write tool says
 * so clearly, and nothing is changed.
 */
@QuarkusTest
class PermissionDeniedTest extends SandboxReset {

    @Test
    void everyWriteToASpaceTheAccountMayOnlyReadIsDenied() {
        String legacy = "327682";
        Map<String, Map<String, Object>> writes = new java.util.LinkedHashMap<>();
        writes.put("confluence_update_page", Map.of("page_id", legacy, "body", "x", "version", 1));
        writes.put("confluence_update_section", Map.of("page_id", legacy, "heading", "Status", "body", "Deleted."));
        writes.put("confluence_append_to_page", Map.of("page_id", legacy, "body", "x"));
        writes.put("confluence_add_comment", Map.of("page_id", legacy, "body", "x"));
        writes.put("confluence_add_inline_comment", Map.of("page_id", legacy, "selection", "Retired", "body", "x"));
        writes.put("confluence_add_labels", Map.of("page_id", legacy, "labels", List.of("retired")));
        writes.put("confluence_add_attachment", Map.of("page_id", legacy, "filename", "audit.txt", "text", "x"));
        writes.put("confluence_create_page", Map.of("space", "ARC", "title", "Legacy ledger", "body", "x"));
        writes.forEach((tool, arguments) -> {
            Mcp.Result result = call(Transport.STREAMABLE, tool, arguments);
            assertTrue(result.isError(), tool + ": " + result.text());
            String text = result.text();
            assertTrue(text.startsWith("Atlassian denied this operation (HTTP 403): ") && text.contains(
                    "ot permitted to change content in space ARC. The Atlassian account used lacks the permission"),
                    tool + ": " + text);
        });
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", legacy)).text().contains(
                "Retired in 2025; kept for audits."), "reading is allowed");
        assertEquals(List.of(), Mcp.sandbox().requests().stream().filter(r -> !r.startsWith("GET ") && r.matches(
                ".* 2\\d\\d")).toList());
    }
}

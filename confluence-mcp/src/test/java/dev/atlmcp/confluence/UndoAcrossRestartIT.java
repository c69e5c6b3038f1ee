package dev.atlmcp.confluence;

import static dev.atlmcp.testing.RestartableServer.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.RestartableServer;

/** A page update made before a server restart is listed and undone after it: the record is on the page. */
class UndoAcrossRestartIT {

    @Test
    void aPageUpdateMadeBeforeARestartIsListedAndUndoneAfterIt() throws Exception {
        try (RestartableServer server = RestartableServer.start("confluence-restart")) {
            McpStreamableTestClient before = server.session();
            String page = call(before, "confluence_get_page", Map.of("page_id", "131079"));
            String updated = call(before, "confluence_update_page", Map.of("page_id", "131079", "body",
                    PageUpdatesTest.body(page) + "\n\nReviewed after the incident.", "version", PageUpdatesTest
                            .version(page)));
            Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(updated);
            assertTrue(id.find(), updated);
            before.disconnect();

            server.restart();

            McpStreamableTestClient after = server.session();
            assertTrue(call(after, "confluence_list_my_agent_changes", Map.of()).contains("| " + id.group(1) + " | "));
            assertTrue(call(after, "confluence_undo_change", Map.of("change_id", id.group(1))).startsWith(
                    "Done: undo " + id.group(1)));
            assertEquals(PageUpdatesTest.body(page), PageUpdatesTest.body(call(after, "confluence_get_page", Map.of(
                    "page_id", "131079"))));
            after.disconnect();
        }
    }
}

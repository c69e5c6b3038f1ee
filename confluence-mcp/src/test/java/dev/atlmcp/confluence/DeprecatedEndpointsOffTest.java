package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * With the Cloud operations Atlassian has deprecated switched off in the sandbox (they answer 410, as removed ones do),
 * every write keeps its change record and every undo finds it: records live in the v2 page properties.
 */
@QuarkusTest
class DeprecatedEndpointsOffTest extends SandboxReset {

    private static final Pattern CHANGE = Pattern.compile("Change id: (\\S+?)[ .]");

    @BeforeEach
    void switchOff() {
        Mcp.sandbox().deprecatedEndpoints(true);
    }

    @AfterEach
    void switchOn() {
        Mcp.sandbox().deprecatedEndpoints(false);
    }

    @Test
    void writesAndUndoKeepAndFindTheirRecordsWithoutV1ContentProperties() {
        String page = Mcp.call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "131076")).text();
        String updated = Mcp.call(Transport.STREAMABLE, "confluence_update_page", Map.of("page_id", "131076", "body",
                PageUpdatesTest.body(page) + "\n\nChecked on Monday.", "version", PageUpdatesTest.version(page)))
                .text();
        assertTrue(updated.startsWith("Updated page 131076 ") && !updated.contains("could not be saved"), updated);
        assertUndone(updated);

        String labelled = Mcp.call(Transport.SSE, "confluence_add_labels", Map.of("page_id", "131076", "labels",
                List.of("checked"))).text();
        assertTrue(labelled.startsWith("Added checked to page 131076") && !labelled.contains("could not be saved"),
                labelled);
        assertUndone(labelled);

        String created = Mcp.call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "ENG", "title",
                "Runbook: cache warm-up", "body", "1. Warm the cache")).text();
        assertTrue(created.startsWith("Created page ") && !created.contains("could not be saved"), created);
        String again = Mcp.call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "ENG", "title",
                "Runbook: cache warm-up", "body", "1. Warm the cache")).text();
        assertTrue(again.contains("already exists in space ENG: an identical earlier request created it"), again);

        List<String> requests = Mcp.sandbox().requests();
        assertEquals(List.of(), requests.stream().filter(r -> r.contains("/wiki/rest/api/content/") && r.contains(
                "/property")).toList(), "no v1 content property request");
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("POST /wiki/api/v2/pages/131076/properties 200")),
                requests::toString);
        assertTrue(requests.stream().anyMatch(r -> r.matches("PUT /wiki/api/v2/pages/131076/properties/\\d+ 200")),
                requests::toString);
    }

    private static void assertUndone(String answer) {
        Matcher change = CHANGE.matcher(answer);
        assertTrue(change.find(), answer);
        String undone = Mcp.call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", change.group(1)))
                .text();
        assertTrue(undone.startsWith("Done: undo ") && !undone.contains("could not"), undone);
    }
}

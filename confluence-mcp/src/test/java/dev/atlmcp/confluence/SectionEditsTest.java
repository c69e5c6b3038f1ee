package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * confluence_update_section and confluence_append_to_page on Cloud: the new content is spliced into the stored ADF, so
 * the macros, layout, image and inline-comment marker of the runbook page come back exactly as they were.
 */
@QuarkusTest
class SectionEditsTest extends SandboxReset {

    private static final String RUNBOOK = "131079";

    private static JsonArray storedBlocks() {
        return blocks(RUNBOOK);
    }

    private static int indexOfHeading(JsonArray blocks, String text) {
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject block = blocks.getJsonObject(i);
            if (block.getString("type").equals("heading") && block.encode().contains("\"text\":\"" + text + "\"")) {
                return i;
            }
        }
        throw new AssertionError("no heading " + text + " in " + blocks.encode());
    }

    @Test
    void aSectionIsReplacedAndEverythingElseOnThePageStaysAsItWas() {
        JsonArray before = storedBlocks();
        int symptoms = indexOfHeading(before, "Symptoms");
        int steps = indexOfHeading(before, "Steps");
        Mcp.Result updated = call(Transport.STREAMABLE, "confluence_update_section", Map.of("page_id", RUNBOOK,
                "heading", "symptoms", "body", "The queue grows when **the consumer** is down.\n\n- lag above 5 min",
                "version", 1));
        assertFalse(updated.isError(), updated::text);
        assertTrue(updated.text().startsWith("Updated page 131079 (Runbook: payment webhooks) to version 2.\nChange "
                + "id: 131079~"), updated.text());

        JsonArray after = storedBlocks();
        for (int i = 0; i <= symptoms; i++) {
            assertEquals(before.getJsonObject(i), after.getJsonObject(i), "block " + i + " before the section");
        }
        assertEquals("paragraph", after.getJsonObject(symptoms + 1).getString("type"));
        assertTrue(after.getJsonObject(symptoms + 1).encode().contains("the consumer"));
        assertEquals("bulletList", after.getJsonObject(symptoms + 2).getString("type"));
        int tail = before.size() - steps;
        for (int i = 0; i < tail; i++) {
            assertEquals(before.getJsonObject(steps + i), after.getJsonObject(symptoms + 3 + i), "block " + (steps
                    + i) + " after the section (the Steps section and what follows)");
        }
        assertEquals(symptoms + 3 + tail, after.size());
    }

    @Test
    void theSectionEditIsRecordedAndUndoneByRestoringThePreviousVersion() {
        JsonArray before = storedBlocks();
        Mcp.Result updated = call(Transport.SSE, "confluence_update_section", Map.of("page_id", RUNBOOK, "heading",
                "Steps", "body", "1. Drain the queue\n2. Restart the consumer"));
        String id = updated.text().replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
        assertTrue(call(Transport.STREAMABLE, "confluence_list_my_agent_changes", Map.of()).text().contains(id));
        assertTrue(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id)).text().startsWith(
                "Done: "));
        assertEquals(before, storedBlocks());
    }

    @Test
    void appendAddsAtTheEndAndKeepsEverythingBefore() {
        JsonArray before = storedBlocks();
        Mcp.Result appended = call(Transport.STREAMABLE, "confluence_append_to_page", Map.of("page_id", RUNBOOK,
                "body", "## Incident log\n\n2026-11-22: drained 41k messages.", "message", "Log entry"));
        assertTrue(appended.text().startsWith("Updated page 131079 (Runbook: payment webhooks) to version 2."),
                appended.text());
        JsonArray after = storedBlocks();
        assertEquals(before.size() + 2, after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.getJsonObject(i), after.getJsonObject(i), "block " + i);
        }
        assertTrue(after.getJsonObject(before.size()).encode().contains("Incident log"));
    }

    @Test
    void headingsThatAreMissingNestedOrAmbiguousAndStaleVersionsAreRefusedWithoutWriting() {
        assertEquals("Invalid argument: The heading 'Contacts' sits inside a layout, and sections are edited only at "
                + "the top level of a page. Change that part with confluence_update_page.",
                call(Transport.STREAMABLE,
                        "confluence_update_section", Map.of("page_id", RUNBOOK, "heading", "Contacts", "body", "x"))
                                .text());
        assertEquals("Invalid argument: There is no heading 'Rollback' at the top level of the page. Its headings: "
                + "Symptoms; Steps.",
                call(Transport.STREAMABLE, "confluence_update_section", Map.of("page_id",
                        RUNBOOK, "heading", "Rollback", "body", "x")).text());
        Mcp.Result stale = call(Transport.STREAMABLE, "confluence_update_section", Map.of("page_id", RUNBOOK,
                "heading", "Steps", "body", "x", "version", 7));
        assertTrue(stale.isError());
        assertTrue(stale.text().startsWith("Not updated: page 131079 changed after you read version 7 (it is at "
                + "version 1 now)."), stale.text());
        assertTrue(call(Transport.STREAMABLE, "confluence_update_section", Map.of("page_id", RUNBOOK, "heading", " ",
                "body", "x")).text().startsWith("Invalid argument: heading must not be empty"));
        assertTrue(call(Transport.STREAMABLE, "confluence_append_to_page", Map.of("page_id", RUNBOOK, "body", ""))
                .text().startsWith("Invalid argument: body must not be empty"));
        assertEquals("Not found. It does not exist or the Atlassian account used may not see it (Atlassian answers "
                + "404 for both). Check the key or id.",
                call(Transport.STREAMABLE, "confluence_append_to_page", Map
                        .of("page_id", "999999", "body", "x")).text());
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("PUT ")), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void aDryRunShowsTheSplicedRequestAndWritesNothing() {
        String preview = call(Transport.STREAMABLE, "confluence_update_section", Map.of("page_id", RUNBOOK, "heading",
                "Steps", "body", "1. Drain", "dry_run", true)).text();
        assertTrue(preview.contains("PUT /wiki/api/v2/pages/131079"), preview);
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("PUT ")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "65540", "65541", "131078", "196610", "196611" })
    void appendingToPagesBuiltFromTheAdfCorpusKeepsEveryBlockTheyHad(String pageId) {
        JsonArray before = blocks(pageId);
        Mcp.Result appended = call(Transport.STREAMABLE, "confluence_append_to_page", Map.of("page_id", pageId, "body",
                "Reviewed on 2026-11-22."));
        assertFalse(appended.isError(), appended::text);
        JsonArray after = blocks(pageId);
        assertEquals(before.size() + 1, after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.getJsonObject(i), after.getJsonObject(i), "block " + i + " of page " + pageId);
        }
    }

    private static JsonArray blocks(String pageId) {
        JsonObject page = new JsonObject(SandboxSite.get("/wiki/api/v2/pages/" + pageId
                + "?body-format=atlas_doc_format"));
        return new JsonObject(page.getJsonObject("body").getJsonObject("atlas_doc_format").getString("value"))
                .getJsonArray("content");
    }
}

package dev.atlmcp.confluence;

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
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Whole-page updates on top of the version read: a read, edit, write round trip keeps every macro, image, layout and
 * inline-comment marker; stale versions are refused; each update is recorded and undone by restoring the version it
 * replaced, unless the page changed again.
 */
@QuarkusTest
class PageUpdatesTest extends SandboxReset {

    private static final String RUNBOOK = "131079";
    private static final Pattern CHANGE_ID = Pattern.compile("Change id: (\\S+~[a-z2-7]{10}) ");

    /** The page body as confluence_get_page shows it: the Markdown between the data fence lines. */
    static String body(String page) {
        Matcher body = Pattern.compile("(?s)\n⟦data [^\n]*\n(.*)\n⟦/data⟧").matcher(page);
        assertTrue(body.find(), page);
        return body.group(1);
    }

    static int version(String page) {
        Matcher version = Pattern.compile(" · version (\\d+)").matcher(page);
        assertTrue(version.find(), page);
        return Integer.parseInt(version.group(1));
    }

    private static JsonObject storedAdf() {
        JsonObject page = new JsonObject(SandboxSite.get("/wiki/api/v2/pages/" + RUNBOOK
                + "?body-format=atlas_doc_format"));
        return new JsonObject(page.getJsonObject("body").getJsonObject("atlas_doc_format").getString("value"));
    }

    private static Mcp.Result update(String body, int version) {
        return call(Transport.STREAMABLE, "confluence_update_page", Map.of("page_id", RUNBOOK, "body", body,
                "version", version));
    }

    private static String changeId(Mcp.Result result) {
        assertFalse(result.isError(), result::text);
        Matcher id = CHANGE_ID.matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    @Test
    void aReadEditWriteRoundTripKeepsEveryMacroAndTheUndoRestoresThePage() {
        JsonObject original = storedAdf();
        String page = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", RUNBOOK)));
        String edited = body(page).replace("Watch the lag for 10 minutes.", "Watch the lag for 15 minutes.");
        Mcp.Result updated = update(edited, version(page));
        assertTrue(updated.text().startsWith("Updated page 131079 (Runbook: payment webhooks) to version 2.\nChange "
                + "id: 131079~"), updated.text());
        String id = changeId(updated);

        JsonObject expected = new JsonObject(original.encode().replace("Watch the lag for 10 minutes.",
                "Watch the lag for 15 minutes.").replace("\"attrs\":{\"order\":1},", ""));
        assertEquals(expected, storedAdf(), "only the edited sentence changed: the table-of-contents and info "
                + "macros, the layout, the image and the inline-comment marker are as they were (a list starting at "
                + "1 carries no order, which means the same)");

        String listed = text(call(Transport.SSE, "confluence_list_my_agent_changes", Map.of()));
        assertTrue(listed.contains("| " + id + " | "), listed);
        assertTrue(listed.contains("| confluence_update_page | update page 131079 (Runbook: payment webhooks) to "
                + "version 2 | can undo |"), listed);

        assertEquals("Done: undo " + id + " (restore version 1 of page 131079).", text(call(Transport.STREAMABLE,
                "confluence_undo_change", Map.of("change_id", id))));
        assertEquals(original, storedAdf(), "version 1's content is back");
        String after = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", RUNBOOK)));
        assertEquals(3, version(after), "restored as a new version, so the history keeps both");
        assertTrue(text(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id))).startsWith(
                "Change " + id + " was already undone at "));
    }

    @Test
    void anUpdateOnTopOfAnOlderVersionIsRefusedAndSendsNothing() {
        String page = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", RUNBOOK)));
        SandboxSite.send(Directory.BOB, "PUT", "/wiki/api/v2/pages/" + RUNBOOK, bobsEdit(2));
        Mcp.sandbox().clearRequests();
        Mcp.Result refused = update(body(page), version(page));
        assertTrue(refused.isError());
        assertEquals("Not updated: page 131079 changed after you read version 1 (it is at version 2 now). Nothing "
                + "was changed. Read it again with confluence_get_page, redo your edit on the new text, and pass its "
                + "version.", refused.text());
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("PUT ")));
    }

    private static String bobsEdit(int version) {
        return new JsonObject().put("id", RUNBOOK).put("status", "current").put("title", "Runbook: payment webhooks")
                .put("body", new JsonObject().put("representation", "storage").put("value",
                        "<p>Rewritten by Bob.</p>"))
                .put("version", new JsonObject().put("number", version))
                .encode();
    }

    @Test
    void anUndoIsRefusedWhenThePageChangedAgain() {
        String page = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", RUNBOOK)));
        String id = changeId(update(body(page) + "\n\nReviewed.", version(page)));
        SandboxSite.send(Directory.BOB, "PUT", "/wiki/api/v2/pages/" + RUNBOOK, bobsEdit(3));
        Mcp.Result refused = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id));
        assertTrue(refused.isError());
        assertEquals("Not undone: page 131079 is at version 3 now; your change made version 2 and someone changed "
                + "the page since, so undoing it would overwrite that. Nothing was changed. Compare the versions in "
                + "the page history in Confluence.", refused.text());
        assertTrue(storedAdf().encode().contains("Rewritten by Bob."));
    }

    @Test
    void onlyTheCallerWhoseAgentMadeTheChangeCanUndoIt() {
        String page = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", RUNBOOK)));
        String id = changeId(update(body(page) + "\n\nReviewed.", version(page)));
        Mcp.Result refused = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id), Mcp.as(Mcp
                .tokenFor("someone-else", "bob.martin@example.com")));
        assertEquals("Change " + id + " was made by another person's agent; only they can undo it. Nothing was "
                + "changed.", refused.text());
    }

    @Test
    void valuesThisServerMaskedAreNeverWrittenBack() {
        Mcp.Result refused = update("Database password=[masked password] for the replica.", 1);
        assertTrue(refused.isError());
        assertTrue(refused.text().startsWith("Nothing was changed: body contains [masked password], a value this "
                + "server hid when showing you the content."), refused.text());
    }

    @Test
    void anUpdateWhoseOutcomeIsUnknownIsNotRetriedAndARetryCannotApplyItTwice() {
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/wiki/api/v2/pages/" + RUNBOOK).put("method",
                "PUT").put("status", 500).put("afterProcessing", true).put("count", 1));
        Mcp.Result unknown = update("Rewritten once.", 1);
        assertTrue(unknown.isError());
        assertTrue(unknown.text().startsWith("It is unknown whether Atlassian applied this change (update page "
                + "131079 (Runbook: payment webhooks) to version 2): "), unknown.text());
        assertTrue(unknown.text().endsWith("Before trying again, read page 131079 with confluence_get_page: at "
                + "version 2 with your text, the update was applied."), unknown.text());
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("PUT /wiki/api/v2/pages/"))
                .count());
        assertTrue(update("Rewritten once.", 1).text().startsWith("Not updated: page 131079 changed after you read "
                + "version 1 (it is at version 2 now)."));
    }

    @Test
    void malformedAndUnknownChangeIdsAreClear() {
        assertEquals("Invalid argument: change_id must be a change id from confluence_list_my_agent_changes, like "
                + "131075~k3j4h5g6f7, got 'abc'",
                text(call(Transport.STREAMABLE, "confluence_undo_change", Map.of(
                        "change_id", "abc"))));
        assertEquals("No agent change 131079~aaaaaaaaaa is recorded on page 131079. List yours with "
                + "confluence_list_my_agent_changes.",
                text(call(Transport.STREAMABLE, "confluence_undo_change",
                        Map.of("change_id", "131079~aaaaaaaaaa"))));
    }

    @Test
    void anAddedCommentIsListedAndUndoneByDeletingIt() {
        Mcp.Result added = call(Transport.STREAMABLE, "confluence_add_comment", Map.of("page_id", RUNBOOK, "body",
                "Restarted the consumer at 09:40."));
        String id = changeId(added);
        assertTrue(text(call(Transport.STREAMABLE, "confluence_list_my_agent_changes", Map.of())).contains(
                "| confluence_add_comment | comment "));
        assertTrue(SandboxSite.get("/wiki/api/v2/pages/" + RUNBOOK + "/footer-comments?body-format=atlas_doc_format")
                .contains("Restarted the consumer"));
        assertTrue(text(call(Transport.SSE, "confluence_undo_change", Map.of("change_id", id))).startsWith(
                "Done: undo " + id + " (delete comment "));
        assertFalse(SandboxSite.get("/wiki/api/v2/pages/" + RUNBOOK + "/footer-comments?body-format=atlas_doc_format")
                .contains("Restarted the consumer"));
        assertTrue(text(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id))).startsWith(
                "Change " + id + " was already undone"));
    }
}

package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Moving and copying pages on Cloud, and the restrictions that bound them. In the sandbox's OPS space, Runbooks
 * (131074) may be viewed only by the group sre, so the runbooks under it may too; the postmortem (131077) and the
 * on-call handbook (131078) are under Operations Home (131073) and not restricted.
 */
@QuarkusTest
class PageMovesTest extends SandboxReset {

    private static String changeId(Mcp.Result result) {
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    private static String token(Mcp.Result held) {
        return held.text().replaceFirst("(?s).*confirmation_token=\"([^\"]+)\".*", "$1");
    }

    private static String path(String pageId) {
        return call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", pageId)).text().lines().filter(
                l -> l.startsWith("Parent: ") || l.startsWith("Page ")).reduce("", (a, b) -> a + b + "\n");
    }

    private static Mcp.Result move(Transport transport, String page, String parent) {
        return call(transport, "confluence_move_page", Map.of("page_id", page, "parent_id", parent));
    }

    private static boolean sent(String method) {
        return Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith(method + " ") && (r.contains("/move/") || r
                .contains("/copy")));
    }

    @Test
    void aPageIsMovedUnderAnotherParentAndUndoMovesItBack() {
        Mcp.Result moved = move(Transport.STREAMABLE, "131077", "131078");
        assertFalse(moved.isError(), moved::text);
        assertTrue(moved.text().startsWith("Moved page 131077 (Postmortem: 2026-11-18 checkout latency) under page "
                + "131078 (On-call handbook) in space OPS.\nChange id: 131077~"), moved.text());
        assertTrue(path("131077").contains("Parent: 131078"), path("131077"));
        assertTrue(Mcp.sandbox().requests().contains("PUT /wiki/rest/api/content/131077/move/append/131078 200"), Mcp
                .sandbox().requests()::toString);

        String undone = call(Transport.SSE, "confluence_undo_change", Map.of("change_id", changeId(moved))).text();
        assertTrue(undone.startsWith("Done: undo 131077~"), undone);
        assertTrue(undone.contains("move page 131077 back under page 131073 (Operations Home)"), undone);
        assertTrue(path("131077").contains("Parent: 131073"), path("131077"));
    }

    @Test
    void aPageMovesToAnotherSpaceOnCloudOnceTheUserConfirmsWithThePagesUnderItAndBack() {
        Mcp.Result held = move(Transport.SSE, "65538", "131078");
        assertTrue(held.text().startsWith("Confirmation needed: nothing was sent yet. This call would move page 65538 "
                + "(Architecture overview) under page 131078 (On-call handbook) in space OPS, whose readers may differ "
                + "from space ENG's."), held.text());
        assertFalse(sent("PUT"), Mcp.sandbox().requests()::toString);
        Mcp.Result moved = call(Transport.SSE, "confluence_move_page", Map.of("page_id", "65538", "parent_id",
                "131078", "confirmation_token", token(held)));
        assertTrue(moved.text().startsWith("Moved page 65538 (Architecture overview) under page 131078 (On-call "
                + "handbook) in space OPS."), moved.text());
        assertTrue(path("65539").contains("space OPS"), "the page under it moved too: " + path("65539"));
        String undone = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId(moved)))
                .text();
        assertTrue(undone.startsWith("Done: undo 65538~"), undone);
        assertTrue(path("65539").contains("space ENG"), path("65539"));
    }

    @Test
    void aMoveThatWouldLetMorePeopleReadAPageIsRefused() {
        Mcp.Result out = move(Transport.STREAMABLE, "131075", "131078");
        assertTrue(out.isError(), out::text);
        assertEquals("Not moved: page 131075 is under page 131074 (Runbooks), which restricts who may view it; under "
                + "page 131078 it would not be, so more people could read it. Nothing was changed. Choose a parent "
                + "under that page, or ask someone who manages its restrictions to do this in Confluence.",
                out.text());
        Mcp.Result copy = call(Transport.SSE, "confluence_copy_page", Map.of("page_id", "131076", "parent_id",
                "131073"));
        assertTrue(copy.isError() && copy.text().startsWith("Not copied: page 131076 is under page 131074 "
                + "(Runbooks)"), copy::text);
        assertFalse(sent("PUT") || sent("POST"), Mcp.sandbox().requests()::toString);

        Mcp.Result within = move(Transport.STREAMABLE, "131077", "131074");
        assertFalse(within.isError(), "moving under a restricted page narrows who may read it: " + within.text());
        Mcp.Result deeper = move(Transport.STREAMABLE, "131079", "131075");
        assertFalse(deeper.isError(), "still under Runbooks: " + deeper.text());
    }

    @Test
    void loopsTopLevelPagesAndNoMovesAreRefusedBeforeAnythingIsSent() {
        assertEquals("Not moved: page 131075 is page 131074 or under it, and a page cannot be moved under itself. "
                + "Nothing was changed.", move(Transport.STREAMABLE, "131074", "131075").text());
        assertEquals("Not moved: page 131073 (Operations Home) is at the top of space OPS. This server moves only "
                + "pages that have a parent page, so that a move can be undone. Nothing was changed.",
                move(Transport.STREAMABLE, "131073", "131078").text());
        assertEquals("Page 131078 is already under page 131073 (Operations Home). Nothing was changed.",
                move(Transport.STREAMABLE, "131078", "131073").text());
        Mcp.Result missing = move(Transport.SSE, "131078", "999999");
        assertTrue(missing.isError(), missing::text);
        assertEquals("Invalid argument: parent_id must be the numeric id of a page (the number in its URL, e.g. "
                + "123456), got 'OPS'", move(Transport.SSE, "131078", "OPS").text());
        assertFalse(sent("PUT"), Mcp.sandbox().requests()::toString);
    }

    @Test
    void aDryRunShowsTheMoveAndAMovedAgainPageIsNotMovedBack() {
        String preview = call(Transport.STREAMABLE, "confluence_move_page", Map.of("page_id", "131077", "parent_id",
                "131078", "dry_run", true)).text();
        assertTrue(preview.startsWith("Dry run: nothing was sent. This call would move page 131077 (Postmortem: "
                + "2026-11-18 checkout latency) under page 131078 (On-call handbook) with:\nPUT /wiki/rest/api/"
                + "content/131077/move/append/131078"), preview);
        assertFalse(sent("PUT"), Mcp.sandbox().requests()::toString);

        Mcp.Result moved = move(Transport.STREAMABLE, "131077", "131078");
        SandboxSite.send(Directory.JANE, "PUT", "/wiki/rest/api/content/131077/move/append/131074", null);
        assertEquals("Not undone: page 131077 is no longer under page 131078, where change " + changeId(moved)
                + " put it: someone moved it since. Nothing was changed.",
                call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId(moved))).text());
    }

    @Test
    void aCopyCarriesAttachmentsLabelsAndRestrictionsAndIsNotDeletedByUndo() {
        Mcp.Result copied = call(Transport.STREAMABLE, "confluence_copy_page", Map.of("page_id", "131079",
                "parent_id", "131075"));
        assertFalse(copied.isError(), copied::text);
        Matcher id = Pattern.compile("to page (\\d+) \\(Copy of Runbook: payment webhooks\\) under page 131075")
                .matcher(copied.text());
        assertTrue(id.find(), copied.text());
        String copy = id.group(1);
        assertTrue(Mcp.sandbox().requests().contains("POST /wiki/rest/api/content/131079/copy 200"), Mcp.sandbox()
                .requests()::toString);
        String attachments = call(Transport.SSE, "confluence_get_attachments", Map.of("page_id", copy)).text();
        assertTrue(attachments.contains("queue-depth.png") && attachments.contains("consumer-lag.csv"), attachments);
        String undone = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId(copied)))
                .text();
        assertTrue(undone.startsWith("Not undone: this server does not delete pages"), undone);

        Map<String, Object> toEng = Map.of("page_id", "131078", "parent_id", "65537", "title", "On-call handbook");
        Mcp.Result held = call(Transport.STREAMABLE, "confluence_copy_page", toEng);
        assertTrue(held.text().startsWith("Confirmation needed: ") && held.text().contains(" in space ENG, whose "
                + "readers may differ from space OPS's."), held.text());
        Map<String, Object> confirmed = new java.util.HashMap<>(toEng);
        confirmed.put("confirmation_token", token(held));
        String named = call(Transport.STREAMABLE, "confluence_copy_page", confirmed).text();
        assertTrue(named.startsWith("Copied page 131078 (On-call handbook) to page "), named);
        Mcp.Result clash = call(Transport.STREAMABLE, "confluence_copy_page", Map.of("page_id", "131078",
                "parent_id", "131073", "title", "On-call handbook"));
        assertTrue(clash.isError() && clash.text().contains("already exists"), clash::text);
    }

    @Test
    void restrictionsShowOwnAndInheritedViewersAndEditors() {
        assertEquals("""
                Restrictions of page 131075 (Runbook: checkout-api latency) in space OPS:
                - View: no restriction of its own
                - View, inherited from page 131074 (Runbooks): group sre
                - Edit: Bob Martin, Jane Doe, group sre
                Only people allowed by every view restriction above may view it; space permissions apply too.""",
                call(Transport.STREAMABLE, "confluence_get_page_restrictions", Map.of("page_id", "131075")).text());
        assertEquals("""
                Restrictions of page 131078 (On-call handbook) in space OPS:
                - View: not restricted (everyone who may view space OPS)
                - Edit: not restricted (everyone who may view it and add pages in space OPS)""",
                call(Transport.SSE, "confluence_get_page_restrictions", Map.of("page_id", "131078")).text());
        assertTrue(call(Transport.SSE, "confluence_get_page_restrictions", Map.of("page_id", "262146")).isError(),
                "a page in a space the account cannot see");
    }

    @Test
    void blogPostsAreFoundAndReadLikePages() {
        String found = call(Transport.STREAMABLE, "confluence_search", Map.of("query", "settlement", "type",
                "blogpost")).text();
        assertTrue(found.contains("| 131090 | Checkout latency: what we changed after November 18 | blogpost |"),
                found);
        assertFalse(found.contains("| page |"), found);
        String post = call(Transport.SSE, "confluence_get_blog_post", Map.of("blog_post_id", "131090")).text();
        assertTrue(post.startsWith("# Checkout latency: what we changed after November 18\nBlog post 131090 · space "
                + "OPS (Operations) · version 1"), post);
        assertTrue(post.contains("Labels: incident, checkout-api") && post.contains("/spaces/OPS/blog/"), post);
        assertTrue(post.contains("capped the settlement job's pool at 20 connections"), post);
        assertTrue(call(Transport.STREAMABLE, "confluence_get_blog_post", Map.of("blog_post_id", "131075"))
                .isError(), "a page is not a blog post");
        assertEquals("Invalid argument: type must be page or blogpost, got 'comment'", call(Transport.STREAMABLE,
                "confluence_search", Map.of("query", "x", "type", "comment")).text());
    }
}

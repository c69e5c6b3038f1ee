package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/** Comment threads, replies and inline comments on Confluence Cloud. */
@QuarkusTest
class CommentsTest extends SandboxReset {

    private static String questionId(String comments) {
        Matcher id = Pattern.compile("\\*\\*account " + Directory.BOB.accountId() + "\\*\\* · [^·]+ · comment (\\d+)")
                .matcher(comments);
        assertTrue(id.find(), comments);
        return id.group(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void threadsShowRepliesUnderTheirCommentAndInlineCommentsWithTheirAnchor(Transport transport) {
        String postmortem = call(transport, "confluence_get_comments", Map.of("page_id", "131077")).text();
        assertTrue(postmortem.startsWith("# Comments on page 131077 (Postmortem: 2026-11-18 checkout latency)\n\n"
                + "## Footer comments (2)\n"), postmortem);
        String question = questionId(postmortem);
        assertTrue(postmortem.contains("Who owns the action to cap the settlement job's pool?"), postmortem);
        assertTrue(postmortem.contains("↳ reply to " + question + " · **account " + Directory.JANE.accountId()),
                postmortem);
        assertTrue(postmortem.contains("Priya does; tracked in PAY-7."), postmortem);
        assertTrue(postmortem.contains("## Inline comments (0)"), postmortem);

        String runbook = call(transport, "confluence_get_comments", Map.of("page_id", "131079")).text();
        assertTrue(runbook.contains("## Inline comments (1)"), runbook);
        assertTrue(runbook.matches("(?s).* · comment \\d+ · open\n⟦data [^\n]*\nOn: \"the consumer stalls\"\nIs this "
                + "still true after the consumer rewrite\\?\n.*"), runbook);
    }

    @Test
    void aReplyJoinsTheThreadOfItsComment() {
        String question = questionId(call(Transport.STREAMABLE, "confluence_get_comments", Map.of("page_id",
                "131077")).text());
        Mcp.Result reply = call(Transport.STREAMABLE, "confluence_add_comment", Map.of("page_id", "131077", "body",
                "The cap is **20** connections.", "parent_comment_id", question));
        assertFalse(reply.isError(), reply::text);
        String after = call(Transport.STREAMABLE, "confluence_get_comments", Map.of("page_id", "131077")).text();
        assertTrue(after.contains("## Footer comments (3)"), after);
        assertTrue(after.indexOf("The cap is **20** connections.") > after.indexOf("Priya does"), after);
        assertEquals("Invalid argument: There is no footer comment 999 on page 131077; confluence_get_comments lists "
                + "them with their ids",
                call(Transport.STREAMABLE, "confluence_add_comment", Map.of("page_id",
                        "131077", "body", "x", "parent_comment_id", "999")).text());
    }

    @Test
    void anInlineCommentIsAnchoredToTheQuotedTextAndUndoneByDeletingIt() {
        Mcp.Result added = call(Transport.STREAMABLE, "confluence_add_inline_comment", Map.of("page_id", "131076",
                "selection", "last run", "body", "Which **run**: the nightly or the hourly one?"));
        assertTrue(added.text().startsWith("Added inline comment "), added.text());
        assertTrue(added.text().contains(" on \"last run\" to page 131076 (Runbook: settlement job backlog).\nChange "
                + "id: 131076~"), added.text());
        String page = SandboxSite.get("/wiki/api/v2/pages/131076?body-format=atlas_doc_format");
        assertTrue(page.contains("annotation") && page.contains("inlineComment"), page);
        String comments = call(Transport.SSE, "confluence_get_comments", Map.of("page_id", "131076")).text();
        assertTrue(comments.contains("On: \"last run\"\nWhich **run**: the nightly or the hourly one?"), comments);

        String undone = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", added.text()
                .replaceFirst("(?s).*Change id: (\\S+) .*", "$1"))).text();
        assertTrue(undone.startsWith("Done: undo 131076~"), undone);
        assertTrue(call(Transport.STREAMABLE, "confluence_get_comments", Map.of("page_id", "131076")).text().contains(
                "No comments."));
    }

    @Test
    void inlineSelectionsThatAreMissingOrOutOfRangeAreRefused() {
        assertEquals("Invalid argument: The text 'next run' is not on page 131076; quote it exactly as the page shows "
                + "it, within one paragraph and without formatting marks",
                call(Transport.STREAMABLE,
                        "confluence_add_inline_comment", Map.of("page_id", "131076", "selection", "next run", "body",
                                "x")).text());
        assertEquals("Invalid argument: match_index must be between 0 and 0: 'last run' occurs 1 time on page 131076",
                call(Transport.STREAMABLE, "confluence_add_inline_comment", Map.of("page_id", "131076", "selection",
                        "last run", "body", "x", "match_index", 2)).text());
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")));
    }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/** The Confluence tools against the sandbox's Cloud site: v2 pages with ADF bodies, v1 CQL search with cursors. */
@QuarkusTest
class ConfluenceToolsTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getPageRendersTheRunbookAsMarkdown(Transport transport) {
        Mcp.Result result = call(transport, "confluence_get_page", Map.of("page_id", "131075"));
        assertFalse(result.isError(), () -> text(result));
        String md = text(result);
        assertTrue(md.startsWith("# Runbook: checkout-api latency\nPage 131075 · space OPS (Operations) · version 2 · "
                + "updated "), md);
        assertTrue(md.contains("Parent: 131074\nLabels: runbook, checkout-api\nURL: http://127.0.0.1:"), md);
        assertTrue(md.contains("/wiki/spaces/OPS/pages/131075/Runbook+checkout+api+latency\n"), md);
        assertTrue(md.contains("> [!WARNING]\n> Page the incident commander"), md);
        assertTrue(md.contains("```bash\nkubectl -n checkout logs"), md);
        assertTrue(md.contains("1. Scale `checkout-api` to 6 replicas."), md);
        assertTrue(md.contains("| Incident commander | @[Jane Doe](user:5b10ac8d82e05b22cc7d4ef5) |"), md);
        assertTrue(md.contains("- Settlement job running"), md);
        assertTrue(Pattern.compile("\n⟦data page 131075 body, last edited by account \\w+⟧\n(?s:.*)\n"
                + "⟦/data⟧$").matcher(md).find(), "the body is fenced as data: " + md);
    }

    @Test
    void getPageReadsTheV2PageWithAdfAndItsSpace() {
        SandboxControl sandbox = Mcp.sandbox();
        call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "196610"));
        assertEquals(java.util.List.of("GET /wiki/api/v2/pages/196610 200", "GET /wiki/api/v2/spaces/98307 200"),
                sandbox.requests());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void searchListsMatchesAndPagesWithTheCursor(Transport transport) {
        String cql = "space = ENG AND type = page ORDER BY title";
        String page1 = text(call(transport, "confluence_search", Map.of("cql", cql, "limit", 3)));
        assertTrue(page1.startsWith("3 results of 5. More: call again with cursor=\""), page1);
        assertTrue(page1.contains("| Id | Title | Type | Space | Updated | Excerpt | URL |"), page1);
        assertTrue(page1.matches("(?s).*\\| 65539 \\| .* \\| http\\S+/spaces/ENG/pages/65539/ADR\\S* \\|.*"), page1);
        assertTrue(page1.contains("| 65539 | ADR-007: Bounded connection pools | page | Engineering | "), page1);
        Matcher cursor = Pattern.compile("cursor=\"([^\"]+)\"").matcher(page1);
        assertTrue(cursor.find());
        String page2 = text(call(transport, "confluence_search", Map.of("cql", cql, "limit", 3, "cursor", cursor
                .group(1))));
        assertTrue(page2.startsWith("2 results of 5. Last page."), page2);
        assertTrue(page2.contains("| Engineering Home |") && page2.contains("| Release checklist |"), page2);
        assertFalse(page2.contains("ADR-007"), page2);
    }

    @Test
    void pagesWithALabelInASpaceAreACqlSearchAway() {
        String runbooks = text(call(Transport.STREAMABLE, "confluence_search", Map.of("cql",
                "space = OPS AND label = \"runbook\" ORDER BY title")));
        assertTrue(runbooks.startsWith("2 results"), runbooks);
        assertTrue(runbooks.indexOf("| 131075 | Runbook: checkout-api latency |") < runbooks.indexOf(
                "| 131076 | Runbook: settlement job backlog |") && runbooks.contains("| 131076 |"), runbooks);
        assertFalse(runbooks.contains("Postmortem"), runbooks);
    }

    @Test
    void textSearchShowsExcerptsWithMatchesInBoldAndHidesRestrictedSpaces() {
        String md = text(call(Transport.STREAMABLE, "confluence_search", Map.of("cql", "text ~ \"settlement\"")));
        assertTrue(md.contains("**settlement**") || md.contains("**Settlement**"), md);
        assertTrue(md.contains("| 131076 | Runbook: settlement job backlog | page | Operations |"), md);
        String hidden = text(
                call(Transport.STREAMABLE, "confluence_search", Map.of("cql", "title ~ \"Compensation\"")));
        assertEquals("No results match.", hidden);
        assertTrue(Mcp.sandbox().requests().stream().allMatch(r -> r.startsWith("GET /wiki/rest/api/search ")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownAndRestrictedPagesAreClearToolErrors(Transport transport) {
        for (String id : new String[] { "999999", "262146" }) {
            Mcp.Result result = call(transport, "confluence_get_page", Map.of("page_id", id));
            assertTrue(result.isError());
            assertEquals("Not found. It does not exist or the Atlassian account used may not see it (Atlassian "
                    + "answers 404 for both). Check the key or id.", text(result));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void badCqlPassesConfluencesMessageOn(Transport transport) {
        assertEquals("Atlassian rejected the request: Could not parse cql : space = OPS AND. Correct the input and "
                + "try again.", text(call(transport, "confluence_search", Map.of("cql", "space = OPS AND"))));
        assertEquals("Atlassian rejected the request: No field exists with the name: 'sapce'. Correct the input "
                + "and try again.", text(call(transport, "confluence_search", Map.of("cql", "sapce = OPS"))));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void invalidArgumentsAreToolErrorsThatSayWhatIsWrong(Transport transport) {
        assertEquals("Invalid argument: page_id must be the numeric id of a page (the number in its URL, e.g. "
                + "123456), got 'Runbooks'",
                text(call(transport, "confluence_get_page", Map.of("page_id",
                        "Runbooks"))));
        assertEquals("Invalid argument: limit must be between 1 and 50, got 0", text(call(transport,
                "confluence_search", Map.of("cql", "type = page", "limit", 0))));
        assertEquals("Invalid argument: cql and query: give exactly one of them, e.g. query: checkout latency runbook",
                text(call(transport, "confluence_search", Map.of("cql", " "))));
        assertTrue(text(call(transport, "confluence_search", Map.of("query", "x", "space", "not a key!")))
                .startsWith("Invalid argument: space must be a space key like OPS"));
        assertTrue(Mcp.sandbox().requests().isEmpty(), "invalid arguments never reach Confluence");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void atlassianFailuresBecomeClearToolErrors(Transport transport) {
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/wiki/", "confluence_get_page", Map.of("page_id",
                "131075"));
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/wiki/", "confluence_search", Map.of("cql",
                "type = page"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void droppedConnectionIsAClearToolError(Transport transport) {
        Mcp.assertDroppedConnectionIsAClearToolError(transport, "/wiki/", "confluence_search",
                Map.of("cql", "type = page"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void addCommentStoresTheMarkdownAsAdf(Transport transport) {
        Mcp.Result added = call(transport, "confluence_add_comment", Map.of("page_id", "131075", "body",
                "Step 3 needs `kubectl -n checkout` **first**."));
        assertFalse(added.isError(), () -> text(added));
        assertTrue(text(added).matches("Added comment \\d+ to page 131075 \\(Runbook: checkout-api latency\\)\\.\n"
                + "URL: http://127\\.0\\.0\\.1:\\d+/wiki/spaces/OPS/pages/131075/.*focusedCommentId=\\d+\n"
                + "Change id: 131075~[a-z2-7]{10} \\(confluence_undo_change deletes it while nobody has changed it\\)\\."),
                text(added));
        String stored = SandboxSite.get("/wiki/api/v2/pages/131075/footer-comments?body-format=atlas_doc_format");
        assertTrue(stored.contains("{\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"kubectl -n checkout\\\",\\\"marks\\\":"
                + "[{\\\"type\\\":\\\"code\\\"}]}"), stored);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void addCommentErrorsSayWhatToDo(Transport transport) {
        assertTrue(text(call(transport, "confluence_add_comment", Map.of("page_id", "262146", "body", "x")))
                .startsWith("Not found."));
        assertTrue(text(call(transport, "confluence_add_comment", Map.of("page_id", "131075", "body", "")))
                .startsWith("Invalid argument: body must not be empty"));
        Mcp.assertWriteFailuresAreClearAndNeverRetried(transport, "POST", "/wiki/api/v2/footer-comments",
                "confluence_add_comment", Map.of("page_id", "131075", "body", "Retry me."), "add a comment to page "
                        + "131075",
                "look at the comments at the bottom of page 131075 in Confluence");
    }
}

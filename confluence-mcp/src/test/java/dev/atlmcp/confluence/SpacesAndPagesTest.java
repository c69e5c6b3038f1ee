package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** Spaces, page trees, pages by title, new pages and labels on Confluence Cloud. */
@QuarkusTest
class SpacesAndPagesTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void spacesAndTreesShowTitlesWithTheirIds(Transport transport) {
        String spaces = call(transport, "confluence_list_spaces", Map.of()).text();
        assertTrue(spaces.startsWith("4 spaces:"), spaces);
        assertTrue(spaces.contains("| OPS | Operations | 131073 | 98306 |"), spaces);
        assertFalse(spaces.contains("People Team"), "HR is visible only to Jane: " + spaces);

        String space = call(transport, "confluence_get_space", Map.of("space", "ops")).text();
        assertTrue(space.startsWith("# Space OPS\n"), space);
        assertTrue(space.contains("Runbooks, on-call and postmortems"), space);
        assertTrue(space.contains("- Operations Home (131073)\n  - Runbooks (131074)\n"), space);

        String tree = call(transport, "confluence_get_page_tree", Map.of("page_id", "131074", "depth", 1)).text();
        assertTrue(tree.startsWith("Pages under Runbooks (131074), 1 level deep:\n"), tree);
        assertTrue(tree.contains("- Runbook: checkout-api latency (131075)\n- Runbook: settlement job backlog "
                + "(131076)\n- Runbook: payment webhooks (131079)"), tree);
        String whole = call(transport, "confluence_get_page_tree", Map.of("space", "OPS", "depth", 3)).text();
        assertTrue(whole.contains("- Operations Home (131073)\n  - Runbooks (131074)\n    - Runbook: checkout-api "
                + "latency (131075)"), whole);
    }

    @Test
    void treesAndSpacesSayWhatIsWrong() {
        assertEquals("Invalid argument: Give either page_id (the tree under a page) or space (the tree of a space), "
                + "not both",
                call(Transport.STREAMABLE, "confluence_get_page_tree", Map.of("page_id", "131074",
                        "space", "OPS")).text());
        assertEquals("Invalid argument: depth must be between 1 and 5, got 9", call(Transport.STREAMABLE,
                "confluence_get_page_tree", Map.of("space", "OPS", "depth", 9)).text());
        assertEquals("Not found: No space with key 'HR'. Check the key or id.", call(Transport.STREAMABLE,
                "confluence_get_space", Map.of("space", "HR")).text());
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page_tree", Map.of("page_id", "262146")).text()
                .startsWith("Not found"));
        assertEquals("No pages under Runbook: payment webhooks (131079).", call(Transport.STREAMABLE,
                "confluence_get_page_tree", Map.of("page_id", "131079")).text());
    }

    @Test
    void aPageIsFoundByItsSpaceAndExactTitle() {
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page", Map.of("space", "OPS", "title",
                "Runbook: settlement job backlog")).text()
                        .startsWith("# Runbook: settlement job backlog\nPage 131076 "));
        assertEquals("Not found: No page is titled 'Runbook: nothing' in space OPS. Check the key or id.", call(
                Transport.STREAMABLE, "confluence_get_page", Map.of("space", "OPS", "title", "Runbook: nothing"))
                        .text());
        assertEquals("Invalid argument: Give page_id, or space and title (exact) to find a page by its title", call(
                Transport.STREAMABLE, "confluence_get_page", Map.of("title", "Runbooks")).text());
    }

    @Test
    void aNewPageIsCreatedOnceAndARetryFindsIt() {
        Map<String, Object> arguments = Map.of("space", "OPS", "title", "Runbook: DNS failover", "body",
                "## Steps\n1. Switch the resolver\n2. Watch the error rate", "parent_id", "131074");
        String created = call(Transport.STREAMABLE, "confluence_create_page", arguments).text();
        assertTrue(created.matches("(?s)Created page \\d+ \\(Runbook: DNS failover\\) in space OPS\\.\nURL: "
                + "http\\S+/spaces/OPS/pages/\\d+/Runbook\\+DNS\\+failover\nChange id: \\d+~[a-z2-7]{10}\\. .*"),
                created);
        String id = created.replaceFirst("(?s)Created page (\\d+) .*", "$1");
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page_tree", Map.of("page_id", "131074", "depth", 1))
                .text().contains("- Runbook: DNS failover (" + id + ")"));
        assertTrue(call(Transport.SSE, "confluence_get_page", Map.of("page_id", id)).text().contains(
                "1. Switch the resolver"));
        assertEquals("Page " + id + " (Runbook: DNS failover) already exists in space OPS: an identical earlier "
                + "request created it, so nothing new was created.",
                call(Transport.STREAMABLE,
                        "confluence_create_page", arguments).text().lines().findFirst().orElseThrow());
        Mcp.Result other = call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "OPS", "title",
                "Runbook: DNS failover", "body", "Something else."));
        assertTrue(other.isError());
        assertEquals("A page titled 'Runbook: DNS failover' already exists in space OPS (page " + id + "). Nothing "
                + "was created. Pick another title, or change that page with confluence_update_section or "
                + "confluence_update_page.", other.text());
        assertEquals(1,
                Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /wiki/api/v2/pages ")).count());
        String undo = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", created.replaceFirst(
                "(?s).*Change id: (\\S+)\\. .*", "$1"))).text();
        assertTrue(undo.startsWith("Not undone: this server does not delete pages"), undo);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundByTheRetry() {
        Map<String, Object> arguments = Map.of("space", "OPS", "title", "Postmortem: DNS outage", "body",
                "Resolver pool exhausted.");
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/wiki/api/v2/pages").put("method", "POST").put(
                "status", 500).put("afterProcessing", true).put("count", 1));
        Mcp.Result lost = call(Transport.STREAMABLE, "confluence_create_page", arguments);
        assertTrue(lost.isError() && lost.text().startsWith("It is unknown whether Atlassian applied this change"),
                lost.text());
        String retry = call(Transport.STREAMABLE, "confluence_create_page", arguments).text();
        assertTrue(retry.matches("(?s)Page \\d+ \\(Postmortem: DNS outage\\) already exists in space OPS: an "
                + "identical earlier request created it.*"), retry);
        assertEquals(1,
                Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /wiki/api/v2/pages ")).count());
    }

    @Test
    void createArgumentsAreChecked() {
        assertEquals("Invalid argument: parent_id 65538 is a page in space ENG, not in OPS; a page and its parent "
                + "share a space",
                call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "OPS",
                        "title", "x", "body", "y", "parent_id", "65538")).text());
        assertEquals("Not found: No space with key 'HR'. Check the key or id.", call(Transport.STREAMABLE,
                "confluence_create_page", Map.of("space", "HR", "title", "x", "body", "y")).text());
        assertTrue(call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "OPS", "title", " ", "body",
                "y")).text().startsWith("Invalid argument: title must not be empty"));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")));
    }

    @Test
    void labelsAreAddedOnceAndTheUndoRemovesOnlyTheNewOnes() {
        String before = "Labels of page 131076 (Runbook: settlement job backlog): runbook";
        assertEquals(before, call(Transport.STREAMABLE, "confluence_get_labels", Map.of("page_id", "131076")).text());
        String added = call(Transport.STREAMABLE, "confluence_add_labels", Map.of("page_id", "131076", "labels", List
                .of("Runbook", "payments", "ledger"))).text();
        assertTrue(added.startsWith("Added payments, ledger to page 131076 (Runbook: settlement job backlog). It "
                + "already had runbook.\nChange id: 131076~"), added);
        assertEquals(before + ", payments, ledger", call(Transport.SSE, "confluence_get_labels", Map.of("page_id",
                "131076")).text());
        assertEquals("Nothing to add: page 131076 (Runbook: settlement job backlog) already has runbook.", call(
                Transport.STREAMABLE, "confluence_add_labels", Map.of("page_id", "131076", "labels", List.of(
                        "runbook"))).text());
        String undone = call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", added.replaceFirst(
                "(?s).*Change id: (\\S+) .*", "$1"))).text();
        assertTrue(undone.startsWith("Done: undo 131076~") && undone.contains("(remove label payments, ledger from "
                + "page 131076)"), undone);
        assertEquals(before, call(Transport.STREAMABLE, "confluence_get_labels", Map.of("page_id", "131076")).text());
        assertTrue(call(Transport.STREAMABLE, "confluence_add_labels", Map.of("page_id", "131076", "labels", List.of(
                "two words"))).text().startsWith("Invalid argument: 'two words' is not a valid label"));
        assertEquals("Not found. It does not exist or the Atlassian account used may not see it (Atlassian answers "
                + "404 for both). Check the key or id.",
                call(Transport.STREAMABLE, "confluence_get_labels", Map.of(
                        "page_id", "262146")).text());
    }

    @Test
    void plainTextSearchesAreSafeCqlAndCanBeNarrowedToASpace() {
        String all = call(Transport.STREAMABLE, "confluence_search", Map.of("query", "settlement")).text();
        assertTrue(all.contains("| 131076 |") && all.contains("| 196610 |"), all);
        String ops = call(Transport.STREAMABLE, "confluence_search", Map.of("query", "settlement", "space", "ops"))
                .text();
        assertTrue(ops.contains("| 131076 |") && !ops.contains("| 196610 |"), ops);
        String injected = call(Transport.STREAMABLE, "confluence_search", Map.of("query", "settlement\" OR space = "
                + "PAY OR text ~ \"x", "space", "OPS")).text();
        assertFalse(injected.contains("| 196610 |"), "the quotes cannot end the text term: " + injected);
    }

    @Test
    void peopleAreFoundByNameWithTheirAccountIds() {
        String found = call(Transport.STREAMABLE, "confluence_find_users", Map.of("query", "mart")).text();
        assertEquals("1 person matches 'mart':\n\n| Name | Id | Email |\n| --- | --- | --- |\n| Bob Martin | "
                + dev.atlmcp.sandbox.Directory.BOB.accountId() + " | bob.martin@example.com |", found);
        assertEquals("Nobody in Confluence matches 'zed'.", call(Transport.SSE, "confluence_find_users", Map.of(
                "query", "zed")).text());
        assertTrue(call(Transport.STREAMABLE, "confluence_find_users", Map.of("query", " ")).text().startsWith(
                "Invalid argument: query must not be empty"));
    }
}

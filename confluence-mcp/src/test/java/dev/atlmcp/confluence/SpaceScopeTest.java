package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * The space allow-list and the write guard: the service account may see ENG, OPS and PAY, the policy allows ENG and
 * OPS. Every query is run by the sandbox's CQL parser, so an escape would show PAY pages (ids 1966xx). Writes go only
 * to pages the caller created; Confluence cannot find people by email, so only callers in the mapping table can write.
 */
@QuarkusTest
@TestProfile(SpaceScopeTest.EngAndOps.class)
class SpaceScopeTest extends SandboxReset {

    public static class EngAndOps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.policy.spaces", "ENG,OPS", "mcp.policy.max-results", "4", "mcp.policy.write-guard",
                    "own", "mcp.policy.mark-label", "agent-changed");
        }
    }

    private static final Pattern ID = Pattern.compile("^\\| (\\d+) \\|", Pattern.MULTILINE);
    private static final Set<String> ALLOWED_PREFIXES = Set.of("655", "131");

    @ParameterizedTest
    @ValueSource(strings = { "space = PAY", "space = OPS OR space = PAY", "space in (OPS, PAY) ORDER BY title",
            "type = page", "type = blogpost", "NOT space = OPS", "id = 196610 OR id = 131075",
            "title ~ \"ORDER BY\" OR space = PAY",
            "(space = PAY) OR (space = ENG) ORDER BY created DESC", "text ~ \"settlement\"" })
    void queriesOnlyEverSeeAllowedSpaces(String cql) {
        Mcp.Result result = call(Transport.STREAMABLE, "confluence_search", Map.of("cql", cql, "limit", 50));
        assertTrue(!result.isError() || text(result).startsWith("Atlassian rejected the request"), text(result));
        Matcher ids = ID.matcher(text(result));
        while (ids.find()) {
            assertTrue(ALLOWED_PREFIXES.contains(ids.group(1).substring(0, 3)), () -> cql + " -> " + text(result));
        }
        assertFalse(text(result).contains("| Payments |") || text(result).contains("| People Team |"), text(result));
        if (cql.contains("OPS") && !cql.contains("NOT") || cql.contains("ENG") || cql.contains("131075")) {
            assertTrue(ID.matcher(text(result)).find(), () -> "allowed pages still match: " + cql + " -> "
                    + text(result));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { ") OR (space = PAY", "space = OPS) OR (space = PAY", "title ~ \"x\\\") OR space = PAY",
            "space = OPS ORDER BY title) OR (space = PAY", "ORDER BY title OR space = PAY",
            "space = OPS \uff09 OR \uff08 space = PAY", "space \uff1d PAY", "space = OPS\u2060) OR (space = PAY",
            "(space = PAY", " ", "title ~ \\\"x) OR space = PAY OR (x = \\\"", "title ~ x \\",
            "title ~ \\u0029 OR space = PAY" })
    void queriesThatTryToBreakOutAreRefusedBeforeReachingConfluence(String cql) {
        Mcp.Result result = call(Transport.SSE, "confluence_search", Map.of("cql", cql));
        assertTrue(result.isError() && text(result).startsWith("Invalid argument: cql"), () -> cql + " -> " + text(
                result));
        assertEquals(java.util.List.of(), Mcp.sandbox().requests(), "nothing reaches Confluence");
    }

    @Test
    void resultsAreCappedAndOrderByIsKept() {
        String titles = text(call(Transport.STREAMABLE, "confluence_search", Map.of("cql", "type = page ORDER BY "
                + "title DESC", "limit", 20)));
        assertTrue(titles.startsWith("4 results"), titles);
        assertTrue(titles.indexOf("| Runbooks |") < titles.indexOf("| Runbook: settlement job backlog |"), titles);
    }

    @Test
    void pagesOutsideTheAllowedSpacesAnswerLikePagesThatDoNotExist() {
        String missing = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "424242")));
        assertTrue(missing.startsWith("Not found."), missing);
        assertEquals(missing, text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "196610"))));
        assertEquals(missing, text(call(Transport.SSE, "confluence_get_page", Map.of("page_id", "262146"))));
        assertFalse(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "65538")).isError());
    }

    @Test
    void everyRelationOfAPageOutsideTheAllowedSpacesAnswersLikeAPageThatDoesNotExist() {
        for (String tool : java.util.List.of("confluence_get_page", "confluence_get_comments",
                "confluence_get_page_tree", "confluence_get_page_versions", "confluence_get_labels",
                "confluence_get_attachments", "confluence_get_page_restrictions")) {
            String missing = text(call(Transport.STREAMABLE, tool, Map.of("page_id", "424242")));
            String foreign = text(call(Transport.STREAMABLE, tool, Map.of("page_id", "196610")));
            assertTrue(missing.startsWith("Not found."), tool + ": " + missing);
            assertEquals(missing.replace("424242", "196610"), foreign, tool);
        }
        String missingDiff = text(call(Transport.STREAMABLE, "confluence_get_page_diff", Map.of("page_id", "424242",
                "from_version", 1)));
        assertEquals(missingDiff.replace("424242", "196610"), text(call(Transport.STREAMABLE,
                "confluence_get_page_diff", Map.of("page_id", "196610", "from_version", 1))));
        Mcp.Result underForeign = call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "OPS",
                "title", "Under a foreign page", "body", "x", "parent_id", "196610"));
        Mcp.Result underMissing = call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "OPS",
                "title", "Under a foreign page", "body", "x", "parent_id", "424242"));
        assertTrue(text(underMissing).startsWith("Not found."), text(underMissing));
        assertEquals(text(underMissing).replace("424242", "196610"), text(underForeign));
        assertFalse(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST ")), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void pagesOutsideTheAllowedSpacesCannotBeWrittenTo() {
        String missing = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "424242")));
        assertEquals(missing, text(call(Transport.STREAMABLE, "confluence_add_comment", Map.of("page_id", "196610",
                "body", "x"), Mcp.as(Mcp.tokenFor("mapped-subject", null)))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "confluence_update_page", Map.of("page_id", "196610",
                "body", "x", "version", 1), Mcp.as(Mcp.tokenFor("mapped-subject", null)))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id",
                "196610~aaaaaaaaaa"), Mcp.as(Mcp.tokenFor("mapped-subject", null)))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ") || r.startsWith("PUT ")));
    }

    @Test
    void pagesAreNeitherMovedNorCopiedIntoOrOutOfSpacesOutsideThePolicy() {
        String bob = Mcp.tokenFor("mapped-subject", null);
        String missing = text(call(Transport.STREAMABLE, "confluence_move_page", Map.of("page_id", "131075",
                "parent_id", "424242"), Mcp.as(bob)));
        assertTrue(missing.startsWith("Not found."), missing);
        assertEquals(missing.replace("424242", "196609"), text(call(Transport.SSE, "confluence_move_page", Map.of(
                "page_id", "131075", "parent_id", "196609"), Mcp.as(bob))));
        assertEquals(missing.replace("424242", "196610"), text(call(Transport.STREAMABLE, "confluence_copy_page",
                Map.of("page_id", "131075", "parent_id", "196610"), Mcp.as(bob))));
        assertEquals(missing.replace("424242", "196610"), text(call(Transport.STREAMABLE, "confluence_move_page",
                Map.of("page_id", "196610", "parent_id", "131074"), Mcp.as(bob))));
        assertEquals(missing.replace("424242", "196610"), text(call(Transport.STREAMABLE, "confluence_copy_page",
                Map.of("page_id", "196610", "parent_id", "131074"), Mcp.as(bob))));
        assertEquals("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only pages you created "
                + "(5b10a2844c20165700ede21g); page 131077 is not. Nothing was changed.",
                text(call(Transport.SSE,
                        "confluence_move_page", Map.of("page_id", "131077", "parent_id", "131078"), Mcp.as(bob))));
        String noPost = text(call(Transport.STREAMABLE, "confluence_get_blog_post", Map.of("blog_post_id",
                "424242")));
        assertTrue(noPost.startsWith("Not found."), noPost);
        assertEquals(noPost.replace("424242", "196650"), text(call(Transport.SSE, "confluence_get_blog_post", Map.of(
                "blog_post_id", "196650"))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ") || r.startsWith("PUT ")),
                Mcp.sandbox().requests()::toString);
    }

    @Test
    void theWriteGuardLetsCallersCommentOnlyOnPagesTheyCreated() {
        String bob = Mcp.tokenFor("mapped-subject", null);
        Mcp.Result own = call(Transport.STREAMABLE, "confluence_add_comment", Map.of("page_id", "131075", "body",
                "My runbook, my comment."), Mcp.as(bob));
        assertFalse(own.isError(), () -> text(own));
        assertTrue(SandboxSite.get("/wiki/api/v2/pages/131075?include-labels=true").contains("\"agent-changed\""),
                "pages agents write to are labelled");
        assertEquals("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only pages you created "
                + "(5b10a2844c20165700ede21g); page 131077 is not. Nothing was changed.",
                text(call(Transport.SSE,
                        "confluence_add_comment", Map.of("page_id", "131077", "body", "Not my postmortem."), Mcp.as(
                                bob))));
        assertEquals("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only pages you created, and this "
                + "server cannot tell which account is yours: this product cannot search accounts by email; add "
                + "alice-subject to the mapping table (MCP_IDENTITY_ACCOUNTS). Nothing was changed.",
                text(call(
                        Transport.STREAMABLE, "confluence_add_comment", Map.of("page_id", "131075", "body", "Hi"))));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /wiki/api/v2/footer-comments"))
                .count(), "one comment, on the caller's own page");
        assertEquals("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only pages you created "
                + "(5b10a2844c20165700ede21g); page 131077 is not. Nothing was changed.",
                text(call(
                        Transport.STREAMABLE, "confluence_update_page", Map.of("page_id", "131077", "body", "x",
                                "version", 3),
                        Mcp.as(bob))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("PUT /wiki/api/v2/pages")));
    }
}

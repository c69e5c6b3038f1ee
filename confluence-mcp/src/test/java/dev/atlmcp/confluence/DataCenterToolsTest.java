package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.DataCenterProfile;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** The same tools against the sandbox's Confluence Data Center site: REST v1, storage format, PAT, start offsets. */
@QuarkusTest
@TestProfile(DataCenterToolsTest.DataCenter.class)
class DataCenterToolsTest extends SandboxReset {

    /** With a space allow-list that every other test here stays within, and comments that need confirmation. */
    public static class DataCenter extends DataCenterProfile {
        @Override
        protected String contextPath() {
            return Sandbox.DATACENTER_CONFLUENCE;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("mcp.policy.spaces", "ENG,OPS");
            config.put("mcp.confirm.tools", "confluence_add_comment");
            return config;
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getPageConvertsStorageFormatAndShowsThePath(Transport transport) {
        Mcp.Result result = call(transport, "confluence_get_page", Map.of("page_id", "131075"));
        assertFalse(result.isError(), () -> text(result));
        String md = text(result);
        assertTrue(md.startsWith("# Runbook: checkout-api latency\nPage 131075 · space OPS (Operations) · version 2 · "
                + "updated "), md);
        assertTrue(md.contains(" by Bob Martin (bmartin)\nPath: Operations Home (131073) > Runbooks (131074)\n"), md);
        assertTrue(md.contains("/confluence/display/OPS/Runbook+checkout+api+latency\n"), md);
        assertTrue(md.contains("> [!WARNING]\n> Page the incident commander"), md);
        assertTrue(md.contains("```bash\nkubectl -n checkout logs"), md);
        assertTrue(md.contains("| Incident commander | @[](user:JIRAUSER10000) |"), md);
        assertTrue(Mcp.sandbox().requests().contains("GET /confluence/rest/api/content/131075 200"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void searchPagesWithStartOffsets(Transport transport) {
        String cql = "space = ENG ORDER BY title";
        String page1 = text(call(transport, "confluence_search", Map.of("cql", cql, "limit", 3)));
        assertTrue(page1.startsWith("3 results of 6. More: call again with cursor=\"start:3\"."), page1);
        String page2 = text(call(transport, "confluence_search", Map.of("cql", cql, "limit", 3, "cursor",
                "start:3")));
        assertTrue(page2.startsWith("3 results of 6. Last page."), page2);
        assertTrue(page2.contains("| 65550 | Platform update: December | blogpost |"), "CQL without a type finds "
                + "blog posts too: " + page2);
        assertTrue(Mcp.sandbox().requests().contains("GET /confluence/rest/api/search 200"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void missingPagesBadCqlAndForeignCursorsAreClearErrors(Transport transport) {
        assertEquals("Not found: No content found with id: ContentId{id=424242}. Check the key or id.", text(call(
                transport, "confluence_get_page", Map.of("page_id", "424242"))));
        assertEquals("Not found: No content found with id: ContentId{id=196610}. Check the key or id.", text(call(
                transport, "confluence_get_page", Map.of("page_id", "196610"))), "outside the allowed spaces");
        assertEquals("Atlassian rejected the request: Could not parse cql : space in (\"ENG\", \"OPS\") AND (title ~). "
                + "Correct the input and try again.",
                text(call(transport, "confluence_search", Map.of("cql", "title ~"))));
        assertTrue(text(call(transport, "confluence_search", Map.of("cql", "type = page", "cursor",
                "abc"))).startsWith("Invalid argument: cursor 'abc' is not one this server returned"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void atlassianFailuresOnDataCenterBecomeClearToolErrors(Transport transport) {
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/confluence/rest/api/",
                "confluence_get_page", Map.of("page_id", "131075"));
    }

    @Test
    void whoamiNamesTheServiceAccountByUsername() {
        String md = text(call(Transport.SSE, "confluence_whoami", Map.of()));
        assertTrue(md.contains("Confluence calls use the service account MCP Service Account (mcp-bot)"), md);
        assertTrue(md.contains("Policy: spaces ENG, OPS · "), md);
    }

    @Test
    void addCommentWritesStorageFormatOnceConfirmedAndIsUndone() {
        String added = ConfirmedCommentsTest.previewConfirmAndReplay(Transport.STREAMABLE);
        assertTrue(Mcp.sandbox().requests().contains("POST /confluence/rest/api/content 200"));
        assertTrue(Mcp.sandbox().requests().contains("GET /confluence/rest/api/content/131075/child/comment 200"));
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(added);
        assertTrue(id.find(), added);
        assertTrue(text(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id.group(1))))
                .startsWith("Done: undo " + id.group(1) + " (delete comment "));
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("DELETE /confluence/rest/api/content/")
                && r.endsWith(" 204")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void aPageUpdateWritesStorageFormatKeepsItsMacrosAndIsUndone() {
        String page = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "131079")));
        String edited = PageUpdatesTest.body(page).replace("10 minutes", "15 minutes");
        Mcp.Result updated = call(Transport.STREAMABLE, "confluence_update_page", Map.of("page_id", "131079", "body",
                edited, "version", PageUpdatesTest.version(page)));
        assertTrue(updated.text().startsWith("Updated page 131079 (Runbook: payment webhooks) to version 2."),
                updated.text());
        assertTrue(Mcp.sandbox().requests().contains("PUT /confluence/rest/api/content/131079 200"));
        String after = text(call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "131079")));
        assertEquals(edited, PageUpdatesTest.body(after), "the macros read back exactly as before, with the edit");

        assertEquals("Confluence Data Center has no user properties, so this server keeps no list of your changes "
                + "there. Every write's answer gives its change id, and the audit log records it; "
                + "confluence_undo_change takes that id.",
                text(call(Transport.STREAMABLE,
                        "confluence_list_my_agent_changes", Map.of())));
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(updated.text());
        assertTrue(id.find());
        assertTrue(text(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", id.group(1))))
                .startsWith("Done: undo "));
        assertEquals(PageUpdatesTest.body(page), PageUpdatesTest.body(text(call(Transport.STREAMABLE,
                "confluence_get_page", Map.of("page_id", "131079")))));
    }

    @Test
    void sectionEditsAndAppendsSpliceStorageFormatLeavingTheRestByteForByte() {
        String before = storage();
        Mcp.Result updated = call(Transport.STREAMABLE, "confluence_update_section", Map.of("page_id", "131079",
                "heading", "Symptoms", "body", "The queue grows when **the consumer** is down."));
        assertTrue(updated.text().startsWith("Updated page 131079 (Runbook: payment webhooks) to version 2."),
                updated.text());
        String after = storage();
        String head = before.substring(0, before.indexOf("Symptoms</h2>") + "Symptoms</h2>".length());
        String tail = before.substring(before.indexOf("<h2>Steps</h2>"));
        assertEquals(head + "<p>The queue grows when <strong>the consumer</strong> is down.</p>" + tail, after);

        call(Transport.STREAMABLE, "confluence_append_to_page", Map.of("page_id", "131079", "body", "Drained 41k."));
        assertEquals(after + "<p>Drained 41k.</p>", storage());
    }

    @Test
    void spacesTreesTitlesNewPagesAndLabelsUseVersionOne() {
        assertTrue(call(Transport.STREAMABLE, "confluence_list_spaces", Map.of()).text().contains(
                "| OPS | Operations | 131073 | 98306 |"));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_space", Map.of("space", "OPS")).text().contains(
                "- Operations Home (131073)\n  - Runbooks (131074)"));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page_tree", Map.of("page_id", "131074", "depth", 1))
                .text().contains("- Runbook: settlement job backlog (131076)"));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page", Map.of("space", "OPS", "title",
                "Runbook: settlement job backlog")).text().startsWith("# Runbook: settlement job backlog"));
        String created = call(Transport.STREAMABLE, "confluence_create_page", Map.of("space", "OPS", "title",
                "Runbook: DNS failover", "body", "1. Switch the resolver", "parent_id", "131074")).text();
        assertTrue(created.startsWith("Created page "), created);
        String id = created.replaceFirst("(?s)Created page (\\d+) .*", "$1");
        assertTrue(storagePath("/confluence/rest/api/content/" + id + "?expand=body.storage").contains(
                "<ol><li><p>Switch the resolver</p></li></ol>"));
        assertTrue(call(Transport.STREAMABLE, "confluence_add_labels", Map.of("page_id", id, "labels", List.of(
                "runbook"))).text().startsWith("Added runbook to page " + id));
        assertEquals("Labels of page " + id + " (Runbook: DNS failover): runbook", call(Transport.STREAMABLE,
                "confluence_get_labels", Map.of("page_id", id)).text());
        for (String used : new String[] { "GET /confluence/rest/api/space 200", "POST /confluence/rest/api/content 200",
                "GET /confluence/rest/api/content/131074/child/page 200", "POST /confluence/rest/api/content/" + id
                        + "/label 200",
                "GET /confluence/rest/api/content/" + id + "/label 200" }) {
            assertTrue(Mcp.sandbox().requests().contains(used), used + " in " + Mcp.sandbox().requests());
        }
    }

    @Test
    void versionsAndDiffsReadHistoricalVersionsThroughVersionOne() {
        String versions = call(Transport.STREAMABLE, "confluence_get_page_versions", Map.of("page_id", "131075"))
                .text();
        assertTrue(versions.contains("| 2 | Bob Martin (bmartin) | ") && versions.contains("| Add escalation "
                + "contacts |"), versions);
        String diff = call(Transport.STREAMABLE, "confluence_get_page_diff", Map.of("page_id", "131075",
                "from_version", 1, "to_version", 2)).text();
        assertTrue(diff.contains("\n+- Settlement job running\n"), diff);
        assertTrue(Mcp.sandbox().requests().contains("GET /confluence/rest/api/content/131075/version 200"), Mcp
                .sandbox().requests()::toString);
    }

    @Test
    void commentThreadsAndRepliesUseVersionOneAndInlineCommentsAreNotAvailable() {
        String comments = call(Transport.STREAMABLE, "confluence_get_comments", Map.of("page_id", "131077")).text();
        assertTrue(comments.contains("**Bob Martin (bmartin)**") && comments.contains("↳ reply to "), comments);
        String question = comments.replaceFirst("(?s).*\\*\\*Bob Martin \\(bmartin\\)\\*\\* · [^·]+ · comment (\\d+).*",
                "$1");
        Map<String, Object> reply = new java.util.HashMap<>(Map.of("page_id", "131077", "body", "Capped at 20.",
                "parent_comment_id", question));
        Matcher token = ConfirmedCommentsTest.TOKEN.matcher(call(Transport.STREAMABLE, "confluence_add_comment",
                reply).text());
        assertTrue(token.find(), "comments need confirmation in this profile");
        reply.put("confirmation_token", token.group(1));
        assertTrue(call(Transport.STREAMABLE, "confluence_add_comment", reply).text().startsWith("Added comment "));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_comments", Map.of("page_id", "131077")).text()
                .contains("Capped at 20."));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_comments", Map.of("page_id", "131079")).text()
                .contains("On: \"the consumer stalls\""));
        assertEquals("Adding inline comments is not available on Confluence Data Center: it has no API for it. Add "
                + "a footer comment with confluence_add_comment and quote the text instead.",
                call(Transport.STREAMABLE,
                        "confluence_add_inline_comment", Map.of("page_id", "131076", "selection", "last run", "body",
                                "x")).text());
    }

    @Test
    void attachmentsAreListedReadThroughTheDownloadLinkAndAddedThroughVersionOne() {
        String list = call(Transport.STREAMABLE, "confluence_get_attachments", Map.of("page_id", "131079")).text();
        assertTrue(list.contains("| consumer-lag.csv | text/csv | 48 B | Bob Martin |"), list);
        assertTrue(call(Transport.STREAMABLE, "confluence_read_attachment", Map.of("page_id", "131079",
                "attachment_id", "consumer-lag.csv")).text().contains("00:10,910"));
        assertTrue(
                Mcp.sandbox().requests().contains("GET /confluence/download/attachments/131079/consumer-lag.csv 200"),
                Mcp.sandbox().requests()::toString);
        Mcp.Result added = call(Transport.SSE, "confluence_add_attachment", Map.of("page_id", "131079", "filename",
                "dc-lag.txt", "text", "910"));
        assertTrue(added.text().startsWith("Done: dc-lag.txt attached to page 131079"), added.text());
        String changeId = added.text().replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
        assertTrue(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId)).text()
                .startsWith("Done: undo "));
        assertTrue(Mcp.sandbox().requests().contains("POST /confluence/rest/api/content/131079/child/attachment 200"),
                Mcp.sandbox().requests()::toString);
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.matches(
                "DELETE /confluence/rest/api/content/att\\d+ 204")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void pagesMoveWithinTheirSpaceByAnUpdateAndAreNeitherMovedAcrossSpacesNorCopied() {
        Mcp.Result moved = call(Transport.STREAMABLE, "confluence_move_page", Map.of("page_id", "131077",
                "parent_id", "131078"));
        assertTrue(moved.text().startsWith("Moved page 131077 (Postmortem: 2026-11-18 checkout latency) under page "
                + "131078 (On-call handbook) in space OPS."), moved.text());
        assertTrue(call(Transport.SSE, "confluence_get_page", Map.of("page_id", "131077")).text().contains(
                "Path: Operations Home (131073) > On-call handbook (131078)"));
        String changeId = moved.text().replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
        assertTrue(call(Transport.STREAMABLE, "confluence_undo_change", Map.of("change_id", changeId)).text()
                .startsWith("Done: undo "));
        assertTrue(call(Transport.SSE, "confluence_get_page", Map.of("page_id", "131077")).text().contains(
                "Path: Operations Home (131073)\n"));
        assertEquals(2, Mcp.sandbox().requests().stream().filter(r -> r.equals(
                "PUT /confluence/rest/api/content/131077 200")).count(), Mcp.sandbox().requests()::toString);

        assertEquals("Not moved: Confluence Data Center's REST API moves a page only within its space, and page "
                + "65537 is in space ENG. Move it in Confluence (… > Move), or choose a parent in space OPS. Nothing "
                + "was changed.",
                call(Transport.STREAMABLE, "confluence_move_page", Map.of("page_id", "131077",
                        "parent_id", "65537")).text());
        assertTrue(call(Transport.SSE, "confluence_copy_page", Map.of("page_id", "131078", "parent_id", "131073"))
                .text().startsWith("Not copied: Confluence Data Center's REST API has no operation that copies a "
                        + "page."));
    }

    @Test
    void restrictionsAndBlogPostsReadAsOnCloud() {
        String restrictions = call(Transport.STREAMABLE, "confluence_get_page_restrictions", Map.of("page_id",
                "131075")).text();
        assertTrue(restrictions.contains("- View, inherited from page 131074 (Runbooks): group sre\n- Edit: Bob "
                + "Martin (bmartin), Jane Doe (jdoe), group sre"), restrictions);
        String post = call(Transport.SSE, "confluence_get_blog_post", Map.of("blog_post_id", "131090")).text();
        assertTrue(post.startsWith("# Checkout latency: what we changed after November 18\nBlog post 131090"), post);
        assertEquals("Content 131090 is a blog post: read it with confluence_get_blog_post.", call(
                Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "131090")).text());
        assertEquals("Content 131075 is a page: read it with confluence_get_page.", call(Transport.STREAMABLE,
                "confluence_get_blog_post", Map.of("blog_post_id", "131075")).text());
        assertEquals("Not found: No content found with id: ContentId{id=9000001}. Check the key or id.", call(
                Transport.SSE, "confluence_get_page", Map.of("page_id", "9000001")).text(), "a comment is no page");
        assertTrue(Mcp.sandbox().requests().contains("GET /confluence/rest/api/content/9000001 200"), "Confluence "
                + "answered with the comment: " + Mcp.sandbox().requests());
    }

    @Test
    void peopleAreFoundByNameWithTheirUsernames() {
        assertTrue(call(Transport.STREAMABLE, "confluence_find_users", Map.of("query", "bmar")).text().contains(
                "| Bob Martin | bmartin | (hidden) |"));
        assertTrue(Mcp.sandbox().requests().contains("GET /confluence/rest/api/search 200"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "65540", "65541", "131078" })
    void appendingToStorageFormatPagesKeepsTheirBodyByteForByte(String pageId) {
        String path = "/confluence/rest/api/content/" + pageId + "?expand=body.storage";
        String before = storagePath(path);
        assertFalse(call(Transport.STREAMABLE, "confluence_append_to_page", Map.of("page_id", pageId, "body",
                "Reviewed.")).isError());
        assertEquals(before + "<p>Reviewed.</p>", storagePath(path));
    }

    private static String storagePath(String path) {
        return new io.vertx.core.json.JsonObject(dev.atlmcp.testing.SandboxSite.getDataCenter(path)).getJsonObject(
                "body").getJsonObject("storage").getString("value");
    }

    private static String storage() {
        return storagePath("/confluence/rest/api/content/131079?expand=body.storage");
    }
}

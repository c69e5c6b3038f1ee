package dev.atlmcp.confluence.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.platform.args.Arguments;

/** What differs between Confluence Cloud and Data Center, decided by the two sites alone. */
class ConfluenceSitesTest {

    private static final ConfluenceSite CLOUD = new ConfluenceCloudSite(null, null, "https://acme.atlassian.net");
    private static final ConfluenceSite DATA_CENTER = new ConfluenceDataCenterSite(null,
            "https://wiki.acme.internal/confluence");

    @Test
    void writePreviewsNameTheApiEachSiteIsCalledOn() {
        assertEquals("/wiki/api/v2/pages/42", CLOUD.pagePath("42"));
        assertEquals("/rest/api/content/42", DATA_CENTER.pagePath("42"));
        assertEquals("/wiki/rest/api/content", CLOUD.contentApi());
        assertEquals("/rest/api/content", DATA_CENTER.contentApi());
        assertEquals("/wiki/api/v2/pages", CLOUD.pagesPath());
        assertEquals("/wiki/api/v2/footer-comments", CLOUD.footerCommentsPath());
        assertEquals("/rest/api/content", DATA_CENTER.footerCommentsPath());
        assertEquals("/wiki/api/v2/inline-comments/7", CLOUD.commentPath("7", true));
        assertEquals("/wiki/api/v2/footer-comments/7", CLOUD.commentPath("7", false));
        assertEquals("/rest/api/content/7", DATA_CENTER.commentPath("7", false));
        assertEquals("https://acme.atlassian.net/wiki", CLOUD.webRoot());
        assertEquals("https://wiki.acme.internal/confluence", DATA_CENTER.webRoot());
        assertEquals("https://acme.atlassian.net/wiki/spaces/OPS/pages/42", CLOUD.absolute(null,
                "/spaces/OPS/pages/42"));
        assertEquals("https://wiki.acme.internal/confluence/pages/viewpage.action?pageId=42", DATA_CENTER.url(
                new PageDtos.Links("/pages/viewpage.action?pageId=42", null)));
        assertEquals("https://elsewhere.example/x",
                CLOUD.absolute("https://base.example", "https://elsewhere.example/x"));
    }

    @Test
    void bodiesAreStoredAsAdfOnCloudAndStorageFormatOnDataCenter() {
        ObjectNode adf = MarkdownToAdf.convert("Restart the **consumer**.");
        assertEquals(adf.toString(), CLOUD.stored(adf));
        assertEquals("<p>Restart the <strong>consumer</strong>.</p>", DATA_CENTER.stored(adf));
        String storage = "<h1>Steps</h1><p>old</p><h1>Owner</h1><p>Team A</p>";
        assertEquals("<h1>Steps</h1><p>Restart the <strong>consumer</strong>.</p><h1>Owner</h1><p>Team A</p>",
                DATA_CENTER.replaceSection(storage, "Steps", 0, adf));
        assertTrue(DATA_CENTER.append(storage, adf).endsWith("<p>Team A</p><p>Restart the <strong>consumer</strong>"
                + ".</p>"));
    }

    @Test
    void newPagesAndUpdatesHaveEachSitesShape() {
        ObjectNode adf = MarkdownToAdf.convert("Hello");
        assertEquals("{\"spaceId\":\"9\",\"status\":\"current\",\"title\":\"Runbook\",\"parentId\":\"5\",\"body\":"
                + "{\"representation\":\"atlas_doc_format\",\"value\":" + JsonNodeFactory.instance.textNode(adf
                        .toString())
                + "}}", CLOUD.newPage("9", "OPS", "Runbook", "5", adf).toString());
        assertEquals("{\"type\":\"page\",\"title\":\"Runbook\",\"space\":{\"key\":\"OPS\"},\"ancestors\":[{\"id\":"
                + "\"5\"}],\"body\":{\"storage\":{\"value\":\"<p>Hello</p>\",\"representation\":\"storage\"}}}",
                DATA_CENTER.newPage("9", "OPS", "Runbook", "5", adf).toString());
        assertEquals(3, DATA_CENTER.pageUpdate("42", "Runbook", "<p>x</p>", 3, "m").path("version").path("number")
                .asInt());
        assertEquals("atlas_doc_format", CLOUD.pageUpdate("42", "Runbook", "{}", 3, "m").path("body").path(
                "representation").asText());
    }

    @Test
    void searchCursorsAreTheSitesOwnOnCloudAndOffsetsOnDataCenter() {
        SearchDtos.SearchPage cloud = new SearchDtos.SearchPage(List.of(), 0, 0, 0, new SearchDtos.Links(
                "/rest/api/search?cql=type%3Dpage&cursor=abc%3D%3D&limit=10", null));
        assertEquals("abc==", CLOUD.nextSearchCursor(cloud, null));
        SearchDtos.Result hit = new SearchDtos.Result(null, "t", null, null, null, null, "content");
        SearchDtos.SearchPage more = new SearchDtos.SearchPage(List.of(hit, hit), 0, 2, 9, new SearchDtos.Links(
                "/rest/api/search?start=2", null));
        assertEquals(Arguments.offsetCursor(2), DATA_CENTER.nextSearchCursor(more, null));
        assertEquals(Arguments.offsetCursor(6), DATA_CENTER.nextSearchCursor(more, Arguments.offsetCursor(4)));
        SearchDtos.SearchPage last = new SearchDtos.SearchPage(List.of(hit), 2, 1, 3, new SearchDtos.Links(null,
                null));
        assertNull(DATA_CENTER.nextSearchCursor(last, Arguments.offsetCursor(2)));
    }

    @Test
    void onlyCloudHasInlineCommentsAndPersonProperties() {
        assertTrue(CLOUD.takesInlineComments());
        assertFalse(DATA_CENTER.takesInlineComments());
        assertTrue(CLOUD.noPersonProperties().isEmpty());
        assertEquals("Confluence Data Center has no user properties, so this server keeps no list of your changes "
                + "there.", DATA_CENTER.noPersonProperties().orElseThrow());
        assertEquals(List.of(), CLOUD.pageNotFound("42"));
        assertEquals(List.of("No content found with id: ContentId{id=42}"), DATA_CENTER.pageNotFound("42"));
    }

    @Test
    void peopleAreAccountIdsOnCloudAndUsernamesOnDataCenter() {
        ObjectNode user = JsonNodeFactory.instance.objectNode().put("accountId", "5b10ac8d").put("username", "jdoe");
        assertEquals("5b10ac8d", CLOUD.personId(user));
        assertEquals("jdoe", DATA_CENTER.personId(user));
    }

    @Test
    void dataCenterThreadsRepliesUnderTheirComment() {
        ConfluenceSite.Comment first = comment("1", null);
        ConfluenceSite.Comment second = comment("2", null);
        ConfluenceSite.Comment replyToFirst = comment("3", "1");
        assertEquals(List.of("1", "3", "2"), ConfluenceDataCenterSite.threaded(List.of(first, second, replyToFirst))
                .stream().map(ConfluenceSite.Comment::id).toList());
    }

    private static ConfluenceSite.Comment comment(String id, String parent) {
        return new ConfluenceSite.Comment(id, "Jane", null, null, parent, null, null);
    }
}

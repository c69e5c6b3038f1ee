package dev.atlmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.http.Json;

/** The Confluence sites behave like Confluence: v2 pages in both body formats, visibility, CQL, paging, errors. */
class SandboxConfluenceTest extends SandboxSiteTest {

    @Test
    void cloudPageComesAsStringifiedAdfOrAsStorage() throws Exception {
        JsonNode adf = http.get("/wiki/api/v2/pages/131075?body-format=atlas_doc_format&include-labels=true", bot())
                .json();
        assertEquals("Runbook: checkout-api latency", adf.path("title").asText());
        assertEquals("98306", adf.path("spaceId").asText());
        assertEquals(2, adf.path("version").path("number").asInt());
        JsonNode doc = Json.MAPPER.readTree(adf.path("body").path("atlas_doc_format").path("value").asText());
        assertEquals("doc", doc.path("type").asText());
        assertEquals(List.of("runbook", "checkout-api"), names(adf.path("labels").path("results")));

        String storage = http.get("/wiki/api/v2/pages/131075?body-format=storage", bot()).json().path("body")
                .path("storage").path("value").asText();
        assertTrue(storage.contains("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash"),
                storage);
        assertTrue(storage.contains("<ri:user ri:account-id=\"" + Directory.JANE.accountId() + "\" />"), storage);

        JsonNode first = http.get("/wiki/api/v2/pages/131075?version=1&body-format=storage", bot()).json();
        assertEquals(1, first.path("version").path("number").asInt());
        assertFalse(first.path("body").path("storage").path("value").asText().contains("Settlement job running"));
    }

    @Test
    void restrictedSpacesAndUnknownPagesAre404InConfluencesShape() throws Exception {
        SandboxHttp.Reply hidden = http.get("/wiki/api/v2/pages/262146", bot());
        assertEquals(404, hidden.status());
        assertEquals("NOT_FOUND", hidden.json().path("errors").get(0).path("code").asText());
        assertEquals(200, http.get("/wiki/api/v2/pages/262146", SandboxHttp.basic(Directory.JANE.email(),
                Directory.JANE.apiToken())).status());
        assertEquals(400, http.get("/wiki/api/v2/pages/abc", bot()).status());
    }

    @Test
    void cqlSearchPagesWithCursorsAndHidesRestrictedSpaces() throws Exception {
        List<String> titles = new ArrayList<>();
        String next = "/wiki/rest/api/search?limit=4&cql=" + encode("type = page ORDER BY title");
        int pages = 0;
        while (next != null && pages++ < 10) {
            JsonNode page = http.get(next, bot()).json();
            page.path("results").forEach(r -> titles.add(r.path("title").asText()));
            next = page.path("_links").has("next") ? "/wiki" + page.path("_links").path("next").asText() : null;
        }
        assertTrue(pages > 2, "paged: " + pages);
        assertEquals(titles.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), titles);
        assertTrue(titles.contains("Runbook: checkout-api latency"));
        assertFalse(titles.contains("Compensation bands 2027"));

        JsonNode found = http.get("/wiki/rest/api/search?cql=" + encode("space = OPS AND text ~ \"settlement\""),
                bot()).json();
        assertTrue(found.path("totalSize").asInt() >= 2, found.toString());
        assertTrue(found.path("results").get(0).path("excerpt").asText().contains("@@@hl@@@"), found.toString());
        assertEquals("Operations", found.path("results").get(0).path("resultGlobalContainer").path("title")
                .asText());
    }

    @Test
    void badCqlIs400WithConfluencesMessage() throws Exception {
        SandboxHttp.Reply unparseable = http.get("/wiki/rest/api/search?cql=" + encode("space = OPS AND"), bot());
        assertEquals(400, unparseable.status());
        assertEquals("Could not parse cql : space = OPS AND", unparseable.json().path("message").asText());
        SandboxHttp.Reply field = http.get("/wiki/rest/api/search?cql=" + encode("sapce = OPS"), bot());
        assertTrue(field.json().path("message").asText().endsWith("No field exists with the name: 'sapce'"));
    }

    @Test
    void dataCenterServesV1ContentWithStorageAndStartOffsets() throws Exception {
        String pat = SandboxHttp.bearer(Directory.BOT.pat());
        JsonNode page = http.get("/confluence/rest/api/content/131075?expand=body.storage,version,space,ancestors",
                pat).json();
        assertEquals("OPS", page.path("space").path("key").asText());
        assertEquals("bmartin", page.path("version").path("by").path("username").asText());
        assertEquals(List.of("Operations Home", "Runbooks"), names(page.path("ancestors"), "title"));
        assertTrue(page.path("body").path("storage").path("value").asText().contains("ri:userkey=\""
                + Directory.JANE.key() + "\""));

        JsonNode search = http.get("/confluence/rest/api/search?limit=2&start=2&cql=" + encode("space = ENG"), pat)
                .json();
        assertEquals(2, search.path("start").asInt());
        assertTrue(search.path("_links").path("next").asText().contains("start=4"), search.toString());

        SandboxHttp.Reply missing = http.get("/confluence/rest/api/content/999", pat);
        assertEquals(404, missing.status());
        assertEquals("No content found with id: ContentId{id=999}", missing.json().path("message").asText());
    }

    private static List<String> names(JsonNode array) {
        return names(array, "name");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    @Test
    void theCurrentUserIsTheOwnerOfTheCredentials() throws Exception {
        JsonNode cloud = http.get("/wiki/rest/api/user/current",
                SandboxHttp.basic(Directory.JANE.email(), Directory.JANE.apiToken())).json();
        assertEquals(Directory.JANE.accountId(), cloud.path("accountId").asText());
        JsonNode dc = http.get("/confluence/rest/api/user/current", SandboxHttp.bearer(Directory.BOB.pat())).json();
        assertEquals("bmartin", dc.path("username").asText());
        assertEquals("Bob Martin", dc.path("displayName").asText());
    }

    @Test
    void footerCommentsAreAddedAndListedOnPagesTheUserMaySee() throws Exception {
        String adf = "{\\\"type\\\":\\\"doc\\\",\\\"version\\\":1,\\\"content\\\":[{\\\"type\\\":\\\"paragraph\\\","
                + "\\\"content\\\":[{\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"Looks good\\\"}]}]}";
        SandboxHttp.Reply added = http.postJson("/wiki/api/v2/footer-comments", bot(), "{\"pageId\":\"131075\","
                + "\"body\":{\"representation\":\"atlas_doc_format\",\"value\":\"" + adf + "\"}}");
        assertEquals(201, added.status(), added.body());
        JsonNode listed = http.get("/wiki/api/v2/pages/131075/footer-comments?body-format=atlas_doc_format", bot())
                .json();
        assertTrue(listed.path("results").get(0).path("body").path("atlas_doc_format").path("value").asText()
                .contains("Looks good"));
        assertEquals(404, http.postJson("/wiki/api/v2/footer-comments", bot(), "{\"pageId\":\"262146\",\"body\":"
                + "{\"representation\":\"storage\",\"value\":\"<p>x</p>\"}}").status(), "HR is Jane's only");
        SandboxHttp.Reply dc = http.postJson("/confluence/rest/api/content", SandboxHttp.bearer(Directory.BOT.pat()),
                "{\"type\":\"comment\",\"container\":{\"id\":\"131075\",\"type\":\"page\"},\"body\":{\"storage\":"
                        + "{\"value\":\"<p>Done</p>\",\"representation\":\"storage\"}}}");
        assertEquals(200, dc.status(), dc.body());
        assertEquals("comment", dc.json().path("type").asText());
    }

    @Test
    void dataCenterListsAPagesContentPropertiesWithStartOffsets() throws Exception {
        String pat = SandboxHttp.bearer(Directory.BOT.pat());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.postJson("/confluence/rest/api/content/131076/property", pat, "{\"key\":\"k" + i
                    + "\",\"value\":{\"n\":" + i + "}}").status());
        }
        JsonNode first = http.get("/confluence/rest/api/content/131076/property?limit=2", pat).json();
        assertEquals(List.of("k0", "k1"), names(first.path("results"), "key"));
        String next = first.path("_links").path("next").asText();
        assertEquals("/rest/api/content/131076/property?start=2&limit=2", next);
        JsonNode last = http.get("/confluence" + next, pat).json();
        assertEquals(List.of("k2"), names(last.path("results"), "key"));
        assertEquals(2, last.path("start").asInt());
        assertFalse(last.path("_links").has("next"), last.toString());
        assertEquals(404, http.get("/confluence/rest/api/content/262146/property", pat).status(), "HR is Jane's only");
    }

    @Test
    void cloudDownloadsRedirectToAMediaHostThatRefusesTheSiteCredentials() throws Exception {
        JsonNode attachments = http.get("/wiki/api/v2/pages/131079/attachments", bot()).json().path("results");
        String id = attachments.get(0).path("id").asText();
        SandboxHttp.Reply redirect = http.get("/wiki/rest/api/content/131079/child/attachment/" + id + "/download",
                bot());
        assertEquals(302, redirect.status());
        java.net.URI media = java.net.URI.create(redirect.header("Location"));
        assertFalse(java.net.URI.create(sandbox.url()).getPort() == media.getPort(), "another origin: " + media);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        assertEquals(401, client.send(java.net.http.HttpRequest.newBuilder(media).header("Authorization", bot())
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(), "site credentials");
        java.net.http.HttpResponse<byte[]> file = client.send(java.net.http.HttpRequest.newBuilder(media).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals(attachments.get(0).path("fileSize").asInt(), file.body().length);
        assertEquals(404, client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(media.toString()
                .replaceFirst("/file/[0-9a-f]+/", "/file/00/"))).build(), java.net.http.HttpResponse.BodyHandlers
                        .ofString())
                .statusCode(), "unsigned");
        assertEquals(404, http.get("/wiki/download/attachments/131079/consumer-lag.csv", bot()).status(),
                "the web link is not the API");
    }

    @Test
    void deprecatedOperationsAnswer410OnceSwitchedOff() throws Exception {
        assertEquals(404, http.get("/wiki/rest/api/content/131075/property/nope", bot()).status());
        new SandboxControl(sandbox.url()).deprecatedEndpoints(true);
        try {
            SandboxHttp.Reply gone = http.get("/wiki/rest/api/content/131075/property/nope", bot());
            assertEquals(410, gone.status());
            assertTrue(gone.body().contains("/wiki/api/v2/pages/{id}/properties"), gone.body());
            assertEquals(200, http.get("/wiki/api/v2/pages/131075/properties?key=nope", bot()).status());
        } finally {
            new SandboxControl(sandbox.url()).deprecatedEndpoints(false);
        }
    }

    private static String encode(String cql) {
        return URLEncoder.encode(cql, StandardCharsets.UTF_8);
    }
}

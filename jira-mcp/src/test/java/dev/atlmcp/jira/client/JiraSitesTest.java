package dev.atlmcp.jira.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** What differs between Jira Cloud and Data Center, decided by the two sites alone. */
class JiraSitesTest {

    private static final JiraSite CLOUD = new JiraCloudSite(null, new ObjectMapper());
    private static final JiraSite DATA_CENTER = new JiraDataCenterSite(null, null);

    @Test
    void eachSiteSpeaksItsRestVersion() {
        assertEquals("/rest/api/3", CLOUD.api());
        assertEquals("/rest/api/2", DATA_CENTER.api());
    }

    @Test
    void richTextIsAdfOnCloudAndWikiMarkupOnDataCenter() {
        JsonNode cloud = CLOUD.richText("Fixed in **4.12.1**, see `pool.size`.");
        assertEquals("doc", cloud.path("type").asText());
        assertEquals("strong", cloud.at("/content/0/content/1/marks/0/type").asText());
        JsonNode dataCenter = DATA_CENTER.richText("Fixed in **4.12.1**, see `pool.size`.");
        assertTrue(dataCenter.isTextual());
        assertEquals("Fixed in *4.12.1*, see {{pool.size}}.", dataCenter.asText());
    }

    @Test
    void peopleAreAccountIdsOnCloudAndUsernamesOnDataCenter() {
        assertEquals("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}", CLOUD.person("5b10ac8d82e05b22cc7d4ef5")
                .toString());
        assertEquals("{\"name\":\"jdoe\"}", DATA_CENTER.person("jdoe").toString());
        assertEquals("5b10ac8d82e05b22cc7d4ef5", CLOUD.personId(CLOUD.person("5b10ac8d82e05b22cc7d4ef5")));
        assertEquals("jdoe", DATA_CENTER.personId(DATA_CENTER.person("jdoe")));
        assertEquals("accountId=5b10ac8d82e05b22cc7d4ef5", CLOUD.personQuery("5b10ac8d82e05b22cc7d4ef5"));
        assertEquals("username=jdoe", DATA_CENTER.personQuery("jdoe"));
        assertEquals("account id", CLOUD.personIdName());
        assertEquals("username", DATA_CENTER.personIdName());
    }

    @Test
    void onlyCloudTakesAnAccountIdAsItIs() {
        assertTrue(CLOUD.isPersonId("5b10ac8d82e05b22cc7d4ef5"));
        assertTrue(CLOUD.isPersonId("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"));
        assertFalse(CLOUD.isPersonId("jane.doe@example.com"));
        assertFalse(CLOUD.isPersonId("Jane Doe"));
        assertFalse(DATA_CENTER.isPersonId("5b10ac8d82e05b22cc7d4ef5"));
        assertTrue(CLOUD.hidesEmails());
        assertFalse(DATA_CENTER.hidesEmails());
    }

    @Test
    void dataCenterPagesTheHistoryItReadsWhole() {
        ArrayNode histories = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 5; i++) {
            histories.addObject().put("id", String.valueOf(i));
        }
        JiraSite.History page = JiraDataCenterSite.slice(histories, 2, 2);
        assertEquals(List.of("2", "3"), page.entries().stream().map(e -> e.path("id").asText()).toList());
        assertEquals(5, page.total());
        assertEquals(List.of("4"), JiraDataCenterSite.slice(histories, 4, 2).entries().stream().map(e -> e.path(
                "id").asText()).toList());
        assertEquals(List.of(), JiraDataCenterSite.slice(histories, 7, 2).entries());
    }

    @Test
    void onlyDataCenterCountsWhatASearchFound() {
        assertEquals(0, DATA_CENTER.nothingFound().total());
        assertNull(CLOUD.nothingFound().total());
        assertNull(CLOUD.nothingFound().next());
    }
}

package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Pretty-printed on purpose: the layout of the text outside the section must survive. */
    private static final String DOC = """
            {"version": 1, "type": "doc",
              "content": [
                {"type": "extension", "attrs": {"extensionType": "com.atlassian.confluence.macro.core", "extensionKey": "toc", "parameters": {"macroParams": {}}}},
                {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Symptoms"}]},
                {"type": "paragraph", "content": [{"type": "text", "text": "Queue grows when ", "marks": []}, {"type": "text", "text": "the consumer stalls", "marks": [{"type": "annotation", "attrs": {"id": "c0ffee", "annotationType": "inlineComment"}}]}]},
                {"type": "heading", "attrs": {"level": 3}, "content": [{"type": "text", "text": "Dashboards"}]},
                {"type": "paragraph", "content": [{"type": "text", "text": "See Grafana."}]},
                {"type": "layoutSection", "content": [{"type": "layoutColumn", "attrs": {"width": 50}, "content": [{"type": "heading", "attrs": {"level": 3}, "content": [{"type": "text", "text": "Contacts"}]}]}, {"type": "layoutColumn", "attrs": {"width": 50}, "content": [{"type": "paragraph"}]}]},
                {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Steps"}]},
                {"type": "orderedList", "attrs": {"order": 1}, "content": [{"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Restart the consumer"}]}]}]},
                {"type": "heading", "attrs": {"level": 1}, "content": [{"type": "text", "text": "Appendix"}]},
                {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Steps"}]}
              ]
            }
            """;

    private static final String STORAGE = "<ac:structured-macro ac:name=\"toc\" ac:schema-version=\"1\" />"
            + "<h2>Symptoms</h2><p>Queue grows when <ac:inline-comment-marker ac:ref=\"c0ffee\">the consumer stalls"
            + "</ac:inline-comment-marker>&nbsp;again.</p>\n<h3>Dashboards</h3><p>See <ac:link><ri:attachment "
            + "ri:filename=\"queue.png\" /></ac:link>.</p><ac:layout><ac:layout-section ac:type=\"two_equal\">"
            + "<ac:layout-cell><h3>Contacts</h3></ac:layout-cell><ac:layout-cell><p /></ac:layout-cell>"
            + "</ac:layout-section></ac:layout><ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA["
            + "<h2>Steps</h2> in a code block is not a heading]]></ac:plain-text-body></ac:structured-macro>"
            + "<h2>Steps &amp; checks</h2><ol><li>Restart the consumer</li></ol><h1>Appendix</h1>";

    private static JsonNode blocks(String markdown) {
        return MarkdownToAdf.convert(markdown).path("content");
    }

    @Test
    void aSectionIsReplacedUpToTheNextHeadingOfTheSameLevelAndTheRestOfTheTextIsKept() throws Exception {
        String edited = AdfSections.replaceSection(DOC, "## symptoms", 0, blocks("Queue **backs up**."));
        int headingEnd = DOC.indexOf("\"Symptoms\"}]}") + "\"Symptoms\"}]}".length();
        assertEquals(DOC.substring(0, headingEnd), edited.substring(0, headingEnd));
        assertTrue(edited.endsWith(DOC.substring(DOC.indexOf("{\"type\": \"heading\", \"attrs\": {\"level\": 2}, "
                + "\"content\": [{\"type\": \"text\", \"text\": \"Steps\"}]},"))), edited);
        assertTrue(!edited.contains("Dashboards") && !edited.contains("layoutSection"), "the h3 and the layout "
                + "belong to the section: " + edited);
        JsonNode doc = JSON.readTree(edited);
        assertEquals("", AdfSchema.problems(doc));
        assertEquals(List.of("extension", "heading", "paragraph", "heading", "orderedList", "heading", "heading"),
                types(doc));
        assertEquals("backs up", doc.path("content").get(2).path("content").get(1).path("text").asText());
    }

    @Test
    void occurrencePicksOneOfEqualHeadingsAndTheLastSectionRunsToTheEnd() throws Exception {
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class, () -> AdfSections
                .replaceSection(DOC, "Steps", 0, blocks("x")));
        assertEquals("The page has 2 headings 'Steps'. Pass occurrence (1 for the first, up to 2) to say which "
                + "section to replace.", ambiguous.getMessage());
        String last = AdfSections.replaceSection(DOC, "Steps", 2, blocks("1. Drain\n2. Restart"));
        JsonNode doc = JSON.readTree(last);
        assertEquals("", AdfSchema.problems(doc));
        assertEquals("orderedList", doc.path("content").get(doc.path("content").size() - 1).path("type").asText());
        assertTrue(last.startsWith(DOC.substring(0, DOC.lastIndexOf("\"Steps\"}]}") + "\"Steps\"}]}".length())));
        String emptied = AdfSections.replaceSection(DOC, "Steps", 1, JSON.createArrayNode());
        assertEquals(List.of("extension", "heading", "paragraph", "heading", "paragraph", "layoutSection", "heading",
                "heading", "heading"), types(JSON.readTree(emptied)));
        assertThrows(IllegalArgumentException.class, () -> AdfSections.replaceSection(DOC, "Steps", 3, blocks("x")));
    }

    @Test
    void missingAndNestedHeadingsAreClearErrors() {
        assertEquals("The heading 'Contacts' sits inside a layout, and sections are edited only at the top level of "
                + "a page. Change that part with confluence_update_page.",
                assertThrows(IllegalArgumentException.class,
                        () -> AdfSections.replaceSection(DOC, "Contacts", 0, blocks("x"))).getMessage());
        assertEquals("There is no heading 'Rollback' at the top level of the page. Its headings: Symptoms; "
                + "Dashboards; Steps; Appendix; Steps.",
                assertThrows(IllegalArgumentException.class,
                        () -> AdfSections.replaceSection(DOC, "Rollback", 0, blocks("x"))).getMessage());
        assertThrows(IllegalStateException.class, () -> AdfSections.append("[1, 2]", blocks("x")));
    }

    @Test
    void appendAddsAfterTheLastBlock() throws Exception {
        String appended = AdfSections.append(DOC, blocks("## Follow-up\nCheck the alert."));
        assertTrue(appended.startsWith(DOC.substring(0, DOC.lastIndexOf(']'))));
        JsonNode doc = JSON.readTree(appended);
        assertEquals("", AdfSchema.problems(doc));
        assertEquals(12, doc.path("content").size());
        String empty = "{\"type\":\"doc\",\"version\":1,\"content\":[]}";
        assertEquals(List.of("paragraph"), types(JSON.readTree(AdfSections.append(empty, blocks("First line.")))));
    }

    @Test
    void storageSectionsAreSplicedIntoTheOriginalText() {
        String edited = StorageSections.replaceSection(STORAGE, "Symptoms", 0, "<p>Queue <strong>backs up</strong>."
                + "</p>");
        int headingEnd = STORAGE.indexOf("</h2>") + "</h2>".length();
        String rest = STORAGE.substring(STORAGE.indexOf("<h2>Steps &amp; checks</h2>"));
        assertEquals(STORAGE.substring(0, headingEnd) + "<p>Queue <strong>backs up</strong>.</p>" + rest, edited);

        String steps = StorageSections.replaceSection(STORAGE, "steps & checks", 0, "<ol><li>Drain</li></ol>");
        assertEquals(STORAGE.replace("<ol><li>Restart the consumer</li></ol>", "<ol><li>Drain</li></ol>"), steps);
        assertEquals(STORAGE + "<p>More.</p>", StorageSections.append(STORAGE, "<p>More.</p>"));
    }

    @Test
    void storageHeadingsInLayoutsAreRefusedAndCodeIsNotAHeading() {
        assertEquals("The heading 'Contacts' sits inside a layout, and sections are edited only at the top level of "
                + "a page. Change that part with confluence_update_page.",
                assertThrows(IllegalArgumentException.class,
                        () -> StorageSections.replaceSection(STORAGE, "Contacts", 0, "<p />")).getMessage());
        assertEquals("There is no heading 'Steps' at the top level of the page. Its headings: Symptoms; Dashboards; "
                + "Steps & checks; Appendix.",
                assertThrows(IllegalArgumentException.class, () -> StorageSections
                        .replaceSection(STORAGE, "Steps", 0, "<p />")).getMessage());
    }

    private static List<String> types(JsonNode doc) {
        List<String> types = new java.util.ArrayList<>();
        doc.path("content").forEach(n -> types.add(n.path("type").asText()));
        return types;
    }
}

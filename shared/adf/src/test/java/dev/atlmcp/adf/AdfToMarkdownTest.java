package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class AdfToMarkdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode corpus(String name) throws Exception {
        Path dir = RoundTripTest.CORPUS;
        return JSON.readTree(Files.readString(dir.resolve(name)));
    }

    @Test
    void rendersRealisticBugReportKeepingMentionsDatesAndStructure() throws Exception {
        String md = AdfToMarkdown.render(corpus("25-jira-bug-report-realistic.json"));
        assertTrue(md.startsWith("## Summary\n\nLogin via SSO fails for users in the **EMEA** region"), md);
        assertTrue(md.contains("@[Jane Doe](user:5b10ac8d82e05b22cc7d4ef5)"), md);
        assertTrue(md.contains("2026-01-01"), md);
        assertTrue(md.contains("<https://example.atlassian.net/browse/REL-7>"), md);
    }

    @Test
    void keepsUnknownNodesAsFencedAdf() throws Exception {
        JsonNode doc = JSON.readTree("""
                {"type":"doc","version":1,"content":[{"type":"layoutSection","content":[]}]}""");
        assertEquals("```adf\n{\"type\":\"layoutSection\",\"content\":[]}\n```", AdfToMarkdown.render(doc));
    }

    @Test
    void codeBlockFenceIsLongerThanAnyBacktickRunInside() throws Exception {
        JsonNode doc = JSON.readTree("""
                {"type":"doc","version":1,"content":[{"type":"codeBlock","attrs":{"language":"md"},
                 "content":[{"type":"text","text":"```java\\nx\\n```"}]}]}""");
        assertEquals("````md\n```java\nx\n```\n````", AdfToMarkdown.render(doc));
    }

    @Test
    void escapesMarkdownSyntaxInPlainText() throws Exception {
        JsonNode doc = JSON.readTree(
                """
                        {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"a*b_c [d]"}]}]}""");
        assertEquals("a\\*b\\_c \\[d\\]", AdfToMarkdown.render(doc));
    }

    /** Escapes cost tokens: only where Markdown would read something else back, and the text still comes back. */
    @Test
    void escapesAngleBracketsAndBlockStartsOnlyWhereMarkdownWouldReadThemAsSyntax() throws Exception {
        String[][] cases = { { "p99 < 2 s and > 1 s, 3<5", "p99 < 2 s and > 1 s, 3<5" },
                { "> not a quote", "\\> not a quote" },
                { "<b>bold?</b> and <!-- x --> and <?", "\\<b>bold?\\</b> and \\<!-- x --> and \\<?" },
                { "a <", "a \\<" }, { "<https://example.com>", "\\<https://example.com>" } };
        for (String[] c : cases) {
            ObjectNode doc = paragraph(c[0]);
            String md = AdfToMarkdown.render(doc);
            assertEquals(c[1], md);
            assertEquals(AdfEquivalence.normalise(doc), AdfEquivalence.normalise(MarkdownToAdf.convert(md)), md);
        }
        JsonNode table = JSON.readTree("""
                {"type":"doc","version":1,"content":[{"type":"table","attrs":{"isNumberColumnEnabled":false,
                 "layout":"default","displayMode":"default"},"content":[
                 {"type":"tableRow","content":[{"type":"tableHeader","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"1. Step"}]}]}]},
                 {"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"> 2 s # - + = ---"}]}]}]}]}]}""");
        String md = AdfToMarkdown.render(table);
        assertEquals("| 1. Step |\n| --- |\n| > 2 s # - + = --- |", md, "no escapes and no default attributes");
        assertEquals(AdfEquivalence.normalise(table), AdfEquivalence.normalise(MarkdownToAdf.convert(md)), md);
    }

    private static ObjectNode paragraph(String text) {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject().put("type",
                "text").put("text", text);
        return doc;
    }

    @Test
    void refusesPathologicallyDeepDocuments() {
        ObjectNode root = JSON.createObjectNode().put("type", "doc");
        ObjectNode current = root;
        for (int i = 0; i < 200; i++) {
            ObjectNode quote = JSON.createObjectNode().put("type", "blockquote");
            current.putArray("content").add(quote);
            current = quote;
        }
        assertThrows(IllegalArgumentException.class, () -> AdfToMarkdown.render(root));
    }

    @Test
    void plainStringsPassThroughForDataCenterWikiMarkup() {
        assertEquals("h1. Title", AdfToMarkdown.render(JSON.getNodeFactory().textNode("h1. Title")));
    }
}

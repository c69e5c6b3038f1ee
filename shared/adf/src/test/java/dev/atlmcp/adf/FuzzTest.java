package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Random valid ADF survives the round trip; random Markdown never throws and always gives valid ADF; hostile input
 * gives a clear error or a result, never a hang or a stack overflow. Seeds are fixed so a failure can be replayed.
 */
class FuzzTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomAdfRoundTripsAndStaysValid(long seed) {
        JsonNode original = new RandomDocuments(seed).document();
        String markdown = AdfToMarkdown.render(original);
        JsonNode back = MarkdownToAdf.convert(markdown);
        assertEquals("", AdfSchema.problems(back), () -> "seed " + seed + "\n" + markdown + "\n" + back);
        JsonNode expected = AdfEquivalence.normalise(original);
        JsonNode actual = AdfEquivalence.normalise(back);
        if (!expected.equals(actual)) {
            assertEquals(expected.toPrettyString(), actual.toPrettyString(), "seed " + seed + ", Markdown:\n"
                    + markdown);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomMarkdownGivesValidAdf(long seed) {
        String markdown = new RandomDocuments(seed).markdownish(400);
        JsonNode adf = MarkdownToAdf.convert(markdown);
        assertEquals("", AdfSchema.problems(adf), () -> "seed " + seed + "\n" + markdown + "\n" + adf);
    }

    /**
     * Deep nesting either converts or is refused with a clear message; it never overflows the stack. (The schema check
     * is left out here: validating a document nested 60 levels deep costs the validator exponential memory.)
     */
    private static void validOrRefused(String markdown) {
        try {
            assertEquals("doc", MarkdownToAdf.convert(markdown).path("type").asText());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
        }
    }

    @Test
    void deepAdfIsRefusedWithAClearMessage() {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "doc");
        var current = doc;
        for (int i = 0; i < 10_000; i++) {
            var list = current.putArray("content").addObject().put("type", "bulletList");
            current = list.putArray("content").addObject().put("type", "listItem");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdfToMarkdown.render(doc));
        assertTrue(e.getMessage().contains("nested deeper than 64 levels"), e.getMessage());
    }

    @Test
    void confluenceTablesWithColumnWidthsStayGfmTables() throws Exception {
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                """
                        {"type":"doc","version":1,"content":[{"type":"table","attrs":{"isNumberColumnEnabled":false,
                         "layout":"default","localId":"t1"},"content":[
                         {"type":"tableRow","content":[
                          {"type":"tableHeader","attrs":{"colwidth":[120]},"content":[{"type":"paragraph","content":[{"type":"text","text":"Role"}]}]},
                          {"type":"tableHeader","attrs":{"colwidth":[340],"colspan":1,"rowspan":1},"content":[{"type":"paragraph","content":[{"type":"text","text":"Who"}]}]}]},
                         {"type":"tableRow","content":[
                          {"type":"tableCell","attrs":{"colwidth":[120]},"content":[{"type":"paragraph","content":[{"type":"text","text":"IC"}]}]},
                          {"type":"tableCell","attrs":{"colwidth":[340]},"content":[{"type":"paragraph","content":[{"type":"text","text":"Jane"}]}]}]}]}]}""");
        String markdown = AdfToMarkdown.render(doc);
        assertEquals("| Role | Who |\n| --- | --- |\n| IC | Jane |\n\n{: colwidths=120,340}", markdown);
        JsonNode back = MarkdownToAdf.convert(markdown);
        assertEquals(AdfEquivalence.normalise(doc), AdfEquivalence.normalise(back));
        assertEquals("", AdfSchema.problems(back));
    }

    @Test
    void hostileMarkdownIsBoundedOrRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            MarkdownToAdf.convert("*".repeat(200_000));
            MarkdownToAdf.convert("[".repeat(100_000) + "x" + "]".repeat(100_000));
            MarkdownToAdf.convert("<span color=\"#ff0000\">".repeat(20_000));
        });
        validOrRefused("> ".repeat(5_000) + "deep");
        validOrRefused("- ".repeat(5_000) + "deep");
        validOrRefused("1. ".repeat(5_000) + "deep");
        validOrRefused("<details><summary>x</summary>\n\n".repeat(2_000));
        assertThrows(IllegalArgumentException.class, () -> MarkdownToAdf.convert("x".repeat(
                MarkdownToAdf.MAX_INPUT_CHARS + 1)));
    }
}

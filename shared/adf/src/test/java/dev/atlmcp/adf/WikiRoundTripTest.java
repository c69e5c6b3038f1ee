package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jira wiki markup reads into valid ADF, writes back to wiki that reads the same, and shows as the expected Markdown.
 */
class WikiRoundTripTest {

    static Stream<Path> pages() throws IOException {
        return Files.list(Path.of("src/test/resources/wiki")).filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void wikiReadsBackToTheSameDocumentAndIsValidAdf(Path page) throws IOException {
        JsonNode adf = WikiToAdf.convert(Files.readString(page));
        assertEquals("", AdfSchema.problems(adf), adf::toPrettyString);
        String written = AdfToWiki.render(adf, id -> id);
        assertEquals(Files.readString(page).contains("!error-page.png|thumbnail!"), written.contains(
                "!error-page.png|thumbnail!"), written);
        assertEquals(AdfEquivalence.normalise(adf), AdfEquivalence.normalise(WikiToAdf.convert(written)), written);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void markdownWrittenFromWikiReadsBackToTheSameDocument(Path page) throws IOException {
        JsonNode adf = WikiToAdf.convert(Files.readString(page));
        String markdown = AdfToMarkdown.render(adf);
        assertEquals(AdfEquivalence.normalise(adf), AdfEquivalence.normalise(MarkdownToAdf.convert(markdown)),
                markdown);
    }

    @Test
    void bugReportShowsAsMarkdown() throws IOException {
        String md = AdfToMarkdown.render(WikiToAdf.convert(Files.readString(Path.of(
                "src/test/resources/wiki/bug-report.txt"))));
        assertTrue(md.startsWith("## Summary\n\nLogin via SSO fails for users in the **EMEA** region since release "
                + "[REL-7](https://jira.acme.internal/browse/REL-7). Reported by @[jdoe](user:jdoe)."), md);
        assertTrue(md.contains("1. Open <https://app.example.com/login>\n2. Click **Sign in with SSO**\n3. Observe "
                + "HTTP `500`"), md);
        assertTrue(md.contains("| Expected | Actual |\n| --- | --- |\n| Dashboard loads | Error page <adf>`"), md);
        assertTrue(md.contains("```java\n2026-01-01T10:00:00Z ERROR SamlFilter"), md);
        assertTrue(md.contains("> [!INFO]\n> **Workaround**\n>\n> Use username/password login."), md);
    }

    @Test
    void blockTagsWrittenInlineStillEnclose() {
        String md = AdfToMarkdown.render(WikiToAdf.convert("{panel:title=SEV-1|bgColor=#FFEBE6}*SEV-1:* EU checkout "
                + "fails.{panel}\nh2. Impact\nSee {code:java}int x = 1;{code} and {quote}quoted{quote}"));
        assertEquals("> [!ERROR]\n> **SEV-1**\n>\n> **SEV-1:** EU checkout fails.\n\n## Impact\n\nSee\n\n```java\n"
                + "int x = 1;\n```\n\nand\n\n> quoted", md);
    }

    @Test
    void runbookKeepsNestedMixedListsMarksAndBlocks() throws IOException {
        String md = AdfToMarkdown.render(WikiToAdf.convert(Files.readString(Path.of(
                "src/test/resources/wiki/runbook.txt"))));
        assertTrue(md.contains("> [!WARNING]\n> Page the incident commander"), md);
        assertTrue(md.contains("- HikariCP pool at *50/50* active\n  - seen in the *checkout-db* dashboard\n\n"
                + "  1. first the pool fills\n  2. then requests time out"), md);
        assertTrue(md.contains("```\nkubectl -n checkout logs"), md);
        assertTrue(md.contains("> Never raise the pool size while the settlement job runs."), md);
        assertTrue(md.contains("<span color=\"#ff5630\"><u>under review</u></span>, H<sub>2</sub>O and E = mc<sup>2"
                + "</sup>, ~~old text~~"), md);
    }
}

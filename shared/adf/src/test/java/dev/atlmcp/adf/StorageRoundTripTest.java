package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Storage-format pages survive storage -> ADF -> storage and storage -> Markdown -> storage: the ADF read from the
 * written storage equals the first reading, and macros Markdown cannot show (toc, jira) come back with their
 * parameters, so an update through Markdown never destroys them.
 */
class StorageRoundTripTest {

    static Stream<Path> pages() throws IOException {
        return Files.list(Path.of("src/test/resources/storage")).filter(p -> p.toString().endsWith(".xml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void storageReadsBackToTheSameDocument(Path page) throws IOException {
        JsonNode adf = StorageToAdf.convert(Files.readString(page));
        JsonNode again = StorageToAdf.convert(AdfToStorage.render(adf));
        assertEquals(AdfEquivalence.normalise(adf), AdfEquivalence.normalise(again));
        assertEquals("", AdfSchema.problems(adf), adf::toPrettyString);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void editingThroughMarkdownKeepsEveryMacro(Path page) throws IOException {
        String storage = Files.readString(page);
        JsonNode adf = StorageToAdf.convert(storage);
        String markdown = AdfToMarkdown.render(adf);
        String written = AdfToStorage.render(MarkdownToAdf.convert(markdown));
        assertEquals(AdfEquivalence.normalise(adf), AdfEquivalence.normalise(StorageToAdf.convert(written)),
                () -> markdown);
        for (String macro : new String[] { "ac:name=\"toc\"", "ac:name=\"jira\"", "<ac:parameter ac:name=\"key\">OPS-1",
                "ri:account-id=\"5b10ac8d82e05b22cc7d4ef5\"", "<![CDATA[kubectl",
                "<ri:attachment ri:filename=\"pool.png\"",
                "<ac:inline-comment-marker ac:ref=\"9f2c7e1a-77aa-4d2b-8e0c-1b2a3c4d5e6f\">staging</ac:inline-comment-marker>",
                "<ri:page ri:content-title=\"Runbook: checkout-api latency\" ri:space-key=\"OPS\"",
                "<span style=\"color: #ff5630\">p99 dropped to 300 ms</span>" }) {
            assertEquals(storage.contains(macro), written.contains(macro), macro + " in\n" + written);
        }
        assertTrue(markdown.length() < storage.length(), "Markdown is smaller than storage format");
    }
}

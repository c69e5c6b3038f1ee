package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every corpus document survives ADF -> Markdown -> ADF, and what comes back validates against the schema. */
class RoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<Path> corpus() throws IOException {
        return Files.list(CORPUS).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void markdownReadsBackToTheSameDocument(Path file) throws IOException {
        JsonNode original = JSON.readTree(file.toFile());
        String markdown = AdfToMarkdown.render(original);
        JsonNode back = MarkdownToAdf.convert(markdown);
        JsonNode expected = AdfEquivalence.normalise(original);
        JsonNode actual = AdfEquivalence.normalise(back);
        if (!expected.equals(actual)) {
            assertEquals(expected.toPrettyString(), actual.toPrettyString(), "Markdown was:\n" + markdown);
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void whatComesBackIsValidAdf(Path file) throws IOException {
        JsonNode back = MarkdownToAdf.convert(AdfToMarkdown.render(JSON.readTree(file.toFile())));
        assertEquals("", AdfSchema.problems(back), back::toPrettyString);
    }
}

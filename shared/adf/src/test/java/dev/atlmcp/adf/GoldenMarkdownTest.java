package dev.atlmcp.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Markdown of every corpus document equals its reviewed golden file in {@code src/test/resources/golden}. After a
 * deliberate change to the dialect, {@code ./mvnw test -pl shared/adf -Dadf.golden.update=true} rewrites the files;
 * review the diff before committing it.
 */
class GoldenMarkdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Path> corpus() throws IOException {
        return RoundTripTest.corpus();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void markdownMatchesTheReviewedGoldenFile(Path file) throws IOException {
        String markdown = AdfToMarkdown.render(JSON.readTree(file.toFile())) + "\n";
        Path golden = GOLDEN.resolve(file.getFileName().toString().replace(".json", ".md"));
        if (Boolean.getBoolean("adf.golden.update")) {
            Files.writeString(golden, markdown);
        }
        assertEquals(Files.readString(golden), markdown);
    }
}

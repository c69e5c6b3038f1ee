package dev.atlmcp.adf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Throughput of ADF -> Markdown and Markdown -> ADF over the corpus, and tokens (o200k_base) of minified ADF versus our
 * Markdown per document. Run: {@code ./mvnw -q -pl shared/adf test-compile exec:java}. Prints a Markdown report.
 */
public final class ConverterBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;

    private ConverterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : RoundTripTest.CORPUS;
        List<JsonNode> docs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var files = Files.list(corpus)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                docs.add(JSON.readTree(file.toFile()));
                names.add(file.getFileName().toString());
            }
        }
        List<String> markdown = docs.stream().map(AdfToMarkdown::render).toList();
        long adfBytes = docs.stream().mapToLong(d -> d.toString().getBytes(StandardCharsets.UTF_8).length).sum();
        long mdBytes = markdown.stream().mapToLong(m -> m.getBytes(StandardCharsets.UTF_8).length).sum();

        double toMarkdown = throughput(adfBytes, () -> docs.forEach(AdfToMarkdown::render));
        double fromMarkdown = throughput(mdBytes, () -> markdown.forEach(MarkdownToAdf::convert));
        System.out.printf("Machine: %d cores, %s %s%n%n", Runtime.getRuntime().availableProcessors(), System
                .getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("| direction | input | MB/s |%n| --- | --- | --- |%n");
        System.out.printf("| ADF -> Markdown | %d documents, %d bytes of minified ADF | %.1f |%n", docs.size(),
                adfBytes, toMarkdown);
        System.out.printf("| Markdown -> ADF | %d documents, %d bytes of Markdown | %.1f |%n%n", docs.size(), mdBytes,
                fromMarkdown);

        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        System.out.printf("| document | minified ADF tokens | Markdown tokens | ratio |%n| --- | --- | --- | --- |%n");
        long adfTotal = 0;
        long mdTotal = 0;
        for (int i = 0; i < docs.size(); i++) {
            int adf = o200k.countTokens(docs.get(i).toString());
            int md = o200k.countTokens(markdown.get(i));
            adfTotal += adf;
            mdTotal += md;
            System.out.printf("| %s | %d | %d | %.1fx |%n", names.get(i), adf, md, md == 0 ? 0.0 : (double) adf / md);
        }
        System.out.printf("| all | %d | %d | %.1fx |%n", adfTotal, mdTotal, (double) adfTotal / mdTotal);
    }

    private static double throughput(long bytesPerRound, Runnable round) {
        long end = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < end) {
            round.run();
        }
        long rounds = 0;
        long start = System.nanoTime();
        end = start + MEASURE_NANOS;
        while (System.nanoTime() < end) {
            round.run();
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return rounds * bytesPerRound / seconds / 1_000_000;
    }
}

package dev.atlmcp.platform.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * What masking costs per answer: throughput of {@link SecretMasker#mask} over a tool answer ({@code issue-answer.md}:
 * {@code jira_get_issue} on the sandbox's realistic bug, 2 KB), over pages of ordinary text (prose, lists, tables,
 * code, links; no secrets) and over the secret corpus. Run:
 * {@code ./mvnw -q -pl shared/platform test-compile exec:java}.
 */
public final class SecretMaskerBenchmark {

    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;
    private static final String[] WORDS = ("the service restarts after the deploy and the queue drains within minutes "
            + "checkout latency p99 rose to 900 ms when the pool was exhausted see OPS-5 and PAY-12 for details run "
            + "kubectl rollout restart deployment payments-api then watch the dashboard at https://grafana.acme.example"
            + "/d/pay owner team payments on call rotation weekly").split(" ");

    private SecretMaskerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> pages = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            pages.add(page(random, 8_000));
        }
        List<String> secrets = SecretMaskerTest.corpus().stream().map(SecretMaskerTest.Sample::text).toList();
        System.out.println("| text | texts | MB/s | µs per text | µs per 8 KB |");
        System.out.println("|---|---|---|---|---|");
        try (java.io.InputStream in = SecretMaskerBenchmark.class.getResourceAsStream("/issue-answer.md")) {
            report("an issue answer (2 KB)",
                    List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        report("ordinary pages (8 KB, no secrets)", pages);
        report("secret corpus (" + secrets.size() + " short texts)", secrets);
    }

    private static void report(String name, List<String> texts) {
        long bytes = texts.stream().mapToLong(String::length).sum();
        run(texts, WARM_UP_NANOS);
        long[] result = run(texts, MEASURE_NANOS);
        double seconds = result[1] / 1e9;
        double megabytes = result[0] * bytes / 1e6;
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", name, texts.size(), megabytes / seconds, seconds * 1e6
                / (result[0] * texts.size()), seconds * 1e6 / (result[0] * bytes / 8_000.0));
    }

    /** Rounds over all texts and the nanoseconds they took. */
    private static long[] run(List<String> texts, long budget) {
        long start = System.nanoTime();
        long rounds = 0;
        int sink = 0;
        while (System.nanoTime() - start < budget) {
            for (String text : texts) {
                sink += SecretMasker.mask(text, new HashMap<>()).length();
            }
            rounds++;
        }
        if (sink == 42) {
            System.out.println();
        }
        return new long[] { rounds, System.nanoTime() - start };
    }

    private static String page(Random random, int size) {
        StringBuilder page = new StringBuilder("## Runbook\n\n");
        while (page.length() < size) {
            switch (random.nextInt(4)) {
            case 0 -> page.append("- ");
            case 1 -> page.append("| ");
            case 2 -> page.append("```\n");
            default -> page.append("");
            }
            for (int w = 0; w < 12; w++) {
                page.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            page.append(".\n");
        }
        return page.toString();
    }
}

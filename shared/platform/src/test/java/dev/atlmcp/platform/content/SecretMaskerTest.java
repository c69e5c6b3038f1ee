package dev.atlmcp.platform.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code secret-corpus.tsv}: each secret-looking value is hidden and named by its kind, each near-miss
 * stays exactly as it was.
 */
class SecretMaskerTest {

    record Sample(String expect, String kind, String secret, String text) {
        @Override
        public String toString() {
            return expect + " " + (kind.isEmpty() ? text : kind);
        }
    }

    static List<Sample> corpus() throws IOException {
        try (InputStream in = SecretMaskerTest.class.getResourceAsStream("/secret-corpus.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")
                    && !l.isBlank()).map(l -> l.split("\t", -1)).map(f -> new Sample(f[0], f[1], f[2].replace("\\n",
                            "\n"), f[3].replace("\\n", "\n")))
                    .toList();
        }
    }

    static Stream<Sample> secrets() throws IOException {
        return corpus().stream().filter(s -> s.expect().equals("mask"));
    }

    static Stream<Sample> nearMisses() throws IOException {
        return corpus().stream().filter(s -> s.expect().equals("keep"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void eachSecretIsHiddenAndNamed(Sample sample) {
        Map<String, Integer> counts = new HashMap<>();
        String masked = SecretMasker.mask(sample.text(), counts);
        assertFalse(masked.contains(sample.secret()), masked);
        assertTrue(masked.contains("[masked " + sample.kind() + "]"), masked);
        assertTrue(counts.containsKey(sample.kind()), counts::toString);
        assertEquals(masked, SecretMasker.mask(masked), "masking twice changes nothing");
    }

    @ParameterizedTest
    @MethodSource("nearMisses")
    void eachNearMissStaysAsItWas(Sample sample) {
        assertEquals(sample.text(), SecretMasker.mask(sample.text()));
    }

    @Test
    void theCorpusIsBroad() throws IOException {
        List<Sample> corpus = corpus();
        Set<String> kinds = corpus.stream().map(Sample::kind).filter(k -> !k.isEmpty()).collect(Collectors.toSet());
        assertTrue(secrets().count() >= 60 && nearMisses().count() >= 60, "at least 60 secrets and 60 near-misses");
        assertTrue(kinds.size() >= 60, "kinds: " + kinds.size());
    }

    @Test
    void onlyTheSecretIsReplacedSoJsonStaysJson() {
        assertEquals("{\"user\": \"svc\", \"password\": \"[masked password]\"}", SecretMasker.mask(
                "{\"user\": \"svc\", \"password\": \"hunter2hunter2\"}"));
        assertEquals("postgres://app:[masked password in URL]@db:5432/app", SecretMasker.mask(
                "postgres://app:s3cr3tPw@db:5432/app"));
    }
}

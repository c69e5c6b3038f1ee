package dev.atlmcp.auth.content;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One tool answer's handling of text read from Atlassian. Text written by people goes inside data fences,
 * {@code ⟦data <nonce> <source>⟧ ... ⟦/data <nonce>⟧}, whose nonce is random per answer; any other {@code ⟦ ⟧} in the
 * answer is neutralised, so content can neither close a fence nor open one. {@link #finish} also masks secret-looking
 * values and says how many it masked.
 */
public final class UntrustedText {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nonce;
    private final boolean maskSecrets;
    private final Set<String> fences = new HashSet<>();
    private final Map<String, Integer> masked = new TreeMap<>();

    public UntrustedText(boolean maskSecrets) {
        byte[] bytes = new byte[2];
        RANDOM.nextBytes(bytes);
        this.nonce = HexFormat.of().formatHex(bytes);
        this.maskSecrets = maskSecrets;
    }

    /** {@code text} fenced as data from {@code source}, e.g. {@code OPS-1 comment 10001 by Jane Doe}. */
    public String block(String source, String text) {
        String open = "⟦data " + nonce + " " + neutralise(source).replace('\n', ' ') + "⟧";
        String close = "⟦/data " + nonce + "⟧";
        fences.add(open);
        fences.add(close);
        return open + "\n" + text.strip() + "\n" + close;
    }

    /** The whole answer: brackets outside the fences neutralised, secrets masked, and a note of what was masked. */
    public String finish(String markdown) {
        String text = maskSecrets ? SecretMasker.mask(markdown, masked) : markdown;
        String fenced = text.lines().map(line -> fences.contains(line) ? line : neutralise(line)).collect(Collectors
                .joining("\n"));
        return masked.isEmpty() ? fenced : fenced + "\n\n" + note();
    }

    private String note() {
        int total = masked.values().stream().mapToInt(Integer::intValue).sum();
        return "Masked " + total + " secret-looking value" + (total == 1 ? "" : "s") + " (" + masked.entrySet()
                .stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ").";
    }

    private static String neutralise(String text) {
        return text.replace('⟦', '[').replace('⟧', ']');
    }
}

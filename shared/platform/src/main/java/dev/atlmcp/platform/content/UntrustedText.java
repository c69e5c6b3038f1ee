package dev.atlmcp.platform.content;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.atlmcp.adf.OneLine;

/**
 * One tool answer's handling of text read from Atlassian. Text written by people goes inside data fences,
 * {@code ⟦data <source>⟧ ... ⟦/data⟧}. Fences are placed with marks only this answer knows (a 64-bit secret), and
 * {@link #finish} neutralises every {@code ⟦ ⟧} in the answer before it turns the marks into fences: no content can
 * close or open a fence, whatever it holds, so the fence lines need nothing random in them (a page holding any number
 * of closing lines stays inside its fence). {@link #finish} also masks secret-looking values and says how many it
 * masked.
 */
public final class UntrustedText {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String openMark;
    private final String closeMark;
    private final boolean maskSecrets;
    private final Map<String, Integer> masked = new TreeMap<>();

    public UntrustedText(boolean maskSecrets) {
        String secret = hex(8);
        this.openMark = "\uE000" + secret + "\uE001";
        this.closeMark = "\uE002" + secret + "\uE003";
        this.maskSecrets = maskSecrets;
    }

    /** {@code text} fenced as data from {@code source}, e.g. {@code comment 10001 by Jane Doe}. */
    public String block(String source, String text) {
        return openMark + "data " + OneLine.of(source) + closeMark + "\n" + text.strip() + "\n" + openMark
                + "/data" + closeMark;
    }

    /** The whole answer: every bracket neutralised but the fences', secrets masked, and a note of what was masked. */
    public String finish(String markdown) {
        String text = maskSecrets ? SecretMasker.mask(markdown, masked) : markdown;
        String fenced = neutralise(text).replace(openMark, "⟦").replace(closeMark, "⟧");
        String answer = masked.isEmpty() ? fenced : fenced + "\n\n" + note();
        if (maskSecrets) {
            MaskedAnswers.masked(answer);
        }
        return answer;
    }

    private String note() {
        int total = masked.values().stream().mapToInt(Integer::intValue).sum();
        return "Masked " + total + " secret-looking value" + (total == 1 ? "" : "s") + " (" + masked.entrySet()
                .stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ").";
    }

    private static String neutralise(String text) {
        return text.replace('⟦', '[').replace('⟧', ']');
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

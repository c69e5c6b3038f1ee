package dev.atlmcp.platform.content;

/**
 * The answer {@link UntrustedText#finish} last masked on this thread, so that the output masking that every tool result
 * passes last can skip what it would only mask again: a regular-expression pass over the whole answer. Only that very
 * string object is skipped; any other text, equal or not, is masked.
 */
public final class MaskedAnswers {

    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    private MaskedAnswers() {
    }

    static void masked(String answer) {
        LAST.set(answer);
    }

    /** Forgets the last masked answer of this thread, e.g. before a tool runs. */
    public static void forget() {
        LAST.remove();
    }

    /** Whether {@code text} is the very answer this thread masked last (then forgotten). */
    @SuppressWarnings({ "PMD.CompareObjectsWithEquals", "PMD.UseEqualsToCompareStrings" }) // this very string only
    public static boolean alreadyMasked(String text) {
        String last = LAST.get();
        LAST.remove();
        return text != null && last == text;
    }
}

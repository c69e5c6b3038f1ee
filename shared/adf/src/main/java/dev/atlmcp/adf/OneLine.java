package dev.atlmcp.adf;

import java.util.regex.Pattern;

/**
 * Short text people write that answers show on its own line or in a table cell, outside data fences: summaries, titles,
 * names, table cells. Fence brackets become plain brackets, line and paragraph breaks and other control characters
 * become spaces, and invisible direction overrides and zero-width characters are dropped, so such a text stays one line
 * of plain text in its place and cannot open or close a fence, start a heading or hide what it says.
 */
public final class OneLine {

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private OneLine() {
    }

    /** {@code text} as one line of plain text; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '⟦') {
                out.append('[');
            } else if (c == '⟧') {
                out.append(']');
            } else if (invisible(c)) {
                // dropped: zero-width and direction-changing characters
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** Direction overrides and isolates, and zero-width characters that are not joiners. */
    private static boolean invisible(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x061C;
    }
}

package dev.atlmcp.platform.content;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Short text people write that answers show on its own line or in a table cell, outside data fences: issue summaries,
 * page titles, component and user names. It is neutralised as it is read from Atlassian: fence brackets become plain
 * brackets, line and paragraph breaks and other control characters become spaces, and invisible direction overrides and
 * zero-width characters are dropped, so such a text stays one line of plain text in its place and cannot open or close
 * a fence, start a heading or hide what it says. Put it on a DTO field with
 * {@code @JsonDeserialize(using = InlineText.class)}.
 */
public final class InlineText extends StdDeserializer<String> {

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    public InlineText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return neutralise(parser.getValueAsString());
    }

    /** {@code text} as one line of plain text; null stays null. */
    public static String neutralise(String text) {
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

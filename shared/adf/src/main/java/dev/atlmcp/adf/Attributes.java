package dev.atlmcp.adf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dialect's attribute lists: {@code key=value} pairs separated by spaces, values in double quotes when they hold
 * spaces or quotes. As a block attribute line (after a paragraph, heading, table or image) they are written {@code {:
 * key=value ...}}.
 */
final class Attributes {

    private static final Pattern PAIR = Pattern.compile("([A-Za-z][\\w-]*)(?:=(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\"]*))?");
    private static final Pattern LINE = Pattern.compile("\\{:\\s*(.*?)\\s*}");

    private Attributes() {
    }

    static String ial(Map<String, String> attributes) {
        return "{: " + pairs(attributes) + "}";
    }

    static String pairs(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder();
        attributes.forEach((key, value) -> {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(key).append('=');
            out.append(value.isEmpty() || value.matches(".*[\\s\"{}\\\\].*") ? "\"" + value.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"" : value);
        });
        return out.toString();
    }

    /** The pairs of a whole attribute line {@code {: ...}}, or null when the text is not one. */
    static Map<String, String> parseLine(String line) {
        Matcher m = LINE.matcher(line.strip());
        return m.matches() ? parsePairs(m.group(1)) : null;
    }

    /** The pairs of an attribute list; null when the text is not one. */
    static Map<String, String> parsePairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(text);
        int at = 0;
        while (at < text.length()) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            String value = m.group(2) == null ? "" : m.group(2);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            out.put(m.group(1), value);
            at = m.end();
        }
        return out;
    }
}

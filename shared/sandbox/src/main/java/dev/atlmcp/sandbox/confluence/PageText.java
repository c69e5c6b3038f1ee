package dev.atlmcp.sandbox.confluence;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain text of an ADF body, for text search and search excerpts. */
final class PageText {

    private static final int EXCERPT = 200;

    private PageText() {
    }

    static String plain(JsonNode adf) {
        StringBuilder out = new StringBuilder();
        collect(adf, out);
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    /** Up to 200 characters around the first query word, the word marked the way Confluence highlights. */
    static String excerpt(JsonNode adf, String query) {
        String text = plain(adf);
        String word = query == null ? "" : query.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").trim()
                .split("\\s+")[0];
        int at = word.isEmpty() ? -1 : text.toLowerCase(Locale.ROOT).indexOf(word);
        if (at < 0) {
            return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
        }
        int from = Math.max(0, at - EXCERPT / 2);
        int to = Math.min(text.length(), at + EXCERPT / 2);
        return (from > 0 ? "..." : "") + text.substring(from, at) + "@@@hl@@@" + text.substring(at, at + word
                .length()) + "@@@endhl@@@" + text.substring(at + word.length(), to) + (to < text.length() ? "..." : "");
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.has("text")) {
            out.append(node.get("text").asText());
        } else if (node.path("attrs").has("text")) {
            out.append(node.path("attrs").path("text").asText());
        }
        for (JsonNode child : node.path("content")) {
            collect(child, out);
        }
        if (node.has("content")) {
            out.append(' ');
        }
    }
}

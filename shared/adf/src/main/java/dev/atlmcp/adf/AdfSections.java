package dev.atlmcp.adf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Edits an ADF document given as JSON text without re-serialising it: the new blocks are spliced into the text of the
 * top-level {@code content} array, so every other block (macros, media, layouts, inline-comment marks) stays exactly as
 * it was written.
 */
public final class AdfSections {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdfSections() {
    }

    /**
     * Replaces what is under a top-level heading with {@code blocks} (ADF block nodes), keeping the heading.
     *
     * @param occurrence
     *            which of several equal headings, from 1; 0 when the heading must be unique
     */
    public static String replaceSection(String doc, String heading, int occurrence, JsonNode blocks) {
        Parsed parsed = parse(doc);
        Sections.Span span = Sections.locate(parsed.blocks(), parsed.nested(), heading, occurrence);
        int from = parsed.blocks().get(span.heading()).end();
        boolean more = span.end() < parsed.blocks().size();
        int to = more ? parsed.blocks().get(span.end()).start() : parsed.arrayEnd();
        StringBuilder middle = new StringBuilder();
        blocks.forEach(b -> middle.append(',').append(b.toString()));
        if (more) {
            middle.append(',');
        }
        return doc.substring(0, from) + middle + doc.substring(to);
    }

    /** Adds {@code blocks} after the last top-level block. */
    public static String append(String doc, JsonNode blocks) {
        Parsed parsed = parse(doc);
        List<String> added = new ArrayList<>();
        blocks.forEach(b -> added.add(b.toString()));
        String joined = String.join(",", added);
        int end = parsed.arrayEnd();
        return doc.substring(0, end) + (parsed.blocks().isEmpty() || added.isEmpty() ? "" : ",") + joined
                + doc.substring(end);
    }

    private record Parsed(List<Sections.Block> blocks, List<Sections.Nested> nested, int arrayEnd) {
    }

    private static Parsed parse(String doc) {
        try (JsonParser p = JSON.getFactory().createParser(doc)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAdf();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("content".equals(field) && value == JsonToken.START_ARRAY) {
                    return blocks(p);
                }
                p.skipChildren();
            }
            throw notAdf();
        } catch (IOException e) {
            throw notAdf();
        }
    }

    private static Parsed blocks(JsonParser p) throws IOException {
        List<Sections.Block> blocks = new ArrayList<>();
        List<Sections.Nested> nested = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int start = (int) p.currentTokenLocation().getCharOffset();
            JsonNode node = JSON.readTree(p);
            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
            boolean heading = "heading".equals(node.path("type").asText());
            blocks.add(new Sections.Block(start, end, heading ? node.path("attrs").path("level").asInt(1) : 0,
                    heading ? text(node) : null));
            if (!heading) {
                nestedHeadings(node, container(node), nested);
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw notAdf();
        }
        return new Parsed(blocks, nested, (int) p.currentTokenLocation().getCharOffset());
    }

    private static void nestedHeadings(JsonNode node, String container, List<Sections.Nested> found) {
        for (JsonNode child : node.path("content")) {
            if ("heading".equals(child.path("type").asText())) {
                found.add(new Sections.Nested(text(child), container));
            } else {
                nestedHeadings(child, container, found);
            }
        }
    }

    private static String container(JsonNode node) {
        return switch (node.path("type").asText()) {
        case "layoutSection" -> "a layout";
        case "expand", "nestedExpand" -> "an expand";
        case "table" -> "a table";
        case "panel" -> "a panel";
        case "bodiedExtension" -> "a " + node.path("attrs").path("extensionKey").asText("macro") + " macro";
        default -> "a " + node.path("type").asText("block");
        };
    }

    private static String text(JsonNode node) {
        StringBuilder text = new StringBuilder();
        collect(node, text);
        return text.toString();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.has("text") && node.get("text").isTextual()) {
            text.append(node.get("text").asText());
        } else if ("mention".equals(node.path("type").asText())) {
            text.append(node.path("attrs").path("text").asText());
        }
        node.path("content").forEach(c -> collect(c, text));
    }

    private static IllegalStateException notAdf() {
        return new IllegalStateException("The page body is not an ADF document with a content list.");
    }
}

package dev.atlmcp.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.http.Json;

/**
 * Turns seeded ADF into the wiki markup a Data Center site would store for the same content. Only what the seed uses is
 * covered; anything else is reduced to its text.
 */
final class WikiText {

    private WikiText() {
    }

    static String of(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        blocks(doc.path("content"), out, "");
        return out.toString().strip();
    }

    private static void blocks(JsonNode content, StringBuilder out, String bullet) {
        for (JsonNode node : content) {
            switch (node.path("type").asText()) {
            case "heading" -> out.append('h').append(node.path("attrs").path("level").asInt(1)).append(". ")
                    .append(inline(node.path("content"))).append('\n');
            case "bulletList" -> items(node, out, bullet + "*");
            case "orderedList" -> items(node, out, bullet + "#");
            case "codeBlock" -> out.append("{code").append(node.path("attrs").has("language")
                    ? ":" + node.path("attrs").path("language").asText()
                    : "").append("}\n").append(inline(node.path("content"))).append("\n{code}\n");
            case "blockquote" -> {
                out.append("{quote}\n");
                blocks(node.path("content"), out, bullet);
                out.append("{quote}\n");
            }
            case "panel" -> {
                out.append("{panel}\n");
                blocks(node.path("content"), out, bullet);
                out.append("{panel}\n");
            }
            case "rule" -> out.append("----\n");
            case "paragraph" -> out.append(inline(node.path("content"))).append('\n');
            default -> {
                if (node.has("content")) {
                    blocks(node.path("content"), out, bullet);
                }
            }
            }
        }
    }

    private static void items(JsonNode list, StringBuilder out, String marker) {
        for (JsonNode item : list.path("content")) {
            boolean first = true;
            for (JsonNode child : item.path("content")) {
                if (first && "paragraph".equals(child.path("type").asText())) {
                    out.append(marker).append(' ').append(inline(child.path("content"))).append('\n');
                } else {
                    blocks(Json.array().add(child), out, marker);
                }
                first = false;
            }
        }
    }

    private static String inline(JsonNode content) {
        StringBuilder out = new StringBuilder();
        for (JsonNode node : content) {
            JsonNode attrs = node.path("attrs");
            switch (node.path("type").asText()) {
            case "text" -> out.append(marked(node));
            case "hardBreak" -> out.append("\\\\ ");
            case "mention" -> out.append("[~").append(Directory.find(attrs.path("id").asText())
                    .map(u -> u.username()).orElse(attrs.path("id").asText())).append(']');
            case "inlineCard" -> out.append('[').append(attrs.path("url").asText()).append(']');
            case "status" -> out.append("*[").append(attrs.path("text").asText().toUpperCase()).append("]*");
            default -> out.append(attrs.path("text").asText(""));
            }
        }
        return out.toString();
    }

    private static String marked(JsonNode text) {
        String value = text.path("text").asText();
        for (JsonNode mark : text.path("marks")) {
            value = switch (mark.path("type").asText()) {
            case "strong" -> "*" + value + "*";
            case "em" -> "_" + value + "_";
            case "code" -> "{{" + value + "}}";
            case "strike" -> "-" + value + "-";
            case "link" -> "[" + value + "|" + mark.path("attrs").path("href").asText() + "]";
            default -> value;
            };
        }
        return value;
    }
}

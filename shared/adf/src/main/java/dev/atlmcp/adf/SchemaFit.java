package dev.atlmcp.adf;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Markdown nests anything in anything; ADF does not (a list item cannot hold a quote, a quote cannot hold a heading).
 * This fits the blocks read from Markdown into what the ADF schema allows in each container, keeping their text: a
 * heading becomes a bold paragraph, a quote, panel or expand gives up its wrapper, a task becomes a paragraph.
 */
final class SchemaFit {

    private static final Set<String> LIST_ITEM = Set.of("paragraph", "bulletList", "orderedList", "taskList",
            "codeBlock", "mediaSingle", "extension");
    private static final Set<String> BLOCKQUOTE = Set.of("paragraph", "bulletList", "orderedList", "codeBlock",
            "mediaGroup", "mediaSingle", "extension");
    private static final Set<String> PANEL = Set.of("paragraph", "heading", "bulletList", "orderedList", "taskList",
            "decisionList", "codeBlock", "rule", "blockCard", "mediaGroup", "mediaSingle", "extension");
    private static final Set<String> NESTED_EXPAND = Set.of("paragraph", "heading", "bulletList", "orderedList",
            "taskList", "decisionList", "codeBlock", "rule", "blockquote", "panel", "mediaGroup", "mediaSingle",
            "extension");
    private static final Map<String, Set<String>> ALLOWED = Map.of("listItem", LIST_ITEM, "blockquote", BLOCKQUOTE,
            "panel", PANEL, "nestedExpand", NESTED_EXPAND);
    /** Containers whose block marks (alignment, indentation) their paragraphs may not carry. */
    private static final Set<String> NO_BLOCK_MARKS = Set.of("listItem", "blockquote", "panel", "nestedExpand");

    private SchemaFit() {
    }

    static ArrayNode fit(String container, ArrayNode content) {
        Set<String> allowed = ALLOWED.get(container);
        if (allowed == null) {
            return content;
        }
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        for (JsonNode child : content) {
            add(container, allowed, (ObjectNode) child, out);
        }
        return out;
    }

    private static void add(String container, Set<String> allowed, ObjectNode node, ArrayNode out) {
        String type = node.path("type").asText();
        if (allowed.contains(type)) {
            if (NO_BLOCK_MARKS.contains(container) && (type.equals("paragraph") || type.equals("heading"))) {
                node.remove("marks");
            }
            out.add(node);
            return;
        }
        switch (type) {
        case "heading" -> {
            ObjectNode paragraph = out.addObject().put("type", "paragraph");
            ArrayNode inline = paragraph.putArray("content");
            for (JsonNode child : node.path("content")) {
                ObjectNode copy = child.deepCopy();
                if ("text".equals(copy.path("type").asText()) && !AdfToMarkdown.hasMark(copy, "code")
                        && !AdfToMarkdown.hasMark(copy, "strong")) {
                    copy.withArray("marks").addObject().put("type", "strong");
                }
                inline.add(copy);
            }
        }
        case "rule" -> {
            // a divider has no text to keep
        }
        case "blockCard" -> out.addObject().put("type", "paragraph").putArray("content").addObject().put("type",
                "inlineCard").set("attrs", node.path("attrs").deepCopy());
        case "taskList", "decisionList" -> {
            for (JsonNode item : node.path("content")) {
                if (item.path("type").asText().endsWith("List")) {
                    add(container, allowed, (ObjectNode) item, out);
                } else {
                    out.addObject().put("type", "paragraph").set("content", item.path("content").deepCopy());
                }
            }
        }
        case "table" -> {
            for (JsonNode row : node.path("content")) {
                for (JsonNode cell : row.path("content")) {
                    cell.path("content").forEach(c -> add(container, allowed, (ObjectNode) c, out));
                }
            }
        }
        default -> node.path("content").forEach(c -> {
            if (c.isObject() && !"text".equals(c.path("type").asText())) {
                add(container, allowed, (ObjectNode) c, out);
            }
        });
        }
    }
}

package dev.atlmcp.jira.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToMarkdown;

/** Jira field values: reducing what Jira returns to what an edit sends back, and comparing two values. */
final class FieldValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldValues() {
    }

    /**
     * A value as Jira returns it, reduced to the form an edit accepts: users to their account id (Cloud) or name (Data
     * Center), options, priorities and other objects to their id, documents and plain values as they are.
     */
    static JsonNode editForm(JsonNode read) {
        if (read == null || read.isNull() || read.isMissingNode()) {
            return NODES.nullNode();
        }
        if (read.isArray()) {
            ArrayNode values = NODES.arrayNode();
            read.forEach(v -> values.add(editForm(v)));
            return values;
        }
        if (!read.isObject() || "doc".equals(read.path("type").asText())) {
            return read;
        }
        for (String reference : List.of("accountId", "id", "name", "value")) {
            if (read.hasNonNull(reference)) {
                ObjectNode ref = NODES.objectNode();
                ref.set(reference, read.get(reference));
                return ref;
            }
        }
        return read;
    }

    /**
     * Whether two values are the same for a person reading the issue: documents by their Markdown, numbers by value,
     * text without trailing space or line-ending differences, lists of words in any order.
     */
    static boolean same(JsonNode a, JsonNode b) {
        return comparable(editForm(a)).equals(comparable(editForm(b)));
    }

    private static JsonNode comparable(JsonNode value) {
        if (value.isNumber()) {
            return NODES.textNode(new BigDecimal(value.asText()).stripTrailingZeros().toPlainString());
        }
        if (value.isTextual()) {
            String text = value.asText().replace("\r\n", "\n").strip();
            return text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
        }
        if (value.isObject() && "doc".equals(value.path("type").asText())) {
            return comparable(NODES.textNode(AdfToMarkdown.render(value)));
        }
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(v -> items.add(comparable(v)));
            if (items.isEmpty()) {
                return NODES.nullNode();
            }
            if (items.stream().allMatch(JsonNode::isTextual)) {
                items.sort((x, y) -> x.asText().compareTo(y.asText()));
            }
            return NODES.arrayNode().addAll(items);
        }
        return value;
    }
}

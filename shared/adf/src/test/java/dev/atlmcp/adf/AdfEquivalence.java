package dev.atlmcp.adf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * When two ADF documents count as the same (documented in the module README): equal after this normalisation.
 * <ul>
 * <li>{@code localId} attributes are dropped (the converter generates them);</li>
 * <li>{@code orderedList.order} 1 equals no order, table cell {@code colspan} and {@code rowspan} 1 equal none; a
 * mention's text is compared without its leading {@code @}, its empty {@code accessLevel} and {@code DEFAULT}
 * {@code userType} equal none; a table's {@code isNumberColumnEnabled} false, {@code layout} and {@code displayMode}
 * {@code default} equal none (what Atlassian's editors write when nothing was chosen);</li>
 * <li>marks are compared as a set; text with {@code code} keeps only code, link and annotation marks, and link+code
 * becomes link (the converter never writes link+code, which Atlassian's editor rejects);</li>
 * <li>whitespace at the edges of bold, italic or struck-through text counts as unformatted (Markdown cannot express
 * it);</li>
 * <li>adjacent text nodes with the same marks are merged; an empty {@code content} array equals none.</li>
 * </ul>
 */
final class AdfEquivalence {

    private static final Set<String> FLANKING = Set.of("strong", "em", "strike");
    private static final Set<String> WITH_CODE = Set.of("code", "link", "annotation");

    private AdfEquivalence() {
    }

    static JsonNode normalise(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        normaliseNode(copy);
        return copy;
    }

    private static void normaliseNode(ObjectNode node) {
        if (node.path("attrs").isObject()) {
            ObjectNode attrs = (ObjectNode) node.get("attrs");
            attrs.remove("localId");
            if ("orderedList".equals(node.path("type").asText()) && attrs.path("order").asInt(1) == 1) {
                attrs.remove("order");
            }
            if (attrs.path("colspan").asInt(0) == 1) {
                attrs.remove("colspan");
            }
            if (attrs.path("rowspan").asInt(0) == 1) {
                attrs.remove("rowspan");
            }
            if ("mention".equals(node.path("type").asText())) {
                if (attrs.has("text")) {
                    attrs.put("text", attrs.path("text").asText().replaceFirst("^@", ""));
                }
                removeIf(attrs, "accessLevel", "");
                removeIf(attrs, "userType", "DEFAULT");
            }
            if ("table".equals(node.path("type").asText())) {
                removeIf(attrs, "isNumberColumnEnabled", "false");
                removeIf(attrs, "layout", "default");
                removeIf(attrs, "displayMode", "default");
            }
            if (attrs.isEmpty()) {
                node.remove("attrs");
            }
        }
        if ("text".equals(node.path("type").asText())) {
            normaliseMarks(node);
        }
        if (node.path("content").isArray()) {
            ArrayNode content = (ArrayNode) node.get("content");
            ArrayNode normalised = node.putArray("content");
            for (JsonNode child : content) {
                ObjectNode c = (ObjectNode) child;
                normaliseNode(c);
                split(c).forEach(normalised::add);
            }
            node.set("content", InlineCleanup.clean(normalised));
            if (node.get("content").isEmpty()) {
                node.remove("content");
            }
        }
    }

    private static void removeIf(ObjectNode attrs, String name, String value) {
        if (attrs.has(name) && attrs.get(name).asText().equals(value)) {
            attrs.remove(name);
        }
    }

    private static void normaliseMarks(ObjectNode text) {
        List<JsonNode> marks = new ArrayList<>();
        text.path("marks").forEach(marks::add);
        boolean code = marks.stream().anyMatch(m -> m.path("type").asText().equals("code"));
        boolean link = marks.stream().anyMatch(m -> m.path("type").asText().equals("link"));
        if (code) {
            marks.removeIf(m -> !WITH_CODE.contains(m.path("type").asText()) || link && m.path("type").asText()
                    .equals("code"));
        }
        marks.sort(Comparator.comparing(JsonNode::toString));
        if (marks.isEmpty()) {
            text.remove("marks");
        } else {
            text.putArray("marks").addAll(marks);
        }
    }

    private static List<ObjectNode> split(ObjectNode node) {
        String text = node.path("text").asText("");
        boolean flanking = false;
        for (JsonNode mark : node.path("marks")) {
            flanking |= FLANKING.contains(mark.path("type").asText());
        }
        if (!"text".equals(node.path("type").asText()) || !flanking || text.strip().equals(text)) {
            return List.of(node);
        }
        if (text.isBlank()) {
            return List.of(AdfToMarkdown.withoutFlanking(node, text));
        }
        String core = text.strip();
        int start = text.indexOf(core);
        List<ObjectNode> parts = new ArrayList<>();
        if (start > 0) {
            parts.add(AdfToMarkdown.withoutFlanking(node, text.substring(0, start)));
        }
        parts.add(node.deepCopy().put("text", core));
        if (start + core.length() < text.length()) {
            parts.add(AdfToMarkdown.withoutFlanking(node, text.substring(start + core.length())));
        }
        return parts;
    }
}

package dev.atlmcp.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Merges adjacent text nodes that carry the same marks, and drops empty ones. */
final class InlineCleanup {

    private InlineCleanup() {
    }

    static ArrayNode clean(ArrayNode inline) {
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        for (JsonNode node : inline) {
            boolean text = "text".equals(node.path("type").asText());
            if (text && node.path("text").asText().isEmpty()) {
                continue;
            }
            JsonNode last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (text && last != null && "text".equals(last.path("type").asText()) && last.path("marks").equals(node
                    .path("marks"))) {
                ((ObjectNode) last).put("text", last.path("text").asText() + node.path("text").asText());
            } else {
                out.add(node);
            }
        }
        return out;
    }
}

package dev.atlmcp.sandbox.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;

/** A compact way to write seed pages as ADF. */
final class Adf {

    private Adf() {
    }

    static ObjectNode doc(JsonNode... blocks) {
        return node("doc", blocks).put("version", 1);
    }

    static ObjectNode h(int level, Object... inline) {
        ObjectNode heading = node("heading", inline(inline));
        heading.putObject("attrs").put("level", level);
        return heading;
    }

    static ObjectNode p(Object... inline) {
        return node("paragraph", inline(inline));
    }

    static ObjectNode bullets(JsonNode... items) {
        return node("bulletList", items);
    }

    static ObjectNode numbered(JsonNode... items) {
        return node("orderedList", items);
    }

    static ObjectNode li(Object... inline) {
        return node("listItem", p(inline));
    }

    static ObjectNode code(String language, String text) {
        ObjectNode block = node("codeBlock", text(text));
        block.putObject("attrs").put("language", language);
        return block;
    }

    static ObjectNode panel(String type, JsonNode... blocks) {
        ObjectNode panel = node("panel", blocks);
        panel.putObject("attrs").put("panelType", type);
        return panel;
    }

    static ObjectNode table(JsonNode... rows) {
        return node("table", rows);
    }

    static ObjectNode headerRow(String... cells) {
        ArrayNode content = Json.array();
        for (String cell : cells) {
            content.add(node("tableHeader", p(cell)));
        }
        return (ObjectNode) Json.object().put("type", "tableRow").set("content", content);
    }

    static ObjectNode row(Object... cells) {
        ArrayNode content = Json.array();
        for (Object cell : cells) {
            content.add(node("tableCell", p(cell)));
        }
        return (ObjectNode) Json.object().put("type", "tableRow").set("content", content);
    }

    static ObjectNode strong(String text) {
        return marked(text, "strong");
    }

    static ObjectNode mono(String text) {
        return marked(text, "code");
    }

    static ObjectNode link(String text, String href) {
        ObjectNode node = text(text);
        node.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", href);
        return node;
    }

    static ObjectNode mention(SandboxUser user) {
        ObjectNode mention = Json.object().put("type", "mention");
        mention.putObject("attrs").put("id", user.accountId()).put("text", "@" + user.displayName());
        return mention;
    }

    static ObjectNode status(String text, String color) {
        ObjectNode status = Json.object().put("type", "status");
        status.putObject("attrs").put("text", text).put("color", color);
        return status;
    }

    static ObjectNode text(String text) {
        return Json.object().put("type", "text").put("text", text);
    }

    private static ObjectNode marked(String text, String mark) {
        ObjectNode node = text(text);
        node.putArray("marks").addObject().put("type", mark);
        return node;
    }

    private static JsonNode[] inline(Object... parts) {
        JsonNode[] nodes = new JsonNode[parts.length];
        for (int i = 0; i < parts.length; i++) {
            nodes[i] = parts[i] instanceof JsonNode node ? node : text(String.valueOf(parts[i]));
        }
        return nodes;
    }

    private static ObjectNode node(String type, JsonNode... content) {
        ObjectNode node = Json.object().put("type", type);
        ArrayNode list = node.putArray("content");
        for (JsonNode child : content) {
            list.add(child);
        }
        return node;
    }
}

package dev.atlmcp.adf;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Random schema-valid ADF documents and random Markdown-like text, from a seed so failures can be replayed. */
final class RandomDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "abc XYZ 019 *_`~[]()<>#-+=!|\\&:;{}@\"'/.,\t\u00e9\u20ac\ud83d\ude00";
    private static final List<String> MARKS = List.of("strong", "em", "strike", "underline", "code", "link",
            "textColor", "backgroundColor", "subsup");
    private static final List<String> PANELS = List.of("info", "note", "tip", "warning", "error", "success");
    private static final List<String> COLORS = List.of("neutral", "purple", "blue", "red", "yellow", "green");

    private final Random random;

    RandomDocuments(long seed) {
        random = new Random(seed);
    }

    ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode().put("version", 1).put("type", "doc");
        ArrayNode content = doc.putArray("content");
        int blocks = 1 + random.nextInt(6);
        for (int i = 0; i < blocks; i++) {
            content.add(block(0));
        }
        return doc;
    }

    String markdownish(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(ALPHABET.length() + 6);
            out.append(pick < ALPHABET.length() ? String.valueOf(ALPHABET.charAt(pick))
                    : List.of("\n", "\n\n", "\n- ", "\n> ", "\n```\n", "\n| a | b |\n| --- | --- |\n").get(pick
                            - ALPHABET.length()));
        }
        return out.toString();
    }

    private ObjectNode block(int depth) {
        int kind = depth > 2 ? 0 : random.nextInt(9);
        return switch (kind) {
        case 1 -> heading();
        case 2 -> list(depth, random.nextBoolean() ? "bulletList" : "orderedList");
        case 3 -> taskList();
        case 4 -> codeBlock();
        case 5 -> container("panel", depth).put("type", "panel").set("attrs", JSON.createObjectNode().put(
                "panelType", pick(PANELS)));
        case 6 -> container("blockquote", depth);
        case 7 -> table();
        case 8 -> JSON.createObjectNode().put("type", "rule");
        default -> paragraph();
        };
    }

    private ObjectNode paragraph() {
        ObjectNode p = JSON.createObjectNode().put("type", "paragraph");
        p.set("content", inline());
        return p;
    }

    private ObjectNode heading() {
        ObjectNode h = JSON.createObjectNode().put("type", "heading");
        h.putObject("attrs").put("level", 1 + random.nextInt(6));
        h.set("content", inline());
        return h;
    }

    private ObjectNode list(int depth, String type) {
        ObjectNode list = JSON.createObjectNode().put("type", type);
        ArrayNode items = list.putArray("content");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            ArrayNode content = items.addObject().put("type", "listItem").putArray("content");
            content.add(paragraph());
            if (random.nextInt(4) == 0 && depth < 2) {
                content.add(list(depth + 1, random.nextBoolean() ? "bulletList" : "orderedList"));
            }
        }
        return list;
    }

    private ObjectNode taskList() {
        ObjectNode list = JSON.createObjectNode().put("type", "taskList");
        list.putObject("attrs").put("localId", "l");
        ArrayNode items = list.putArray("content");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            ObjectNode item = items.addObject().put("type", "taskItem");
            item.putObject("attrs").put("localId", "t" + i).put("state", random.nextBoolean() ? "DONE" : "TODO");
            item.set("content", inline());
        }
        return list;
    }

    private ObjectNode codeBlock() {
        ObjectNode code = JSON.createObjectNode().put("type", "codeBlock");
        if (random.nextBoolean()) {
            code.putObject("attrs").put("language", pick(List.of("java", "bash", "json")));
        }
        String text = text(1 + random.nextInt(40)).replace("\n", " ");
        code.putArray("content").addObject().put("type", "text").put("text", text.isBlank() ? "x" : text);
        return code;
    }

    private ObjectNode container(String type, int depth) {
        ObjectNode node = JSON.createObjectNode().put("type", type);
        ArrayNode content = node.putArray("content");
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            content.add(random.nextBoolean() ? paragraph() : list(depth + 1, "bulletList"));
        }
        return node;
    }

    private ObjectNode table() {
        ObjectNode table = JSON.createObjectNode().put("type", "table");
        ArrayNode rows = table.putArray("content");
        int columns = 1 + random.nextInt(3);
        int n = 1 + random.nextInt(3);
        for (int r = 0; r < n; r++) {
            ArrayNode cells = rows.addObject().put("type", "tableRow").putArray("content");
            for (int c = 0; c < columns; c++) {
                cells.addObject().put("type", r == 0 ? "tableHeader" : "tableCell").putArray("content").add(
                        paragraph());
            }
        }
        return table;
    }

    private ArrayNode inline() {
        ArrayNode content = JSON.createArrayNode();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(10)) {
            case 0 -> content.addObject().put("type", "mention").putObject("attrs").put("id", "5b10" + random
                    .nextInt(1000)).put("text", "@" + text(1 + random.nextInt(8)).replace("\n", " "));
            case 1 -> content.addObject().put("type", "date").putObject("attrs").put("timestamp", String.valueOf(
                    86_400_000L * random.nextInt(20_000)));
            case 2 -> content.addObject().put("type", "status").putObject("attrs").put("text", "S" + random
                    .nextInt(9)).put("color", pick(COLORS));
            case 3 -> content.addObject().put("type", "hardBreak");
            case 4 -> content.addObject().put("type", "emoji").putObject("attrs").put("shortName", ":smile:");
            default -> {
                String text = text(1 + random.nextInt(12));
                ObjectNode node = content.addObject().put("type", "text").put("text", text);
                marks(node);
            }
            }
        }
        return content;
    }

    private void marks(ObjectNode text) {
        if (random.nextInt(3) != 0) {
            return;
        }
        String type = pick(MARKS);
        ArrayNode marks = text.putArray("marks");
        ObjectNode mark = marks.addObject().put("type", type);
        switch (type) {
        case "link" -> mark.putObject("attrs").put("href", "https://example.com/" + random.nextInt(100));
        case "textColor", "backgroundColor" -> mark.putObject("attrs").put("color", "#ff5630");
        case "subsup" -> mark.putObject("attrs").put("type", random.nextBoolean() ? "sub" : "sup");
        default -> {
        }
        }
        if (!type.equals("code") && random.nextBoolean()) {
            marks.addObject().put("type", type.equals("strong") ? "em" : "strong");
        }
    }

    private String text(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}

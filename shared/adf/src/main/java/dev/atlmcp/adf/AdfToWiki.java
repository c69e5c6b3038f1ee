package dev.atlmcp.adf;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes ADF as Jira wiki markup, the text format of Jira Data Center: headings, marks, nested and mixed lists, tables,
 * {@code {code}}, {@code {quote}}, {@code {panel}}, {@code {color}}, links, mentions and images. Nodes wiki markup has
 * no form for are reduced to their text (task lists as {@code (/)} and {@code (x)} items).
 */
public final class AdfToWiki {

    private final UnaryOperator<String> mention;
    private final StringBuilder out = new StringBuilder();

    private AdfToWiki(UnaryOperator<String> mention) {
        this.mention = mention;
    }

    /** Wiki markup with mentions written {@code [~accountid:<id>]}. */
    public static String render(JsonNode doc) {
        return render(doc, id -> "accountid:" + id);
    }

    /** Wiki markup with mentions written {@code [~<name>]}, the name given by {@code username} for a mention id. */
    public static String render(JsonNode doc, UnaryOperator<String> username) {
        AdfToWiki writer = new AdfToWiki(username);
        writer.blocks(doc.path("content"), "");
        return writer.out.toString().strip();
    }

    private void blocks(JsonNode content, String bullet) {
        boolean first = true;
        for (JsonNode node : content) {
            if (!first && bullet.isEmpty()) {
                out.append('\n');
            }
            block(node, bullet);
            first = false;
        }
    }

    private void block(JsonNode node, String bullet) {
        JsonNode attrs = node.path("attrs");
        switch (node.path("type").asText()) {
        case "heading" -> out.append('h').append(attrs.path("level").asInt(1)).append(". ").append(inline(node.path(
                "content"))).append('\n');
        case "bulletList" -> items(node, bullet + "*");
        case "orderedList" -> items(node, bullet + "#");
        case "taskList", "decisionList" -> {
            for (JsonNode item : node.path("content")) {
                if (item.path("type").asText().endsWith("List")) {
                    block(item, bullet + "*");
                    continue;
                }
                String state = item.path("attrs").path("state").asText();
                out.append(bullet).append("* ").append("DONE".equals(state) || "DECIDED".equals(state) ? "(/) "
                        : "(x) ").append(inline(item.path("content"))).append('\n');
            }
        }
        case "codeBlock" -> out.append("{code").append(attrs.hasNonNull("language") ? ":" + attrs.path("language")
                .asText() : "").append("}\n").append(plain(node)).append("\n{code}\n");
        case "blockquote" -> {
            out.append("{quote}\n");
            blocks(node.path("content"), "");
            out.append("{quote}\n");
        }
        case "panel" -> {
            out.append("{panel:bgColor=").append(panelColour(attrs.path("panelType").asText("info"))).append("}\n");
            blocks(node.path("content"), "");
            out.append("{panel}\n");
        }
        case "expand", "nestedExpand" -> {
            out.append("*").append(attrs.path("title").asText("")).append("*\n");
            blocks(node.path("content"), "");
        }
        case "rule" -> out.append("----\n");
        case "table" -> table(node);
        case "mediaSingle", "mediaGroup" -> {
            node.path("content").forEach(media -> out.append('!').append(image(media.path("attrs"))).append("! "));
            out.append('\n');
        }
        case "paragraph" -> out.append(inline(node.path("content"))).append('\n');
        default -> {
            if (node.has("content")) {
                blocks(node.path("content"), bullet);
            }
        }
        }
    }

    private void items(JsonNode list, String marker) {
        for (JsonNode item : list.path("content")) {
            boolean first = true;
            for (JsonNode child : item.path("content")) {
                if (first && "paragraph".equals(child.path("type").asText())) {
                    out.append(marker).append(' ').append(inline(child.path("content"))).append('\n');
                } else if (child.path("type").asText().endsWith("List")) {
                    block(child, marker);
                } else {
                    out.append(marker).append(' ');
                    block(child, "");
                }
                first = false;
            }
        }
    }

    private void table(JsonNode table) {
        for (JsonNode row : table.path("content")) {
            StringBuilder line = new StringBuilder();
            for (JsonNode cell : row.path("content")) {
                String separator = "tableHeader".equals(cell.path("type").asText()) ? "||" : "|";
                StringBuilder text = new StringBuilder();
                for (JsonNode block : cell.path("content")) {
                    if (text.length() > 0) {
                        text.append(" \\\\ ");
                    }
                    text.append(inline(block.path("content")));
                }
                line.append(separator).append(text.length() == 0 ? " " : text);
            }
            boolean header = row.path("content").path(0).path("type").asText().equals("tableHeader");
            out.append(line).append(header ? "||" : "|").append('\n');
        }
    }

    private String inline(JsonNode content) {
        StringBuilder text = new StringBuilder();
        for (JsonNode node : content) {
            JsonNode attrs = node.path("attrs");
            switch (node.path("type").asText()) {
            case "text" -> text.append(marked(node));
            case "hardBreak" -> text.append("\\\\ ");
            case "mention" -> text.append("[~").append(mention.apply(attrs.path("id").asText())).append(']');
            case "inlineCard" -> text.append('[').append(attrs.path("url").asText()).append(']');
            case "status" -> text.append("*[").append(attrs.path("text").asText().toUpperCase()).append("]*");
            case "date" -> text.append(AdfToMarkdown.isoDate(attrs.path("timestamp").asText()));
            case "emoji" -> text.append(attrs.path("text").asText(attrs.path("shortName").asText()));
            case "mediaInline" -> text.append('!').append(image(attrs)).append('!');
            case "inlineExtension" -> text.append(WikiToAdf.VERBATIM.equals(attrs.path("extensionType").asText())
                    ? attrs.path("parameters").path("wiki").asText()
                    : attrs.path("text").asText(""));
            default -> text.append(attrs.path("text").asText(""));
            }
        }
        return text.toString();
    }

    private static String marked(JsonNode text) {
        String value = escape(text.path("text").asText());
        boolean code = AdfToMarkdown.hasMark(text, "code");
        if (code) {
            value = "{{" + text.path("text").asText() + "}}";
        }
        for (JsonNode mark : text.path("marks")) {
            JsonNode attrs = mark.path("attrs");
            value = switch (mark.path("type").asText()) {
            case "strong" -> "*" + value + "*";
            case "em" -> "_" + value + "_";
            case "strike" -> "-" + value + "-";
            case "underline" -> "+" + value + "+";
            case "subsup" -> "sup".equals(attrs.path("type").asText()) ? "^" + value + "^" : "~" + value + "~";
            case "textColor" -> "{color:" + attrs.path("color").asText() + "}" + value + "{color}";
            case "link" -> "[" + value + "|" + attrs.path("href").asText() + "]";
            default -> value;
            };
        }
        return value;
    }

    private static String image(JsonNode attrs) {
        return "external".equals(attrs.path("type").asText()) ? attrs.path("url").asText()
                : attrs.path("alt").asText(attrs.path("id").asText());
    }

    private static String plain(JsonNode node) {
        StringBuilder text = new StringBuilder();
        node.path("content").forEach(child -> text.append(child.path("text").asText("")));
        return text.toString();
    }

    private static String panelColour(String type) {
        return switch (type) {
        case "note" -> "#EAE6FF";
        case "warning" -> "#FFFAE6";
        case "error" -> "#FFEBE6";
        case "success", "tip" -> "#E3FCEF";
        default -> "#DEEBFF";
        };
    }

    /** Escapes characters that would start wiki markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("*_-+^~{}[]|!\\".indexOf(c) >= 0) {
                boolean wordInside = i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
                        && Character.isLetterOrDigit(text.charAt(i + 1)) && "-_+*".indexOf(c) >= 0;
                if (!wordInside) {
                    out.append('\\');
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}

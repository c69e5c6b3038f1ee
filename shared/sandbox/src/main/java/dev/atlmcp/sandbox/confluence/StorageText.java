package dev.atlmcp.sandbox.confluence;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Flavour;

/**
 * Turns seeded ADF into the storage format (XHTML with {@code ac:}/{@code ri:} elements) Confluence keeps for the same
 * content. Only what the seed uses is covered; anything else is reduced to its children.
 */
final class StorageText {

    private final Flavour flavour;
    private final StringBuilder out = new StringBuilder();

    private StorageText(Flavour flavour) {
        this.flavour = flavour;
    }

    static String of(JsonNode doc, Flavour flavour) {
        StorageText text = new StorageText(flavour);
        text.blocks(doc.path("content"));
        return text.out.toString();
    }

    private void blocks(JsonNode content) {
        for (JsonNode node : content) {
            block(node);
        }
    }

    private void block(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        switch (node.path("type").asText()) {
        case "paragraph" -> wrap("p", node);
        case "heading" -> wrap("h" + attrs.path("level").asInt(1), node);
        case "bulletList" -> list("ul", node);
        case "orderedList" -> list("ol", node);
        case "blockquote" -> {
            out.append("<blockquote>");
            blocks(node.path("content"));
            out.append("</blockquote>");
        }
        case "rule" -> out.append("<hr />");
        case "codeBlock" -> {
            out.append("<ac:structured-macro ac:name=\"code\">");
            if (attrs.hasNonNull("language")) {
                out.append("<ac:parameter ac:name=\"language\">").append(escape(attrs.path("language").asText()))
                        .append("</ac:parameter>");
            }
            out.append("<ac:plain-text-body><![CDATA[").append(plain(node).replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]></ac:plain-text-body></ac:structured-macro>");
        }
        case "panel" -> macroWithBody(panelMacro(attrs.path("panelType").asText("info")), null, node);
        case "expand", "nestedExpand" -> macroWithBody("expand", attrs.path("title").asText(""), node);
        case "table" -> {
            out.append("<table><tbody>");
            for (JsonNode row : node.path("content")) {
                out.append("<tr>");
                for (JsonNode cell : row.path("content")) {
                    String tag = "tableHeader".equals(cell.path("type").asText()) ? "th" : "td";
                    out.append('<').append(tag).append('>');
                    blocks(cell.path("content"));
                    out.append("</").append(tag).append('>');
                }
                out.append("</tr>");
            }
            out.append("</tbody></table>");
        }
        case "taskList" -> {
            out.append("<ac:task-list>");
            for (JsonNode task : node.path("content")) {
                if ("taskList".equals(task.path("type").asText())) {
                    block(task);
                    continue;
                }
                out.append("<ac:task><ac:task-status>").append("DONE".equals(task.path("attrs").path("state")
                        .asText()) ? "complete" : "incomplete").append("</ac:task-status><ac:task-body>");
                inline(task.path("content"));
                out.append("</ac:task-body></ac:task>");
            }
            out.append("</ac:task-list>");
        }
        default -> blocks(node.path("content"));
        }
    }

    private void list(String tag, JsonNode list) {
        out.append('<').append(tag).append('>');
        for (JsonNode item : list.path("content")) {
            out.append("<li>");
            blocks(item.path("content"));
            out.append("</li>");
        }
        out.append("</").append(tag).append('>');
    }

    private void wrap(String tag, JsonNode node) {
        out.append('<').append(tag).append('>');
        inline(node.path("content"));
        out.append("</").append(tag).append('>');
    }

    private void macroWithBody(String name, String title, JsonNode node) {
        out.append("<ac:structured-macro ac:name=\"").append(name).append("\">");
        if (title != null && !title.isEmpty()) {
            out.append("<ac:parameter ac:name=\"title\">").append(escape(title)).append("</ac:parameter>");
        }
        out.append("<ac:rich-text-body>");
        blocks(node.path("content"));
        out.append("</ac:rich-text-body></ac:structured-macro>");
    }

    private void inline(JsonNode content) {
        for (JsonNode node : content) {
            JsonNode attrs = node.path("attrs");
            switch (node.path("type").asText()) {
            case "text" -> out.append(marked(node));
            case "hardBreak" -> out.append("<br />");
            case "mention" -> out.append("<ac:link>").append(user(attrs.path("id").asText())).append("</ac:link>");
            case "status" -> out.append("<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">")
                    .append(colour(attrs.path("color").asText()))
                    .append("</ac:parameter><ac:parameter ac:name=\"title\">")
                    .append(escape(attrs.path("text").asText())).append("</ac:parameter></ac:structured-macro>");
            case "date" -> out.append("<time datetime=\"").append(java.time.Instant.ofEpochMilli(attrs.path(
                    "timestamp").asLong()).toString(), 0, 10).append("\" />");
            case "emoji" -> out.append("<ac:emoticon ac:name=\"").append(escape(attrs.path("shortName").asText()
                    .replace(":", ""))).append("\" />");
            case "inlineCard" -> out.append("<a href=\"").append(escape(attrs.path("url").asText())).append("\">")
                    .append(escape(attrs.path("url").asText())).append("</a>");
            default -> inline(node.path("content"));
            }
        }
    }

    private String user(String accountId) {
        return Directory.find(accountId).map(u -> flavour == Flavour.CLOUD
                ? "<ri:user ri:account-id=\"" + escape(u.accountId()) + "\" />"
                : "<ri:user ri:userkey=\"" + escape(u.key()) + "\" />").orElse("<ri:user ri:account-id=\""
                        + escape(accountId) + "\" />");
    }

    private static String marked(JsonNode text) {
        String value = escape(text.path("text").asText());
        for (JsonNode mark : text.path("marks")) {
            value = switch (mark.path("type").asText()) {
            case "strong" -> "<strong>" + value + "</strong>";
            case "em" -> "<em>" + value + "</em>";
            case "code" -> "<code>" + value + "</code>";
            case "strike" -> "<s>" + value + "</s>";
            case "underline" -> "<u>" + value + "</u>";
            case "link" -> "<a href=\"" + escape(mark.path("attrs").path("href").asText()) + "\">" + value + "</a>";
            default -> value;
            };
        }
        return value;
    }

    private static String plain(JsonNode node) {
        StringBuilder text = new StringBuilder();
        node.path("content").forEach(child -> text.append(child.path("text").asText("")));
        return text.toString();
    }

    private static String panelMacro(String type) {
        return switch (type) {
        case "note" -> "note";
        case "warning", "error" -> "warning";
        case "success" -> "tip";
        default -> "info";
        };
    }

    private static String colour(String color) {
        return switch (color) {
        case "green" -> "Green";
        case "red" -> "Red";
        case "yellow" -> "Yellow";
        case "blue" -> "Blue";
        case "purple" -> "Purple";
        default -> "Grey";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

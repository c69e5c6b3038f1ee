package dev.atlmcp.adf;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes ADF as Confluence storage format (XHTML with {@code ac:}/{@code ri:} elements), the counterpart of
 * {@link StorageToAdf}: code blocks as the code macro with CDATA, panels as info/note/warning/tip macros, expands, task
 * lists, user links, status macros, dates, emoticons, colours, images and links. Macros read from storage
 * ({@code extension}, {@code bodiedExtension}) are written back with their name and parameters. Nodes storage format
 * has no element for are reduced to their text.
 */
public final class AdfToStorage {

    private final UnaryOperator<String> userLink;
    private final StringBuilder out = new StringBuilder();

    private AdfToStorage(UnaryOperator<String> userLink) {
        this.userLink = userLink;
    }

    /** Storage format for Confluence Cloud: mentions link users by account id. */
    public static String render(JsonNode doc) {
        return render(doc, id -> "<ri:user ri:account-id=\"" + escape(id) + "\" />");
    }

    /** Storage format for Confluence Data Center: mentions link users by user key. */
    public static String renderForDataCenter(JsonNode doc) {
        return render(doc, key -> "<ri:user ri:userkey=\"" + escape(key) + "\" />");
    }

    /**
     * Storage format with mentions written by {@code userLink}, which turns a mention id into an {@code ri:user}
     * element (Data Center links users by {@code ri:userkey}).
     */
    public static String render(JsonNode doc, UnaryOperator<String> userLink) {
        AdfToStorage writer = new AdfToStorage(userLink);
        if ("doc".equals(doc.path("type").asText())) {
            writer.blocks(doc.path("content"));
        } else {
            writer.block(doc);
        }
        return writer.out.toString();
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
        case "mediaSingle", "mediaGroup" -> node.path("content").forEach(media -> image(media.path("attrs")));
        case "blockCard", "embedCard" -> out.append("<p><a href=\"").append(escape(attrs.path("url").asText()))
                .append("\">").append(escape(attrs.path("url").asText())).append("</a></p>");
        case "decisionList" -> {
            out.append("<ul>");
            node.path("content").forEach(item -> {
                out.append("<li>");
                inline(item.path("content"));
                out.append("</li>");
            });
            out.append("</ul>");
        }
        case "extension", "bodiedExtension" -> extension(node);
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
            case "mention" -> out.append("<ac:link>").append(userLink.apply(attrs.path("id").asText())).append(
                    "</ac:link>");
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
            case "placeholder" -> out.append(escape(attrs.path("text").asText()));
            case "inlineExtension" -> {
                if (StorageToAdf.VERBATIM.equals(attrs.path("extensionType").asText())) {
                    out.append(attrs.path("parameters").path("storage").asText());
                } else {
                    extension(node);
                }
            }
            case "mediaInline" -> image(attrs);
            default -> inline(node.path("content"));
            }
        }
    }

    private void image(JsonNode attrs) {
        out.append("<ac:image");
        if (attrs.has("alt")) {
            out.append(" ac:alt=\"").append(escape(attrs.path("alt").asText())).append('"');
        }
        out.append('>');
        if ("external".equals(attrs.path("type").asText())) {
            out.append("<ri:url ri:value=\"").append(escape(attrs.path("url").asText())).append("\" />");
        } else {
            out.append("<ri:attachment ri:filename=\"").append(escape(attrs.path("alt").asText(attrs.path("id")
                    .asText()))).append("\" />");
        }
        out.append("</ac:image>");
    }

    private void extension(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        out.append("<ac:structured-macro ac:name=\"").append(escape(attrs.path("extensionKey").asText()))
                .append("\">");
        attrs.path("parameters").path("macroParams").fields().forEachRemaining(p -> out.append(
                "<ac:parameter ac:name=\"").append(escape(p.getKey())).append("\">").append(escape(p.getValue()
                        .path(
                                "value")
                        .asText()))
                .append("</ac:parameter>"));
        if ("bodiedExtension".equals(node.path("type").asText())) {
            out.append("<ac:rich-text-body>");
            blocks(node.path("content"));
            out.append("</ac:rich-text-body>");
        }
        out.append("</ac:structured-macro>");
    }

    private static String marked(JsonNode text) {
        String value = escape(text.path("text").asText());
        for (JsonNode mark : text.path("marks")) {
            JsonNode attrs = mark.path("attrs");
            value = switch (mark.path("type").asText()) {
            case "strong" -> "<strong>" + value + "</strong>";
            case "em" -> "<em>" + value + "</em>";
            case "code" -> "<code>" + value + "</code>";
            case "strike" -> "<s>" + value + "</s>";
            case "underline" -> "<u>" + value + "</u>";
            case "subsup" -> "<" + attrs.path("type").asText("sub") + ">" + value + "</" + attrs.path("type").asText(
                    "sub") + ">";
            case "textColor" -> "<span style=\"color: " + escape(attrs.path("color").asText()) + "\">" + value
                    + "</span>";
            case "backgroundColor" -> "<span style=\"background-color: " + escape(attrs.path("color").asText())
                    + "\">" + value + "</span>";
            case "link" -> "<a href=\"" + escape(attrs.path("href").asText()) + "\">" + value + "</a>";
            case "annotation" -> "<ac:inline-comment-marker ac:ref=\"" + escape(attrs.path("id").asText()) + "\">"
                    + value + "</ac:inline-comment-marker>";
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

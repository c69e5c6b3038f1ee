package dev.atlmcp.adf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders an ADF document as compact Markdown.
 * <p>
 * Nodes Markdown has a form for are rendered natively; any other node is kept as a fenced {@code adf} block holding its
 * JSON, so nothing is dropped. Mentions are written as {@code @[Display Name](user:accountId)}.
 */
public final class AdfToMarkdown {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 64;

    private AdfToMarkdown() {
    }

    /** Renders a document (or any block node); returns an empty string for null or JSON null. */
    public static String render(JsonNode doc) {
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
            return "";
        }
        if (doc.isTextual()) {
            return doc.asText();
        }
        StringBuilder out = new StringBuilder();
        if ("doc".equals(doc.path("type").asText())) {
            blocks(doc.path("content"), out, "", 0);
        } else {
            block(doc, out, "", 0);
        }
        return out.toString().strip();
    }

    private static void blocks(JsonNode content, StringBuilder out, String indent, int depth) {
        for (JsonNode node : content) {
            block(node, out, indent, depth);
        }
    }

    private static void block(JsonNode node, StringBuilder out, String indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("ADF document is nested deeper than " + MAX_DEPTH + " levels");
        }
        String type = node.path("type").asText();
        switch (type) {
        case "paragraph" -> paragraph(inline(node.path("content")), out, indent);
        case "heading" -> paragraph("#".repeat(Math.max(1, Math.min(6, node.path("attrs").path("level").asInt(1))))
                + " " + inline(node.path("content")), out, indent);
        case "bulletList" -> list(node, out, indent, depth, false);
        case "orderedList" -> list(node, out, indent, depth, true);
        case "taskList" -> taskList(node, out, indent, depth);
        case "decisionList" -> decisionList(node, out, indent, depth);
        case "codeBlock" -> codeBlock(node, out, indent);
        case "blockquote" -> prefixed(node.path("content"), out, indent, depth, "> ");
        case "panel" -> panel(node, out, indent, depth);
        case "rule" -> paragraph("---", out, indent);
        case "table" -> table(node, out, indent);
        case "expand", "nestedExpand" -> expand(node, out, indent, depth);
        case "mediaSingle", "mediaGroup" -> media(node, out, indent);
        case "blockCard", "embedCard" -> paragraph(link(node.path("attrs").path("url").asText()), out, indent);
        default -> fenced(node, out, indent);
        }
    }

    private static void paragraph(String text, StringBuilder out, String indent) {
        separate(out);
        out.append(indent).append(text.replace("\n", "\n" + indent)).append('\n');
    }

    private static void separate(StringBuilder out) {
        if (out.length() > 0 && !endsWithBlankLine(out)) {
            out.append('\n');
        }
    }

    private static boolean endsWithBlankLine(StringBuilder out) {
        int n = out.length();
        return n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n';
    }

    private static void list(JsonNode node, StringBuilder out, String indent, int depth, boolean ordered) {
        separate(out);
        int number = node.path("attrs").path("order").asInt(1);
        for (JsonNode item : node.path("content")) {
            String marker = ordered ? (number++) + ". " : "- ";
            listItem(item.path("content"), out, indent, depth, marker);
        }
    }

    private static void listItem(JsonNode content, StringBuilder out, String indent, int depth, String marker) {
        String childIndent = indent + " ".repeat(marker.length());
        boolean first = true;
        for (JsonNode child : content) {
            String type = child.path("type").asText();
            if (first && "paragraph".equals(type)) {
                out.append(indent).append(marker)
                        .append(inline(child.path("content")).replace("\n", "\n" + childIndent))
                        .append('\n');
            } else {
                StringBuilder nested = new StringBuilder();
                block(child, nested, childIndent, depth + 1);
                if (first) {
                    out.append(indent).append(marker).append('\n');
                }
                out.append(nested.toString().replaceAll("^\n+", ""));
            }
            first = false;
        }
        if (first) {
            out.append(indent).append(marker.stripTrailing()).append('\n');
        }
    }

    private static void taskList(JsonNode node, StringBuilder out, String indent, int depth) {
        separate(out);
        for (JsonNode item : node.path("content")) {
            if ("taskList".equals(item.path("type").asText())) {
                taskList(item, out, indent + "  ", depth + 1);
                continue;
            }
            String box = "DONE".equals(item.path("attrs").path("state").asText()) ? "- [x] " : "- [ ] ";
            out.append(indent).append(box).append(inline(item.path("content"))).append('\n');
        }
    }

    private static void decisionList(JsonNode node, StringBuilder out, String indent, int depth) {
        separate(out);
        for (JsonNode item : node.path("content")) {
            out.append(indent).append("- Decision: ").append(inline(item.path("content"))).append('\n');
        }
    }

    private static void codeBlock(JsonNode node, StringBuilder out, String indent) {
        StringBuilder code = new StringBuilder();
        for (JsonNode text : node.path("content")) {
            code.append(text.path("text").asText());
        }
        String fence = fenceFor(code);
        separate(out);
        out.append(indent).append(fence).append(node.path("attrs").path("language").asText("")).append('\n');
        if (code.length() > 0) {
            out.append(indent).append(code.toString().replace("\n", "\n" + indent)).append('\n');
        }
        out.append(indent).append(fence).append('\n');
    }

    /** A backtick fence longer than any backtick run in the text. */
    static String fenceFor(CharSequence text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static void prefixed(JsonNode content, StringBuilder out, String indent, int depth, String prefix) {
        StringBuilder inner = new StringBuilder();
        blocks(content, inner, "", depth + 1);
        separate(out);
        for (String line : inner.toString().strip().split("\n", -1)) {
            out.append(indent).append(line.isEmpty() ? prefix.stripTrailing() : prefix + line).append('\n');
        }
    }

    private static void panel(JsonNode node, StringBuilder out, String indent, int depth) {
        String kind = node.path("attrs").path("panelType").asText("info");
        StringBuilder inner = new StringBuilder();
        blocks(node.path("content"), inner, "", depth + 1);
        separate(out);
        out.append(indent).append("> [!").append(kind.toUpperCase()).append("]\n");
        for (String line : inner.toString().strip().split("\n", -1)) {
            out.append(indent).append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
    }

    private static void expand(JsonNode node, StringBuilder out, String indent, int depth) {
        String title = node.path("attrs").path("title").asText("");
        separate(out);
        out.append(indent).append("<details><summary>").append(escape(title)).append("</summary>\n");
        StringBuilder inner = new StringBuilder();
        blocks(node.path("content"), inner, indent, depth + 1);
        out.append('\n').append(inner.toString().strip()).append("\n\n").append(indent).append("</details>\n");
    }

    private static void media(JsonNode node, StringBuilder out, String indent) {
        List<String> refs = new ArrayList<>();
        for (JsonNode media : node.path("content")) {
            if ("media".equals(media.path("type").asText())) {
                refs.add(mediaRef(media.path("attrs")));
            }
        }
        paragraph(String.join(" ", refs), out, indent);
    }

    private static String mediaRef(JsonNode attrs) {
        if ("external".equals(attrs.path("type").asText())) {
            return "![" + escape(attrs.path("alt").asText("")) + "](" + attrs.path("url").asText() + ")";
        }
        String name = attrs.path("alt").asText(attrs.path("id").asText());
        return "![" + escape(name) + "](media:" + attrs.path("id").asText() + ")";
    }

    private static void table(JsonNode node, StringBuilder out, String indent) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : node.path("content")) {
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : row.path("content")) {
                StringBuilder text = new StringBuilder();
                blocks(cell.path("content"), text, "", 1);
                cells.add(text.toString().strip().replace("|", "\\|").replace("\n\n", "<br>").replace("\n", "<br>"));
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        separate(out);
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>(rows.get(r));
            while (cells.size() < width) {
                cells.add("");
            }
            out.append(indent).append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (r == 0) {
                out.append(indent).append("|").append(" --- |".repeat(width)).append('\n');
            }
        }
    }

    private static void fenced(JsonNode node, StringBuilder out, String indent) {
        String json;
        try {
            json = JSON.writeValueAsString(node);
        } catch (Exception e) {
            json = node.toString();
        }
        String fence = fenceFor(json);
        separate(out);
        out.append(indent).append(fence).append("adf\n").append(indent).append(json).append('\n').append(indent)
                .append(fence).append('\n');
    }

    /** Renders inline content (text with marks, mentions, emoji, dates, status, cards). */
    static String inline(JsonNode content) {
        StringBuilder out = new StringBuilder();
        for (JsonNode node : content) {
            JsonNode attrs = node.path("attrs");
            switch (node.path("type").asText()) {
            case "text" -> out.append(marked(node.path("text").asText(), node.path("marks")));
            case "hardBreak" -> out.append("\\\n");
            case "mention" -> out.append("@[").append(escape(attrs.path("text").asText("").replaceFirst("^@", "")))
                    .append("](user:").append(attrs.path("id").asText()).append(')');
            case "emoji" -> out.append(attrs.path("text").asText(attrs.path("shortName").asText()));
            case "date" -> out.append(isoDate(attrs.path("timestamp").asText()));
            case "status" -> out.append("[").append(attrs.path("text").asText().toUpperCase()).append("]");
            case "inlineCard" -> out.append(link(attrs.path("url").asText()));
            case "mediaInline" -> out.append(mediaRef(attrs));
            case "placeholder" -> out.append(escape(attrs.path("text").asText()));
            default -> out.append('`').append(node.toString().replace("`", "'")).append('`');
            }
        }
        return out.toString();
    }

    private static String marked(String text, JsonNode marks) {
        boolean code = false;
        String href = null;
        StringBuilder open = new StringBuilder();
        for (JsonNode mark : marks) {
            switch (mark.path("type").asText()) {
            case "code" -> code = true;
            case "strong" -> open.append("**");
            case "em" -> open.append("_");
            case "strike" -> open.append("~~");
            case "link" -> href = mark.path("attrs").path("href").asText();
            default -> {
            }
            }
        }
        // Markdown emphasis cannot start or end with a space: keep surrounding spaces outside the marks.
        String core = open.length() > 0 && !text.isBlank() ? text.strip() : text;
        int at = text.indexOf(core);
        String body = code ? codeSpan(core) : escape(core);
        String wrapped = text.substring(0, at) + open + body + new StringBuilder(open).reverse()
                + text.substring(at + core.length());
        return href == null ? wrapped : "[" + wrapped + "](" + href.replace(")", "%29").replace(" ", "%20") + ")";
    }

    private static String codeSpan(String text) {
        String ticks = "`".repeat(fenceFor(text).length() - 2);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    private static String link(String url) {
        return "<" + url + ">";
    }

    static String isoDate(String epochMillis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(epochMillis)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (NumberFormatException e) {
            return epochMillis;
        }
    }

    /** Escapes characters that would otherwise start Markdown syntax. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

package dev.atlmcp.adf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders ADF as the Markdown dialect described in this module's README: GitHub-flavoured Markdown plus a few
 * documented forms for what ADF has and Markdown lacks. {@link MarkdownToAdf} reads the same dialect back.
 * <p>
 * A node is written in a short form only when that form carries all of it; anything else (unknown nodes, unusual
 * attributes or marks) is kept as its ADF JSON, in a fenced {@code adf} block or, inline, as {@code <adf>`json`</adf>},
 * so nothing is ever dropped.
 */
public final class AdfToMarkdown {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_DEPTH = 64;
    static final Set<String> PANELS = Set.of("info", "note", "tip", "warning", "error", "success");
    private static final Pattern EMOJI_LIKE = Pattern.compile(":[A-Za-z0-9_+-]+:");
    /** Table attributes Atlassian's editors write when nothing was chosen: reading them back without is the same. */
    private static final Set<String> TABLE_DEFAULTS = Set.of("isNumberColumnEnabled=false", "layout=default",
            "displayMode=default");
    /** A line starting with one of these and a space (or nothing) would read back as a list item or a setext line. */
    private static final Pattern BLOCK_MARK = Pattern.compile("^[-+=](\\s.*|$)");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])");
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Marks rendered with delimiters around text, outermost first; code is rendered per text node. */
    private static final List<String> MARK_ORDER = List.of("link", "annotation", "textColor", "backgroundColor",
            "strong", "em", "strike", "underline", "subsup");
    /** Marks whose Markdown delimiters must not touch whitespace. */
    private static final Set<String> FLANKING = Set.of("strong", "em", "strike");

    private int depth;
    /** Inside a GFM table cell a pipe must be escaped even in a code span. */
    private boolean inTableCell;

    private AdfToMarkdown() {
    }

    /** Renders a document (or any block node); an empty string for null, JSON null or a document without content. */
    public static String render(JsonNode doc) {
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
            return "";
        }
        if (doc.isTextual()) {
            return doc.asText();
        }
        AdfToMarkdown renderer = new AdfToMarkdown();
        return "doc".equals(doc.path("type").asText()) ? renderer.blocks(doc.path("content"))
                : renderer.block(doc);
    }

    private String blocks(JsonNode content) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (JsonNode node : content) {
            String rendered = block(node);
            if (previous != null) {
                // adjacent lists with the same marker would merge into one: a comment line keeps them apart
                out.append(sameMarker(previous, node.path("type").asText()) ? "\n\n<!-- -->\n\n" : "\n\n");
            }
            out.append(rendered);
            previous = node.path("type").asText();
        }
        return out.toString();
    }

    private static boolean sameMarker(String previous, String next) {
        Set<String> dashed = Set.of("bulletList", "taskList");
        return dashed.contains(previous) && dashed.contains(next) || previous.equals("orderedList") && next.equals(
                "orderedList");
    }

    private String block(JsonNode node) {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("ADF document is nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            String rendered = shortForm(node);
            return rendered != null ? rendered : fenced(node);
        } finally {
            depth--;
        }
    }

    /** The dialect's form of a block node, or null when it cannot carry the node exactly. */
    private String shortForm(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        return switch (node.path("type").asText()) {
        case "paragraph" -> paragraph(node);
        case "heading" -> heading(node);
        case "bulletList" -> onlyAttrs(node) && noMarks(node) ? list(node, false) : null;
        case "orderedList" -> onlyAttrs(node, "order") && noMarks(node) ? list(node, true) : null;
        case "taskList" -> onlyAttrs(node, "localId") && noMarks(node) ? taskList(node) : null;
        case "decisionList" -> onlyAttrs(node, "localId") && noMarks(node) ? decisionList(node) : null;
        case "codeBlock" -> onlyAttrs(node, "language") && noMarks(node) ? codeBlock(node) : null;
        case "blockquote" -> onlyAttrs(node) && noMarks(node) ? quoted("", blocks(node.path("content"))) : null;
        case "rule" -> onlyAttrs(node) && noMarks(node) ? "---" : null;
        case "panel" -> onlyAttrs(node, "panelType") && noMarks(node) && PANELS.contains(attrs.path("panelType")
                .asText()) ? quoted("[!" + attrs.path("panelType").asText().toUpperCase() + "]", blocks(
                        node.path(
                                "content")))
                        : null;
        case "expand", "nestedExpand" -> onlyAttrs(node, "title", "localId") && noMarks(node) ? "<details><summary>"
                + html(attrs.path("title").asText("")) + "</summary>\n\n" + blocks(node.path("content"))
                + "\n\n</details>" : null;
        case "table" -> table(node);
        case "mediaSingle" -> mediaSingle(node);
        case "blockCard" -> onlyAttrs(node, "url") && noMarks(node) && attrs.hasNonNull("url") ? "<" + attrs.path(
                "url").asText() + ">\n{: card=block}" : null;
        default -> null;
        };
    }

    private String paragraph(JsonNode node) {
        if (!onlyAttrs(node, "localId")) {
            return null;
        }
        String ial = blockMarks(node);
        if (ial == null) {
            return null;
        }
        if (node.path("content").isEmpty()) {
            return ial.isEmpty() ? "<p></p>" : null;
        }
        String text = inline(node.path("content"), true);
        return ial.isEmpty() ? text : text + "\n" + ial;
    }

    private String heading(JsonNode node) {
        int level = node.path("attrs").path("level").asInt(0);
        String ial = blockMarks(node);
        if (!onlyAttrs(node, "level", "localId") || level < 1 || level > 6 || ial == null) {
            return null;
        }
        String text = inline(node.path("content"), true);
        if (text.contains("\n")) {
            return null;
        }
        String line = "#".repeat(level) + (text.isEmpty() ? "" : " " + text);
        return ial.isEmpty() ? line : line + "\n" + ial;
    }

    /** Alignment, indentation and font size of a paragraph or heading as an attribute line; null if unsupported. */
    private static String blockMarks(JsonNode node) {
        Map<String, String> ial = new LinkedHashMap<>();
        for (JsonNode mark : node.path("marks")) {
            JsonNode attrs = mark.path("attrs");
            switch (mark.path("type").asText()) {
            case "alignment" -> ial.put("align", attrs.path("align").asText());
            case "indentation" -> ial.put("indent", attrs.path("level").asText());
            case "fontSize" -> ial.put("size", attrs.path("fontSize").asText());
            default -> {
                return null;
            }
            }
        }
        return ial.isEmpty() ? "" : Attributes.ial(ial);
    }

    private String list(JsonNode node, boolean ordered) {
        int number = node.path("attrs").path("order").asInt(1);
        List<String> items = new ArrayList<>();
        for (JsonNode item : node.path("content")) {
            if (!"listItem".equals(item.path("type").asText()) || !onlyAttrs(item, "localId") || !noMarks(item)
                    || item.path("content").isEmpty()) {
                return null;
            }
            String marker = ordered ? number + ". " : "- ";
            number++;
            items.add(prefixed(marker, itemBlocks(item.path("content"))));
        }
        return String.join("\n", items);
    }

    /** Blocks inside a list item: a nested list follows its paragraph directly so the list stays tight. */
    private String itemBlocks(JsonNode content) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (JsonNode child : content) {
            String type = child.path("type").asText();
            if (previous != null) {
                out.append(previous.equals("paragraph") && type.endsWith("List") ? "\n" : "\n\n");
            }
            out.append(block(child));
            // an empty paragraph is an HTML block that would swallow a list written right after it
            previous = type.equals("paragraph") && child.path("content").isEmpty() ? "emptyParagraph" : type;
        }
        return out.toString();
    }

    private String taskList(JsonNode node) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : node.path("content")) {
            String type = item.path("type").asText();
            if ("taskList".equals(type)) {
                if (lines.isEmpty()) {
                    return null;
                }
                String nested = block(item);
                if (nested.startsWith("```")) {
                    return null;
                }
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n" + indent(nested, "  "));
                continue;
            }
            String state = item.path("attrs").path("state").asText();
            if (!"taskItem".equals(type) || !onlyAttrs(item, "localId", "state") || !noMarks(item)
                    || !(state.equals("TODO") || state.equals("DONE"))) {
                return null;
            }
            String text = inline(item.path("content"), false);
            lines.add(prefixed(state.equals("DONE") ? "- [x] " : "- [ ] ", text.isEmpty() ? "<!-- -->" : text));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private String decisionList(JsonNode node) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : node.path("content")) {
            if (!"decisionItem".equals(item.path("type").asText()) || !onlyAttrs(item, "localId", "state")
                    || !"DECIDED".equals(item.path("attrs").path("state").asText()) || !noMarks(item)) {
                return null;
            }
            String text = inline(item.path("content"), false);
            lines.add(prefixed("- ", text.isEmpty() ? "<!-- -->" : text));
        }
        return lines.isEmpty() ? null : quoted("[!DECISION]", String.join("\n", lines));
    }

    private String codeBlock(JsonNode node) {
        StringBuilder code = new StringBuilder();
        for (JsonNode text : node.path("content")) {
            if (!"text".equals(text.path("type").asText()) || text.has("marks")) {
                return null;
            }
            code.append(text.path("text").asText());
        }
        String language = node.path("attrs").path("language").asText("");
        if (language.contains(" ") || language.contains("`") || code.toString().endsWith("\n")) {
            return null;
        }
        String fence = fenceFor(code);
        return fence + language + "\n" + (code.length() == 0 ? "" : code + "\n") + fence;
    }

    private String table(JsonNode node) {
        if (!onlyAttrs(node, "isNumberColumnEnabled", "layout", "width", "displayMode", "localId") || !noMarks(node)) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> widths = columnWidths(node);
        boolean header = true;
        for (JsonNode row : node.path("content")) {
            if (!"tableRow".equals(row.path("type").asText()) || !onlyAttrs(row, "localId")) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : row.path("content")) {
                String expected = header ? "tableHeader" : "tableCell";
                JsonNode content = cell.path("content");
                boolean plainCell = onlyAttrs(cell) || widths != null && onlyAttrs(cell, "colwidth", "colspan",
                        "rowspan");
                if (!expected.equals(cell.path("type").asText()) || !plainCell) {
                    return null;
                }
                String text = cellText(content);
                if (text == null) {
                    return null;
                }
                cells.add(text);
            }
            if (cells.isEmpty() || !rows.isEmpty() && cells.size() != rows.get(0).size()) {
                return null;
            }
            rows.add(cells);
            header = false;
        }
        if (rows.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|").append(" --- |".repeat(rows.get(0).size())).append('\n');
            }
        }
        Map<String, String> ial = new LinkedHashMap<>();
        node.path("attrs").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("localId") && !TABLE_DEFAULTS.contains(e.getKey() + "=" + e.getValue().asText())) {
                ial.put(e.getKey(), e.getValue().asText());
            }
        });
        if (widths != null) {
            ial.put("colwidths", String.join(",", widths));
        }
        // the attribute line needs a blank line before it, or the table would take it as a row
        return out.toString().stripTrailing() + (ial.isEmpty() ? "" : "\n\n" + Attributes.ial(ial));
    }

    /**
     * A cell's content on one line: its paragraph as inline Markdown, or, when it holds anything else (several
     * paragraphs, lists, code, an expand), its blocks as {@code <adf>`[json]`</adf>} so the row does not break.
     */
    private String cellText(JsonNode content) {
        if (content.size() == 1 && "paragraph".equals(content.get(0).path("type").asText()) && !content.get(0).has(
                "marks") && onlyAttrs(content.get(0))) {
            inTableCell = true;
            String text = inline(content.get(0).path("content"), true);
            inTableCell = false;
            if (!text.contains("\n")) {
                return text;
            }
        }
        return "<adf>" + codeSpan(content.toString()).replace("|", "\\|") + "</adf>";
    }

    /**
     * The column widths when every cell of each column has the same single {@code colwidth} and spans one row and one
     * column (Confluence writes widths on every cell); null otherwise.
     */
    private static List<String> columnWidths(JsonNode table) {
        List<String> widths = null;
        for (JsonNode row : table.path("content")) {
            List<String> rowWidths = new ArrayList<>();
            for (JsonNode cell : row.path("content")) {
                JsonNode attrs = cell.path("attrs");
                JsonNode colwidth = attrs.path("colwidth");
                if (attrs.path("colspan").asInt(1) != 1 || attrs.path("rowspan").asInt(1) != 1 || !colwidth.isArray()
                        || colwidth.size() != 1 || !colwidth.get(0).isNumber()) {
                    return null;
                }
                rowWidths.add(colwidth.get(0).asText());
            }
            if (widths != null && !widths.equals(rowWidths)) {
                return null;
            }
            widths = rowWidths;
        }
        return widths;
    }

    private String mediaSingle(JsonNode node) {
        JsonNode content = node.path("content");
        if (!onlyAttrs(node, "layout", "width", "widthType") || !noMarks(node) || content.size() != 1) {
            return null;
        }
        JsonNode media = content.get(0);
        JsonNode attrs = media.path("attrs");
        if (!"media".equals(media.path("type").asText()) || !noMarks(media) || !onlyAttrs(media, "id", "type",
                "collection", "url", "alt", "width", "height", "localId")) {
            return null;
        }
        Map<String, String> ial = new LinkedHashMap<>();
        String target;
        if ("external".equals(attrs.path("type").asText()) && attrs.hasNonNull("url") && !attrs.has("id")) {
            target = attrs.path("url").asText();
        } else if ("file".equals(attrs.path("type").asText()) && attrs.hasNonNull("id") && !attrs.has("url")) {
            target = "media:" + attrs.path("id").asText();
            ial.put("collection", attrs.path("collection").asText(""));
        } else {
            return null;
        }
        if (target.contains(" ") || target.contains(")")) {
            return null;
        }
        copy(attrs, "width", "media-width", ial);
        copy(attrs, "height", "media-height", ial);
        node.path("attrs").fields().forEachRemaining(e -> ial.put(e.getKey(), e.getValue().asText()));
        ial.put("media", "single");
        return "![" + escape(attrs.path("alt").asText(""), false) + "](" + target + ")\n" + Attributes.ial(ial);
    }

    private static void copy(JsonNode attrs, String from, String to, Map<String, String> ial) {
        if (attrs.has(from)) {
            ial.put(to, attrs.path(from).asText());
        }
    }

    private static String fenced(JsonNode node) {
        String json;
        try {
            json = JSON.writeValueAsString(node);
        } catch (Exception e) {
            json = node.toString();
        }
        String fence = fenceFor(json);
        return fence + "adf\n" + json + "\n" + fence;
    }

    // ---------------------------------------------------------------- inline

    /** Inline content: text with marks, and the dialect's forms for ADF's inline nodes. */
    private String inline(JsonNode content, boolean blockStart) {
        List<JsonNode> nodes = splitEdgeWhitespace(content);
        // first pass: the mark tags that open and close before each node, and each node's own text
        List<String> transitions = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<JsonNode> open = new ArrayList<>();
        boolean atStart = blockStart;
        for (int n = 0; n < nodes.size(); n++) {
            JsonNode node = nodes.get(n);
            List<JsonNode> wanted = "text".equals(node.path("type").asText()) && supportedMarks(node)
                    ? orderedMarks(node, false)
                    : List.of();
            StringBuilder transition = new StringBuilder();
            int keep = 0;
            while (keep < open.size() && keep < wanted.size() && open.get(keep).equals(wanted.get(keep))) {
                keep++;
            }
            for (int i = open.size() - 1; i >= keep; i--) {
                transition.append(close(open.remove(i)));
            }
            for (int i = keep; i < wanted.size(); i++) {
                transition.append(open(wanted.get(i)));
                open.add(wanted.get(i));
            }
            boolean trailingBreak = "hardBreak".equals(node.path("type").asText()) && onlyAttrs(node)
                    && n == nodes.size() - 1;
            boolean lineStart = atStart && transition.length() == 0 || n > 0 && "hardBreak".equals(nodes.get(n - 1)
                    .path("type").asText());
            // a backslash break at the very end of a paragraph would read back as a backslash
            transitions.add(transition.toString());
            // alone on its line a <br> would start an HTML block: the empty comment keeps it inline
            bodies.add(trailingBreak ? lineStart || n == 0 ? "<br><!-- -->" : "<br>" : inlineNode(node, lineStart));
            atStart = false;
        }
        StringBuilder closing = new StringBuilder();
        for (int i = open.size() - 1; i >= 0; i--) {
            closing.append(close(open.get(i)));
        }
        // second pass: bold, italic and strike-through around each text node, as delimiters where Markdown reads
        // them back and as tags where it would not
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < nodes.size(); n++) {
            out.append(transitions.get(n));
            String after = n + 1 < nodes.size() ? transitions.get(n + 1) + bodies.get(n + 1) : closing.toString();
            out.append(flanked(nodes.get(n), bodies.get(n), out.length() == 0 ? ' ' : out.charAt(out.length() - 1),
                    after.isEmpty() ? ' ' : after.charAt(0)));
        }
        out.append(closing);
        // whitespace at the end of a line would vanish: keep the last character as an entity
        int last = out.length() - 1;
        if (last >= 0 && (out.charAt(last) == ' ' || out.charAt(last) == '\t')) {
            out.replace(last, last + 1, out.charAt(last) == ' ' ? "&#32;" : "&#9;");
        }
        return out.toString();
    }

    private static String flanked(JsonNode node, String body, char before, char after) {
        if (!"text".equals(node.path("type").asText()) || !supportedMarks(node) || body.isEmpty()) {
            return body;
        }
        List<JsonNode> marks = orderedMarks(node, true);
        if (marks.isEmpty()) {
            return body;
        }
        // with several marks the inner delimiters are what the outer ones touch
        char first = marks.size() > 1 ? '*' : body.charAt(0);
        char last = marks.size() > 1 ? '*' : body.charAt(body.length() - 1);
        boolean delimiters = (!isPunctuation(first) || Character.isWhitespace(before) || isPunctuation(before))
                && (!isPunctuation(last) || Character.isWhitespace(after) || isPunctuation(after))
                && "*~\\".indexOf(before) < 0 && "*~".indexOf(after) < 0 && (marks.size() > 1 || "*~".indexOf(
                        first) < 0 && "*~".indexOf(last) < 0);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (JsonNode mark : marks) {
            String type = mark.path("type").asText();
            String delimiter = type.equals("strong") ? "**" : type.equals("em") ? "*" : "~~";
            String tag = type.equals("strong") ? "strong" : type.equals("em") ? "em" : "del";
            open.append(delimiters ? delimiter : "<" + tag + ">");
            close.insert(0, delimiters ? delimiter : "</" + tag + ">");
        }
        return open + body + close;
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return c < 128 ? "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0
                : type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                        || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                        || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                        || type == Character.OTHER_PUNCTUATION || type == Character.MATH_SYMBOL
                        || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL
                        || type == Character.OTHER_SYMBOL;
    }

    private String inlineNode(JsonNode node, boolean lineStart) {
        String rendered = inlineForm(node, lineStart);
        // inside a GFM table cell a pipe must be escaped even in a code span
        return inTableCell && rendered.startsWith("<adf>") ? rendered.replace("|", "\\|") : rendered;
    }

    private String inlineForm(JsonNode node, boolean lineStart) {
        JsonNode attrs = node.path("attrs");
        String type = node.path("type").asText();
        if (!"text".equals(type) && node.has("marks")) {
            return inlineAdf(node);
        }
        return switch (type) {
        case "text" -> {
            if (!supportedMarks(node) || node.path("text").asText().isEmpty()) {
                yield inlineAdf(node);
            }
            String text = node.path("text").asText();
            yield hasMark(node, "code") ? (inTableCell ? codeSpan(text).replace("|", "\\|") : codeSpan(text))
                    : escape(text, lineStart, lineStart && !inTableCell);
        }
        case "hardBreak" -> onlyAttrs(node) ? "\\\n" : inlineAdf(node);
        case "mention" -> mention(node);
        case "emoji" -> emoji(node);
        case "date" -> {
            String iso = isoDate(attrs.path("timestamp").asText());
            yield onlyAttrs(node, "timestamp", "localId") && iso != null ? "<time>" + iso + "</time>"
                    : inlineAdf(node);
        }
        case "status" -> onlyAttrs(node, "text", "color", "localId", "style") && !attrs.has("style")
                && attrs.hasNonNull("color")
                        ? "<status color=\"" + html(attrs.path("color").asText()) + "\">" + html(
                                attrs.path("text").asText()) + "</status>"
                        : inlineAdf(node);
        case "inlineCard" -> onlyAttrs(node, "url") && attrs.hasNonNull("url") && !hasSpaceOr(attrs.path("url")
                .asText(), "<>") ? "<" + attrs.path("url").asText() + ">" : inlineAdf(node);
        case "placeholder" -> onlyAttrs(node, "text") ? "<placeholder>" + html(attrs.path("text").asText())
                + "</placeholder>" : inlineAdf(node);
        default -> inlineAdf(node);
        };
    }

    private static String mention(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        if (!attrs.hasNonNull("id") || !onlyAttrs(node, "id", "text", "accessLevel", "userType", "localId")) {
            return inlineAdf(node);
        }
        String id = attrs.path("id").asText();
        if (hasSpaceOr(id, "()<>\"")) {
            return inlineAdf(node);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        // an empty access level and the DEFAULT user type are what Atlassian writes when there is none
        if (attrs.has("accessLevel") && !attrs.path("accessLevel").asText().isEmpty()) {
            extra.put("accessLevel", attrs.path("accessLevel").asText());
        }
        if (attrs.has("userType") && !"DEFAULT".equals(attrs.path("userType").asText())) {
            extra.put("userType", attrs.path("userType").asText());
        }
        String name = attrs.path("text").asText("").replaceFirst("^@", "");
        String title = extra.isEmpty() ? "" : " \"" + Attributes.pairs(extra).replace("\"", "'") + "\"";
        return "@[" + escape(name, false) + "](user:" + id + title + ")";
    }

    private static String emoji(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        String shortName = attrs.path("shortName").asText("");
        if (!onlyAttrs(node, "shortName", "id", "text", "localId") || !EMOJI_LIKE.matcher(shortName).matches()) {
            return inlineAdf(node);
        }
        StringBuilder tag = new StringBuilder("<emoji");
        if (attrs.has("id")) {
            tag.append(" id=\"").append(html(attrs.path("id").asText())).append('"');
        }
        if (attrs.has("text")) {
            tag.append(" text=\"").append(html(attrs.path("text").asText())).append('"');
        }
        return tag.append('>').append(shortName).append("</emoji>").toString();
    }

    /** An inline node kept as its JSON in a code span between {@code <adf>} tags. */
    private static String inlineAdf(JsonNode node) {
        return "<adf>" + codeSpan(node.toString()) + "</adf>";
    }

    private static boolean supportedMarks(JsonNode text) {
        for (JsonNode mark : text.path("marks")) {
            JsonNode attrs = mark.path("attrs");
            boolean ok = switch (mark.path("type").asText()) {
            case "strong", "em", "strike", "underline" -> !mark.has("attrs");
            case "code" -> true;
            case "link" -> attrs.size() == 1 && attrs.hasNonNull("href") && !hasSpaceOr(attrs.path("href").asText(),
                    "<>");
            case "subsup" -> attrs.size() == 1
                    && ("sub".equals(attrs.path("type").asText()) || "sup".equals(attrs.path("type")
                            .asText()));
            case "textColor", "backgroundColor" -> attrs.size() == 1 && HEX_COLOR.matcher(attrs.path("color")
                    .asText()).matches();
            case "annotation" -> attrs.path("annotationType").asText("inlineComment").equals("inlineComment")
                    && attrs.hasNonNull("id") && attrs.size() <= 2;
            default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The node's delimiter-free marks in nesting order, or (flanking) only bold, italic and strike-through. */
    private static List<JsonNode> orderedMarks(JsonNode text, boolean flanking) {
        List<JsonNode> marks = new ArrayList<>();
        for (String type : MARK_ORDER) {
            if (FLANKING.contains(type) != flanking) {
                continue;
            }
            for (JsonNode mark : text.path("marks")) {
                if (type.equals(mark.path("type").asText())) {
                    marks.add(mark);
                }
            }
        }
        return marks;
    }

    private static String open(JsonNode mark) {
        JsonNode attrs = mark.path("attrs");
        return switch (mark.path("type").asText()) {
        case "link" -> "[";
        case "annotation" -> "<span comment=\"" + html(attrs.path("id").asText()) + "\">";
        case "textColor" -> "<span color=\"" + attrs.path("color").asText() + "\">";
        case "backgroundColor" -> "<span bg=\"" + attrs.path("color").asText() + "\">";
        case "underline" -> "<u>";
        default -> "<" + attrs.path("type").asText() + ">";
        };
    }

    private static String close(JsonNode mark) {
        return switch (mark.path("type").asText()) {
        case "link" -> "](" + mark.path("attrs").path("href").asText().replace("(", "%28").replace(")", "%29") + ")";
        case "annotation", "textColor", "backgroundColor" -> "</span>";
        case "underline" -> "</u>";
        default -> "</" + mark.path("attrs").path("type").asText() + ">";
        };
    }

    /**
     * Markdown emphasis cannot open before or close after whitespace: whitespace at the edges of a text node with such
     * marks becomes its own node without them. MarkdownToAdf reads it back the same way (see the README).
     */
    private static List<JsonNode> splitEdgeWhitespace(JsonNode content) {
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode node : content) {
            String text = node.path("text").asText("");
            if (!"text".equals(node.path("type").asText()) || !hasFlanking(node) || hasMark(node, "code")) {
                nodes.add(node);
                continue;
            }
            if (text.isBlank()) {
                nodes.add(withoutFlanking(node, text));
                continue;
            }
            String core = text.strip();
            int start = text.indexOf(core);
            if (start > 0) {
                nodes.add(withoutFlanking(node, text.substring(0, start)));
            }
            nodes.add(((ObjectNode) node.deepCopy()).put("text", core));
            if (start + core.length() < text.length()) {
                nodes.add(withoutFlanking(node, text.substring(start + core.length())));
            }
        }
        return nodes;
    }

    /** A copy of a text node with other text and without bold, italic and strike-through. */
    static ObjectNode withoutFlanking(JsonNode node, String text) {
        ObjectNode copy = ((ObjectNode) node.deepCopy()).put("text", text);
        var marks = copy.putArray("marks");
        node.path("marks").forEach(m -> {
            if (!FLANKING.contains(m.path("type").asText())) {
                marks.add(m);
            }
        });
        if (marks.isEmpty()) {
            copy.remove("marks");
        }
        return copy;
    }

    private static boolean hasFlanking(JsonNode node) {
        for (JsonNode mark : node.path("marks")) {
            if (FLANKING.contains(mark.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasMark(JsonNode node, String type) {
        for (JsonNode mark : node.path("marks")) {
            if (type.equals(mark.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String codeSpan(String text) {
        String ticks = "`".repeat(longestBacktickRun(text) + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.startsWith(" ") && text.endsWith(" ")
                && !text.isBlank();
        return ticks + (pad ? " " : "") + text.replace("\n", " ") + (pad ? " " : "") + ticks;
    }

    /** A backtick fence longer than any backtick run in the text, at least three. */
    static String fenceFor(CharSequence text) {
        return "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
    }

    private static int longestBacktickRun(CharSequence text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static String isoDate(String epochMillis) {
        try {
            ZonedDateTime time = Instant.ofEpochMilli(Long.parseLong(epochMillis)).atZone(ZoneOffset.UTC);
            return time.toLocalTime().toSecondOfDay() == 0 && time.getNano() == 0 ? time.toLocalDate().toString()
                    : time.toInstant().toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Escapes what would otherwise be read as Markdown or as this dialect's syntax. */
    static String escape(String text, boolean lineStart) {
        return escape(text, lineStart, lineStart);
    }

    /**
     * Text as Markdown reads it back: {@code lineStart} when it starts a line (leading whitespace kept as an entity),
     * {@code blockStart} when it could also start a block there (a heading, list, quote), which a table cell cannot.
     * {@code <} is escaped only where it could open a tag or autolink, {@code >} only where it would start a quote.
     */
    static String escape(String text, boolean lineStart, boolean blockStart) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                out.append("&#10;");
            } else if (c == '\r') {
                out.append("&#13;");
            } else if ((c == ' ' || c == '\t') && i == 0 && lineStart) {
                out.append(c == ' ' ? "&#32;" : "&#9;");
            } else if ("\\`*_[]~|".indexOf(c) >= 0 || c == '<' && opensTag(next) || c == '>' && i == 0
                    && blockStart || c == '&' && Character.isLetterOrDigit(next) || c == '#' && next == '#'
                    || c == '{' && next == ':') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        String escaped = out.toString();
        if (blockStart) {
            if (escaped.startsWith("#") || BLOCK_MARK.matcher(escaped).matches() || escaped.startsWith("---")) {
                escaped = "\\" + escaped;
            }
            var ordered = ORDERED_START.matcher(escaped);
            if (ordered.find()) {
                escaped = ordered.group(1) + "\\" + escaped.substring(ordered.group(1).length());
            }
        }
        return escaped;
    }

    /** Whether {@code <} followed by this could open a tag, comment or autolink; 0 is the end of the text. */
    private static boolean opensTag(char next) {
        return next == 0 || Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    /** Escapes text inside the dialect's HTML-like tags. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Whether {@code text} holds white space or one of {@code chars}: then it cannot stand in a short form. */
    private static boolean hasSpaceOr(String text, String chars) {
        return text.chars().anyMatch(c -> Character.isWhitespace(c) || chars.indexOf(c) >= 0);
    }

    static boolean onlyAttrs(JsonNode node, String... allowed) {
        Set<String> names = Set.of(allowed);
        for (Iterator<String> it = node.path("attrs").fieldNames(); it.hasNext();) {
            if (!names.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean noMarks(JsonNode node) {
        return !node.has("marks") || node.path("marks").isEmpty();
    }

    private static String prefixed(String marker, String body) {
        return marker + indent(body, " ".repeat(marker.length())).substring(marker.length());
    }

    private static String indent(String body, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : prefix + line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String quoted(String firstLine, String body) {
        StringBuilder out = new StringBuilder();
        if (!firstLine.isEmpty()) {
            out.append("> ").append(firstLine).append('\n');
        }
        for (String line : body.split("\n", -1)) {
            out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}

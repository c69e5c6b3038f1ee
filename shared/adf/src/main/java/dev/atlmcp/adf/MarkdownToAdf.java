package dev.atlmcp.adf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the Markdown dialect {@link AdfToMarkdown} writes (and plain GitHub-flavoured Markdown) into ADF that validates
 * against the ADF schema: no empty text nodes, no {@code code} combined with other formatting or with a link, generated
 * {@code localId}s for tasks and decisions.
 */
public final class MarkdownToAdf {

    /** Larger input is refused rather than converted slowly. */
    public static final int MAX_INPUT_CHARS = 5_000_000;
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.builder().requireTwoTildes(true)
                    .build()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern DETAILS = Pattern.compile("(?s)\\s*<details>\\s*<summary>(.*?)</summary>\\s*");
    private static final Pattern TASK = Pattern.compile("^\\[([ xX])] ?");
    private static final Pattern ALERT = Pattern.compile("^\\[!([A-Z]+)]\\s*");
    private static final Pattern TAG = Pattern.compile("(?s)<(/?)([a-z]+)((?:\\s+[a-z]+=\"[^\"]*\")*)\\s*/?>");
    private static final Pattern TAG_ATTR = Pattern.compile("([a-z]+)=\"([^\"]*)\"");

    private final List<String> lines;
    private int depth;

    private MarkdownToAdf(String source) {
        this.lines = source.lines().toList();
    }

    /** Converts Markdown to an ADF {@code doc}. */
    public static ObjectNode convert(String markdown) {
        if (markdown == null) {
            markdown = "";
        }
        if (markdown.length() > MAX_INPUT_CHARS) {
            throw new IllegalArgumentException("Markdown is longer than " + MAX_INPUT_CHARS + " characters");
        }
        MarkdownToAdf converter = new MarkdownToAdf(markdown);
        ObjectNode doc = AdfToMarkdown.JSON.createObjectNode().put("version", 1).put("type", "doc");
        doc.set("content", converter.blocks(PARSER.parse(markdown), false));
        return doc;
    }

    // ---------------------------------------------------------------- blocks

    private ArrayNode blocks(Node parent, boolean nested) {
        if (++depth > AdfToMarkdown.MAX_DEPTH) {
            throw new IllegalArgumentException("Markdown is nested deeper than " + AdfToMarkdown.MAX_DEPTH
                    + " levels");
        }
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            if (child instanceof HtmlBlock html) {
                Matcher details = DETAILS.matcher(html.getLiteral());
                if (details.matches()) {
                    int end = closingDetails(children, i);
                    ObjectNode expand = out.addObject().put("type", nested ? "nestedExpand" : "expand");
                    expand.putObject("attrs").put("title", unescapeHtml(details.group(1)));
                    Node holder = new org.commonmark.node.Document();
                    for (Node inner : children.subList(i + 1, end)) {
                        holder.appendChild(inner);
                    }
                    ArrayNode content = blocks(holder, true);
                    if (nested) {
                        content = SchemaFit.fit("nestedExpand", content);
                    }
                    expand.set("content", content.isEmpty() ? emptyParagraphs() : content);
                    i = end;
                    continue;
                }
                String literal = html.getLiteral().strip();
                if (literal.equals("<!-- -->") || literal.equals("</details>")) {
                    continue;
                }
                if (literal.equals("<p></p>")) {
                    out.addObject().put("type", "paragraph").putArray("content");
                    continue;
                }
                out.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text").put(
                        "text", literal);
                continue;
            }
            block(child, out);
        }
        depth--;
        return out;
    }

    private static int closingDetails(List<Node> children, int start) {
        int open = 0;
        for (int i = start; i < children.size(); i++) {
            if (children.get(i) instanceof HtmlBlock html) {
                String literal = html.getLiteral();
                if (DETAILS.matcher(literal).matches()) {
                    open++;
                } else if (literal.strip().equals("</details>") && --open == 0) {
                    return i;
                }
            }
        }
        return children.size();
    }

    private void block(Node node, ArrayNode out) {
        if (node instanceof Paragraph paragraph) {
            paragraph(paragraph, out);
        } else if (node instanceof Heading heading) {
            ObjectNode h = out.addObject().put("type", "heading");
            h.putObject("attrs").put("level", heading.getLevel());
            h.set("content", inline(heading));
        } else if (node instanceof BulletList list) {
            if (isTaskList(list)) {
                taskList(list, out);
            } else {
                out.addObject().put("type", "bulletList").set("content", items(list));
            }
        } else if (node instanceof OrderedList list) {
            ObjectNode ordered = out.addObject().put("type", "orderedList");
            Integer start = list.getMarkerStartNumber();
            if (start != null && start != 1) {
                ordered.putObject("attrs").put("order", start);
            }
            ordered.set("content", items(list));
        } else if (node instanceof FencedCodeBlock fenced) {
            fencedCode(fenced, out);
        } else if (node instanceof IndentedCodeBlock code) {
            codeBlock(out, null, code.getLiteral());
        } else if (node instanceof BlockQuote quote) {
            quote(quote, out);
        } else if (node instanceof ThematicBreak) {
            out.addObject().put("type", "rule");
        } else if (node instanceof TableBlock table) {
            table(table, out);
        } else {
            // anything else (e.g. a stray HTML block) is kept as text rather than dropped
            out.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text").put("text",
                    text(node));
        }
    }

    private void paragraph(Paragraph paragraph, ArrayNode out) {
        Map<String, String> ial = trailingAttributes(paragraph);
        if (ial != null && paragraph.getFirstChild() == null) {
            applyToPrevious(ial, out);
            return;
        }
        Node only = paragraph.getFirstChild();
        if (only != null && only.getNext() == null && only instanceof Image image) {
            mediaSingle(image, ial, out);
            return;
        }
        if (only != null && only.getNext() == null && only instanceof Link link && isAutolink(link) && ial != null
                && "block".equals(ial.get("card"))) {
            out.addObject().put("type", "blockCard").putObject("attrs").put("url", link.getDestination());
            return;
        }
        ObjectNode p = out.addObject().put("type", "paragraph");
        p.set("content", inline(paragraph));
        if (ial != null) {
            blockMarks(p, ial);
        }
    }

    /** Removes and returns a final {@code {: ...}} line of a paragraph. */
    private static Map<String, String> trailingAttributes(Paragraph paragraph) {
        Node last = paragraph.getLastChild();
        if (!(last instanceof Text text)) {
            return null;
        }
        Map<String, String> ial = Attributes.parseLine(text.getLiteral());
        if (ial == null) {
            return null;
        }
        Node before = last.getPrevious();
        if (before != null && !(before instanceof SoftLineBreak)) {
            return null;
        }
        last.unlink();
        if (before != null) {
            before.unlink();
        }
        return ial;
    }

    private static void applyToPrevious(Map<String, String> ial, ArrayNode out) {
        if (out.isEmpty()) {
            return;
        }
        ObjectNode previous = (ObjectNode) out.get(out.size() - 1);
        String type = previous.path("type").asText();
        if (type.equals("heading") || type.equals("paragraph")) {
            blockMarks(previous, ial);
        } else if (type.equals("table")) {
            ObjectNode attrs = previous.putObject("attrs");
            ial.forEach((key, value) -> {
                switch (key) {
                case "isNumberColumnEnabled" -> attrs.put(key, Boolean.parseBoolean(value));
                case "width" -> attrs.set(key, number(value));
                case "colwidths" -> columnWidths(previous, value.split(","));
                default -> attrs.put(key, value);
                }
            });
            if (attrs.isEmpty()) {
                previous.remove("attrs");
            }
        }
    }

    private static void columnWidths(ObjectNode table, String[] widths) {
        for (JsonNode row : table.path("content")) {
            int column = 0;
            for (JsonNode cell : row.path("content")) {
                if (column < widths.length) {
                    ((ObjectNode) cell).putObject("attrs").putArray("colwidth").add(number(widths[column].strip()));
                }
                column++;
            }
        }
    }

    private static void blockMarks(ObjectNode node, Map<String, String> ial) {
        ArrayNode marks = AdfToMarkdown.JSON.createArrayNode();
        ial.forEach((key, value) -> {
            switch (key) {
            case "align" -> marks.addObject().put("type", "alignment").putObject("attrs").put("align", value);
            case "indent" -> marks.addObject().put("type", "indentation").putObject("attrs").set("level",
                    number(value));
            case "size" -> marks.addObject().put("type", "fontSize").putObject("attrs").put("fontSize", value);
            default -> {
            }
            }
        });
        if (!marks.isEmpty()) {
            node.set("marks", marks);
        }
    }

    private void mediaSingle(Image image, Map<String, String> ial, ArrayNode out) {
        Map<String, String> attrs = ial == null ? Map.of() : ial;
        ObjectNode single = out.addObject().put("type", "mediaSingle");
        ObjectNode singleAttrs = single.putObject("attrs").put("layout", attrs.getOrDefault("layout", "center"));
        if (attrs.containsKey("width")) {
            singleAttrs.set("width", number(attrs.get("width")));
        }
        if (attrs.containsKey("widthType")) {
            singleAttrs.put("widthType", attrs.get("widthType"));
        }
        ObjectNode media = single.putArray("content").addObject().put("type", "media");
        ObjectNode mediaAttrs = media.putObject("attrs");
        String destination = image.getDestination();
        if (destination.startsWith("media:")) {
            mediaAttrs.put("type", "file").put("id", destination.substring(6)).put("collection", attrs.getOrDefault(
                    "collection", ""));
        } else {
            mediaAttrs.put("type", "external").put("url", destination);
        }
        String alt = text(image);
        if (!alt.isEmpty()) {
            mediaAttrs.put("alt", alt);
        }
        if (attrs.containsKey("media-width")) {
            mediaAttrs.set("width", number(attrs.get("media-width")));
        }
        if (attrs.containsKey("media-height")) {
            mediaAttrs.set("height", number(attrs.get("media-height")));
        }
    }

    private ArrayNode items(Node list) {
        ArrayNode items = AdfToMarkdown.JSON.createArrayNode();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            ArrayNode content = SchemaFit.fit("listItem", blocks(item, false));
            if (content.isEmpty() || !content.get(0).path("type").asText().matches("paragraph|codeBlock|mediaSingle")) {
                content.insert(0, emptyParagraph());
            }
            items.addObject().put("type", "listItem").set("content", content);
        }
        return items;
    }

    private static boolean isTaskList(BulletList list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item.getFirstChild() instanceof Paragraph p) || !(p.getFirstChild() instanceof Text text)
                    || !TASK.matcher(text.getLiteral()).find()) {
                return false;
            }
        }
        return list.getFirstChild() != null;
    }

    private void taskList(BulletList list, ArrayNode out) {
        ObjectNode taskList = out.addObject().put("type", "taskList");
        taskList.putObject("attrs").put("localId", localId());
        ArrayNode content = taskList.putArray("content");
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Paragraph first = (Paragraph) item.getFirstChild();
            Text marker = (Text) first.getFirstChild();
            Matcher m = TASK.matcher(marker.getLiteral());
            m.find();
            boolean done = !m.group(1).isBlank();
            marker.setLiteral(marker.getLiteral().substring(m.end()));
            ObjectNode task = content.addObject().put("type", "taskItem");
            task.putObject("attrs").put("localId", localId()).put("state", done ? "DONE" : "TODO");
            task.set("content", inline(first));
            for (Node rest = first.getNext(); rest != null; rest = rest.getNext()) {
                if (rest instanceof BulletList nested && isTaskList(nested)) {
                    taskList(nested, content);
                } else if (rest instanceof BulletList || rest instanceof OrderedList) {
                    content.add(todoList(rest));
                } else if (rest instanceof Paragraph more) {
                    ArrayNode inline = inline(more);
                    task.withArray("content").addObject().put("type", "hardBreak");
                    inline.forEach(task.withArray("content")::add);
                }
            }
        }
    }

    /** A plain list nested under a task becomes a list of open tasks, so its items are not lost. */
    private ObjectNode todoList(Node list) {
        ObjectNode taskList = AdfToMarkdown.JSON.createObjectNode().put("type", "taskList");
        taskList.putObject("attrs").put("localId", localId());
        ArrayNode content = taskList.putArray("content");
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            ObjectNode task = content.addObject().put("type", "taskItem");
            task.putObject("attrs").put("localId", localId()).put("state", "TODO");
            ArrayNode inline = AdfToMarkdown.JSON.createArrayNode();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph p) {
                    inline.addAll(inline(p));
                }
            }
            task.set("content", inline);
        }
        return taskList;
    }

    private void fencedCode(FencedCodeBlock fenced, ArrayNode out) {
        String info = fenced.getInfo() == null ? "" : fenced.getInfo().trim();
        String literal = fenced.getLiteral();
        if (info.equals("adf")) {
            try {
                JsonNode node = AdfToMarkdown.JSON.readTree(literal);
                if (node != null && node.isObject() && node.hasNonNull("type")) {
                    out.add(node);
                    return;
                }
            } catch (JsonProcessingException e) {
                // not ADF after all: keep it as the code block it looks like
            }
        }
        String language = info.isEmpty() ? null : info.split("\\s+")[0];
        codeBlock(out, language, literal);
    }

    private static void codeBlock(ArrayNode out, String language, String literal) {
        ObjectNode code = out.addObject().put("type", "codeBlock");
        if (language != null) {
            code.putObject("attrs").put("language", language);
        }
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        if (!text.isEmpty()) {
            code.putArray("content").addObject().put("type", "text").put("text", text);
        }
    }

    private void quote(BlockQuote quote, ArrayNode out) {
        if (quote.getFirstChild() instanceof Paragraph first && first.getFirstChild() instanceof Text marker) {
            Matcher alert = ALERT.matcher(marker.getLiteral());
            if (alert.find()) {
                String kind = alert.group(1).toLowerCase();
                if (AdfToMarkdown.PANELS.contains(kind) || kind.equals("decision")) {
                    marker.setLiteral(marker.getLiteral().substring(alert.end()));
                    if (marker.getLiteral().isEmpty()) {
                        Node next = marker.getNext();
                        marker.unlink();
                        if (next instanceof SoftLineBreak) {
                            next.unlink();
                        }
                    }
                    if (first.getFirstChild() == null) {
                        first.unlink();
                    }
                    if (kind.equals("decision")) {
                        decisions(quote, out);
                    } else {
                        ObjectNode panel = out.addObject().put("type", "panel");
                        panel.putObject("attrs").put("panelType", kind);
                        ArrayNode content = SchemaFit.fit("panel", blocks(quote, false));
                        panel.set("content", content.isEmpty() ? emptyParagraphs() : content);
                    }
                    return;
                }
            }
        }
        ArrayNode content = SchemaFit.fit("blockquote", blocks(quote, false));
        out.addObject().put("type", "blockquote").set("content", content.isEmpty() ? emptyParagraphs() : content);
    }

    private void decisions(BlockQuote quote, ArrayNode out) {
        ObjectNode list = out.addObject().put("type", "decisionList");
        list.putObject("attrs").put("localId", localId());
        ArrayNode items = list.putArray("content");
        for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
            List<Node> paragraphs = new ArrayList<>();
            if (child instanceof BulletList bullets) {
                for (Node item = bullets.getFirstChild(); item != null; item = item.getNext()) {
                    if (item.getFirstChild() instanceof Paragraph p) {
                        paragraphs.add(p);
                    }
                }
            } else if (child instanceof Paragraph p) {
                paragraphs.add(p);
            }
            for (Node p : paragraphs) {
                ObjectNode item = items.addObject().put("type", "decisionItem");
                item.putObject("attrs").put("localId", localId()).put("state", "DECIDED");
                item.set("content", inline(p));
            }
        }
        if (items.isEmpty()) {
            out.remove(out.size() - 1);
        }
    }

    private void table(TableBlock table, ArrayNode out) {
        ObjectNode t = out.addObject().put("type", "table");
        ArrayNode rows = t.putArray("content");
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean header = section instanceof TableHead;
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                ArrayNode cells = rows.addObject().put("type", "tableRow").putArray("content");
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    ObjectNode c = cells.addObject().put("type", header && ((TableCell) cell).isHeader()
                            ? "tableHeader"
                            : "tableCell");
                    ArrayNode blocks = cellBlocks(cell);
                    if (blocks != null) {
                        c.set("content", blocks);
                    } else {
                        c.putArray("content").addObject().put("type", "paragraph").set("content", inline(cell));
                    }
                }
            }
        }
    }

    /** A cell written as {@code <adf>`[blocks]`</adf>}: its blocks; null for an ordinary cell. */
    private static ArrayNode cellBlocks(Node cell) {
        List<Node> children = children(cell);
        if (children.size() != 3 || !(children.get(0) instanceof HtmlInline open) || !open.getLiteral().equals(
                "<adf>") || !(children.get(1) instanceof Code code) || !(children.get(2) instanceof HtmlInline close)
                || !close.getLiteral().equals("</adf>")) {
            return null;
        }
        try {
            JsonNode json = AdfToMarkdown.JSON.readTree(code.getLiteral());
            return json != null && json.isArray() && !json.isEmpty() ? (ArrayNode) json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- inline

    private ArrayNode inline(Node parent) {
        List<Node> nodes = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            nodes.add(child);
        }
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        inlineNodes(nodes, new ArrayList<>(), out);
        return InlineCleanup.clean(out);
    }

    private void inlineNodes(List<Node> nodes, List<ObjectNode> marks, ArrayNode out) {
        if (++depth > AdfToMarkdown.MAX_DEPTH) {
            throw new IllegalArgumentException("Markdown is nested deeper than " + AdfToMarkdown.MAX_DEPTH
                    + " levels");
        }
        List<ObjectNode> active = new ArrayList<>(marks);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node instanceof Text text) {
                text(out, text.getLiteral(), active);
            } else if (node instanceof SoftLineBreak) {
                text(out, " ", active);
            } else if (node instanceof HardLineBreak) {
                out.addObject().put("type", "hardBreak");
            } else if (node instanceof Code code) {
                // ADF allows code only with a link or an annotation, and Atlassian's editor refuses link+code:
                // linked code keeps its link, other formatting around code is dropped
                List<ObjectNode> codeMarks = new ArrayList<>();
                active.stream().filter(m -> m.path("type").asText().matches("annotation|link")).forEach(
                        codeMarks::add);
                if (codeMarks.stream().noneMatch(m -> m.path("type").asText().equals("link"))) {
                    codeMarks.add(mark("code"));
                }
                text(out, code.getLiteral(), codeMarks);
            } else if (node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Strikethrough) {
                List<ObjectNode> inner = new ArrayList<>(active);
                inner.add(mark(node instanceof Emphasis ? "em" : node instanceof StrongEmphasis ? "strong"
                        : "strike"));
                inlineNodes(children(node), inner, out);
            } else if (node instanceof Link link) {
                link(link, active, out);
            } else if (node instanceof Image image) {
                List<ObjectNode> inner = new ArrayList<>(active);
                inner.add(link(image.getDestination()));
                text(out, text(image).isEmpty() ? image.getDestination() : text(image), inner);
            } else if (node instanceof HtmlInline html) {
                i = htmlInline(nodes, i, html, active, out);
            } else {
                text(out, text(node), active);
            }
        }
        depth--;
    }

    private void link(Link link, List<ObjectNode> active, ArrayNode out) {
        String destination = link.getDestination();
        JsonNode last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (destination.startsWith("user:") && last != null && last.path("text").asText().endsWith("@")) {
            String before = last.path("text").asText();
            if (before.length() == 1) {
                out.remove(out.size() - 1);
            } else {
                ((ObjectNode) last).put("text", before.substring(0, before.length() - 1));
            }
            ObjectNode attrs = out.addObject().put("type", "mention").putObject("attrs").put("id", destination
                    .substring(5));
            String name = text(link);
            if (!name.isEmpty()) {
                attrs.put("text", "@" + name);
            }
            Map<String, String> extra = link.getTitle() == null ? null : Attributes.parsePairs(link.getTitle()
                    .replace('\'', '"'));
            if (extra != null) {
                extra.forEach((key, value) -> {
                    if (key.equals("accessLevel") || key.equals("userType")) {
                        attrs.put(key, value);
                    }
                });
            }
            return;
        }
        if (isAutolink(link)) {
            out.addObject().put("type", "inlineCard").putObject("attrs").put("url", destination);
            return;
        }
        List<ObjectNode> inner = new ArrayList<>(active);
        inner.add(link(destination));
        List<Node> children = children(link);
        if (children.isEmpty()) {
            text(out, destination, inner);
        } else {
            inlineNodes(children, inner, out);
        }
    }

    /** Handles one HTML-like tag of the dialect; returns the index of the last node it consumed. */
    private int htmlInline(List<Node> nodes, int at, HtmlInline html, List<ObjectNode> active, ArrayNode out) {
        Matcher tag = TAG.matcher(html.getLiteral());
        if (!tag.matches()) {
            if (!html.getLiteral().startsWith("<!--")) {
                text(out, html.getLiteral(), active);
            }
            return at;
        }
        boolean closing = !tag.group(1).isEmpty();
        String name = tag.group(2);
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        Matcher a = TAG_ATTR.matcher(tag.group(3));
        while (a.find()) {
            attrs.put(a.group(1), unescapeHtml(a.group(2)));
        }
        switch (name) {
        case "u", "sub", "sup", "span", "strong", "b", "em", "i", "del", "s" -> {
            if (closing) {
                for (int i = active.size() - 1; i >= 0; i--) {
                    if (name.equals(active.get(i).path("tag").asText())) {
                        active.remove(i);
                        break;
                    }
                }
            } else {
                ObjectNode mark = spanMark(name, attrs);
                if (mark != null) {
                    mark.put("tag", name);
                    active.add(mark);
                }
            }
            return at;
        }
        case "br" -> {
            out.addObject().put("type", "hardBreak");
            return at;
        }
        case "time", "status", "emoji", "placeholder", "adf" -> {
            if (closing) {
                return at;
            }
            int end = at + 1;
            StringBuilder inner = new StringBuilder();
            Code code = null;
            while (end < nodes.size() && !(nodes.get(end) instanceof HtmlInline close && close.getLiteral().equals(
                    "</" + name + ">"))) {
                if (nodes.get(end) instanceof Code c) {
                    code = c;
                }
                inner.append(text(nodes.get(end)));
                end++;
            }
            ObjectNode node = inlineTag(name, attrs, inner.toString(), code);
            if (node == null) {
                text(out, html.getLiteral() + inner, active);
            } else {
                out.add(node);
            }
            return Math.min(end, nodes.size() - 1);
        }
        default -> {
            text(out, html.getLiteral(), active);
            return at;
        }
        }
    }

    private static ObjectNode spanMark(String tag, Map<String, String> attrs) {
        switch (tag) {
        case "u":
            return mark("underline");
        case "strong", "b":
            return mark("strong");
        case "em", "i":
            return mark("em");
        case "del", "s":
            return mark("strike");
        case "sub", "sup":
            ObjectNode subsup = mark("subsup");
            subsup.putObject("attrs").put("type", tag);
            return subsup;
        default:
            if (attrs.containsKey("color")) {
                ObjectNode color = mark("textColor");
                color.putObject("attrs").put("color", attrs.get("color").toLowerCase());
                return color;
            }
            if (attrs.containsKey("bg")) {
                ObjectNode bg = mark("backgroundColor");
                bg.putObject("attrs").put("color", attrs.get("bg").toLowerCase());
                return bg;
            }
            if (attrs.containsKey("comment")) {
                ObjectNode annotation = mark("annotation");
                annotation.putObject("attrs").put("id", attrs.get("comment")).put("annotationType", "inlineComment");
                return annotation;
            }
            return null;
        }
    }

    private static ObjectNode inlineTag(String name, Map<String, String> attrs, String inner, Code code) {
        ObjectNode node = AdfToMarkdown.JSON.createObjectNode();
        switch (name) {
        case "time" -> {
            String timestamp = timestamp(inner.trim());
            if (timestamp == null) {
                return null;
            }
            node.put("type", "date").putObject("attrs").put("timestamp", timestamp);
        }
        case "status" -> node.put("type", "status").putObject("attrs").put("text", inner).put("color", attrs
                .getOrDefault("color", "neutral"));
        case "emoji" -> {
            ObjectNode a = node.put("type", "emoji").putObject("attrs").put("shortName", inner.trim());
            if (attrs.containsKey("id")) {
                a.put("id", attrs.get("id"));
            }
            if (attrs.containsKey("text")) {
                a.put("text", attrs.get("text"));
            }
        }
        case "placeholder" -> node.put("type", "placeholder").putObject("attrs").put("text", inner);
        default -> {
            if (code == null) {
                return null;
            }
            try {
                JsonNode json = AdfToMarkdown.JSON.readTree(code.getLiteral());
                return json != null && json.isObject() && json.hasNonNull("type") ? (ObjectNode) json : null;
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        }
        return node;
    }

    private static String timestamp(String iso) {
        try {
            return String.valueOf(iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC)
                    .toEpochMilli() : Instant.parse(iso).toEpochMilli());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private boolean isAutolink(Link link) {
        List<SourceSpan> spans = link.getSourceSpans();
        if (spans.isEmpty()) {
            return false;
        }
        SourceSpan first = spans.get(0);
        String line = first.getLineIndex() < lines.size() ? lines.get(first.getLineIndex()) : "";
        int column = first.getColumnIndex();
        return column < line.length() && line.charAt(column) == '<';
    }

    private static void text(ArrayNode out, String text, List<ObjectNode> marks) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode node = out.addObject().put("type", "text").put("text", text);
        if (!marks.isEmpty()) {
            ArrayNode array = node.putArray("marks");
            marks.forEach(m -> {
                ObjectNode copy = m.deepCopy();
                copy.remove("tag");
                array.add(copy);
            });
        }
    }

    private static ObjectNode mark(String type) {
        return AdfToMarkdown.JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode link(String href) {
        ObjectNode link = mark("link");
        link.putObject("attrs").put("href", href);
        return link;
    }

    private static List<Node> children(Node node) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }

    /** The plain text of a Markdown node. */
    private static String text(Node node) {
        if (node instanceof Text text) {
            return text.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        if (node instanceof HtmlInline html) {
            return html.getLiteral();
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            return " ";
        }
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            out.append(text(child));
        }
        return out.toString();
    }

    private static String unescapeHtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** An attribute value as a JSON number: integral values stay integers. */
    private static JsonNode number(String value) {
        try {
            java.math.BigDecimal decimal = new java.math.BigDecimal(value);
            return decimal.stripTrailingZeros().scale() <= 0 ? AdfToMarkdown.JSON.getNodeFactory().numberNode(decimal
                    .intValueExact()) : AdfToMarkdown.JSON.getNodeFactory().numberNode(decimal.doubleValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return AdfToMarkdown.JSON.getNodeFactory().numberNode(0);
        }
    }

    private static ObjectNode emptyParagraph() {
        ObjectNode p = AdfToMarkdown.JSON.createObjectNode().put("type", "paragraph");
        p.putArray("content");
        return p;
    }

    private static ArrayNode emptyParagraphs() {
        return AdfToMarkdown.JSON.createArrayNode().add(emptyParagraph());
    }

    private static String localId() {
        return UUID.randomUUID().toString();
    }
}

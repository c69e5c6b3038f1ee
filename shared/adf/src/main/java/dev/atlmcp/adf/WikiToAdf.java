package dev.atlmcp.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads Jira wiki markup (Jira Data Center's text format) into ADF: headings, {@code * _ - + ^ ~} marks (sub- and
 * superscript also inside words, as in {@code H~2~O}), {@code {{monospace}}}, {@code {color}}, links, mentions, nested
 * and mixed lists, tables, {@code {code}}, {@code {noformat}}, {@code {quote}}, {@code bq.}, {@code {panel}}, rules,
 * images and {@code \\} line breaks. A single newline inside a paragraph is a line break, as Jira renders it.
 */
public final class WikiToAdf {

    private static final Pattern CODE = Pattern.compile("^\\{(code|noformat)(?::([^}]*))?}(.*)$");
    private static final Pattern PANEL = Pattern.compile("^\\{panel(?::([^}]*))?}(.*)$");
    private static final Pattern HEADING = Pattern.compile("^h([1-6])\\.\\s*(.*)$");
    private static final Pattern LIST = Pattern.compile("^([*#]+|-)\\s+(.*)$");
    private static final Pattern COLOR = Pattern.compile("^\\{color:([^}]*)}");
    private static final String MARKS = "*_-+^~";
    /** {@code !file.png!}, {@code !file.png|thumbnail!} or {@code !https://...!}: an image, kept verbatim. */
    private static final Pattern IMAGE = Pattern
            .compile("!([^\\s!|]+\\.[A-Za-z0-9]{2,5}|https?://[^\\s!|]+)(\\|[^!]*)?!");
    /** The extension type of wiki constructs kept verbatim. */
    static final String VERBATIM = "dev.atlmcp.wiki";
    private static final Pattern CODE_REGION = Pattern.compile("(?s)\\{(code|noformat)(?::[^}]*)?}.*?\\{\\1}");
    private static final Pattern BLOCK_TAG = Pattern.compile("\\{(?:panel(?::[^}]*)?|quote)}");

    private final List<String> lines;
    private int at;
    private int depth;

    private WikiToAdf(List<String> lines) {
        this.lines = lines;
    }

    public static ObjectNode convert(String wiki) {
        String text = wiki == null ? "" : wiki;
        if (text.length() > MarkdownToAdf.MAX_INPUT_CHARS) {
            throw new IllegalArgumentException("wiki markup is longer than " + MarkdownToAdf.MAX_INPUT_CHARS
                    + " characters");
        }
        WikiToAdf parser = new WikiToAdf(ownLines(text.replace("\r\n", "\n")).lines().toList());
        ObjectNode doc = AdfToMarkdown.JSON.createObjectNode().put("version", 1).put("type", "doc");
        doc.set("content", parser.blocks(null));
        return doc;
    }

    /**
     * Puts block tags written inline ({@code {panel}text{panel}}, {@code {quote}}, {@code {code}}) on lines of their
     * own, leaving the inside of code blocks as it is.
     */
    private static String ownLines(String text) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_REGION.matcher(text);
        int at = 0;
        while (code.find()) {
            out.append(BLOCK_TAG.matcher(text.substring(at, code.start())).replaceAll("\n$0\n"));
            String region = code.group();
            int open = region.indexOf('}') + 1;
            int close = region.lastIndexOf('{');
            out.append('\n').append(region, 0, open).append(region.charAt(open) == '\n' ? "" : "\n").append(region,
                    open, close).append(region.charAt(close - 1) == '\n' ? "" : "\n").append(region.substring(close))
                    .append('\n');
            at = code.end();
        }
        out.append(BLOCK_TAG.matcher(text.substring(at)).replaceAll("\n$0\n"));
        return out.toString();
    }

    private ArrayNode blocks(String until) {
        if (++depth > AdfToMarkdown.MAX_DEPTH) {
            throw new IllegalArgumentException("wiki markup is nested deeper than " + AdfToMarkdown.MAX_DEPTH
                    + " levels");
        }
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        while (at < lines.size()) {
            String line = lines.get(at);
            String trimmed = line.strip();
            if (until != null && trimmed.startsWith(until)) {
                at++;
                break;
            }
            Matcher m;
            if (trimmed.isEmpty()) {
                at++;
            } else if ((m = CODE.matcher(trimmed)).matches()) {
                code(m, out);
            } else if (trimmed.startsWith("{quote}")) {
                at++;
                out.addObject().put("type", "blockquote").set("content", SchemaFit.fit("blockquote", nonEmpty(blocks(
                        "{quote}"))));
            } else if ((m = PANEL.matcher(trimmed)).matches()) {
                at++;
                ObjectNode panel = out.addObject().put("type", "panel");
                panel.putObject("attrs").put("panelType", panelType(m.group(1)));
                ArrayNode content = blocks("{panel}");
                String title = parameter(m.group(1), "title");
                if (title != null) {
                    content.insert(0, paragraph(List.of(text(title, strong()))));
                }
                panel.set("content", SchemaFit.fit("panel", nonEmpty(content)));
            } else if ((m = HEADING.matcher(trimmed)).matches()) {
                at++;
                ObjectNode heading = out.addObject().put("type", "heading");
                heading.putObject("attrs").put("level", Integer.parseInt(m.group(1)));
                heading.set("content", inline(m.group(2)));
            } else if (trimmed.matches("-{4,}")) {
                at++;
                out.addObject().put("type", "rule");
            } else if (trimmed.startsWith("bq. ")) {
                at++;
                ObjectNode quote = out.addObject().put("type", "blockquote");
                quote.putArray("content").addObject().put("type", "paragraph").set("content", inline(trimmed
                        .substring(4)));
            } else if (trimmed.startsWith("|")) {
                table(out);
            } else if (LIST.matcher(trimmed).matches() && !trimmed.matches("-{2,}.*")) {
                list(out);
            } else {
                paragraphLines(out, until);
            }
        }
        depth--;
        return out;
    }

    private void code(Matcher m, ArrayNode out) {
        String end = "{" + m.group(1) + "}";
        String rest = m.group(3);
        StringBuilder text = new StringBuilder();
        at++;
        if (rest.contains(end)) {
            text.append(rest, 0, rest.indexOf(end));
        } else {
            if (!rest.isEmpty()) {
                text.append(rest).append('\n');
            }
            while (at < lines.size() && !lines.get(at).contains(end)) {
                text.append(lines.get(at++)).append('\n');
            }
            if (at < lines.size()) {
                String last = lines.get(at++);
                text.append(last, 0, last.indexOf(end));
            }
        }
        ObjectNode code = out.addObject().put("type", "codeBlock");
        String language = m.group(1).equals("code") && m.group(2) != null ? m.group(2).split("\\|")[0].strip() : null;
        if (language != null && !language.isEmpty() && !language.contains("=")) {
            code.putObject("attrs").put("language", language);
        }
        String body = text.toString().replaceAll("\n$", "");
        if (!body.isEmpty()) {
            code.putArray("content").addObject().put("type", "text").put("text", body);
        }
    }

    private void table(ArrayNode out) {
        ArrayNode rows = out.addObject().put("type", "table").putArray("content");
        while (at < lines.size() && lines.get(at).strip().startsWith("|")) {
            String row = lines.get(at++).strip();
            ArrayNode cells = rows.addObject().put("type", "tableRow").putArray("content");
            int i = 0;
            while (i < row.length()) {
                boolean header = row.startsWith("||", i);
                int start = i + (header ? 2 : 1);
                int end = nextCell(row, start);
                if (end < 0) {
                    break;
                }
                String text = row.substring(start, end).strip();
                if (text.isEmpty() && end == row.length()) {
                    break;
                }
                cells.addObject().put("type", header ? "tableHeader" : "tableCell").putArray("content").add(paragraph(
                        inlineList(text)));
                i = end;
            }
            if (cells.isEmpty()) {
                rows.remove(rows.size() - 1);
            }
        }
        if (rows.isEmpty()) {
            out.remove(out.size() - 1);
        }
    }

    /** The next unescaped cell separator outside links and images, or the row's end; -1 if there is none. */
    private static int nextCell(String row, int from) {
        int brackets = 0;
        for (int i = from; i < row.length(); i++) {
            char c = row.charAt(i);
            Matcher image = IMAGE.matcher(row).region(i, row.length());
            if (c == '\\') {
                i++;
            } else if (c == '!' && image.lookingAt()) {
                i = image.end() - 1;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets = Math.max(0, brackets - 1);
            } else if (c == '|' && brackets == 0) {
                return i;
            }
        }
        return from >= row.length() ? -1 : row.length();
    }

    private void list(ArrayNode out) {
        List<String[]> items = new ArrayList<>();
        while (at < lines.size()) {
            Matcher m = LIST.matcher(lines.get(at).strip());
            if (!m.matches() || lines.get(at).strip().matches("-{2,}.*")) {
                break;
            }
            items.add(new String[] { m.group(1).equals("-") ? "*" : m.group(1), m.group(2) });
            at++;
        }
        buildList(items, 0, items.size(), 1, out);
    }

    private void buildList(List<String[]> items, int from, int to, int level, ArrayNode out) {
        int i = from;
        while (i < to) {
            String marker = items.get(i)[0];
            char kind = marker.length() >= level ? marker.charAt(level - 1) : '*';
            ObjectNode list = out.addObject().put("type", kind == '#' ? "orderedList" : "bulletList");
            ArrayNode listItems = list.putArray("content");
            while (i < to && items.get(i)[0].length() >= level && items.get(i)[0].charAt(level - 1) == kind) {
                ArrayNode content = listItems.addObject().put("type", "listItem").putArray("content");
                if (items.get(i)[0].length() == level) {
                    content.add(paragraph(inlineList(items.get(i)[1])));
                    i++;
                } else {
                    content.add(paragraph(List.of()));
                }
                int end = i;
                while (end < to && items.get(end)[0].length() > level) {
                    end++;
                }
                if (end > i) {
                    buildList(items, i, end, level + 1, content);
                    i = end;
                }
            }
        }
    }

    private void paragraphLines(ArrayNode out, String until) {
        List<ObjectNode> inline = new ArrayList<>();
        while (at < lines.size()) {
            String trimmed = lines.get(at).strip();
            if (trimmed.isEmpty() || until != null && trimmed.startsWith(until) || startsBlock(trimmed)) {
                break;
            }
            if (!inline.isEmpty()) {
                inline.add(AdfToMarkdown.JSON.createObjectNode().put("type", "hardBreak"));
            }
            inline.addAll(inlineList(trimmed));
            at++;
        }
        out.add(paragraph(inline));
    }

    private static boolean startsBlock(String line) {
        return CODE.matcher(line).matches() || line.startsWith("{quote}") || PANEL.matcher(line).matches()
                || HEADING.matcher(line).matches() || line.matches("-{4,}") || line.startsWith("bq. ")
                || line.startsWith("|") || LIST.matcher(line).matches() && !line.matches("-{2,}.*");
    }

    // ---------------------------------------------------------------- inline

    private ArrayNode inline(String text) {
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        inlineList(text).forEach(out::add);
        return out;
    }

    private List<ObjectNode> inlineList(String text) {
        ArrayNode out = AdfToMarkdown.JSON.createArrayNode();
        parseInline(text, new ArrayList<>(), out);
        List<ObjectNode> nodes = new ArrayList<>();
        InlineCleanup.clean(out).forEach(n -> nodes.add((ObjectNode) n));
        return nodes;
    }

    private void parseInline(String text, List<ObjectNode> marks, ArrayNode out) {
        if (++depth > AdfToMarkdown.MAX_DEPTH) {
            throw new IllegalArgumentException("wiki markup is nested deeper than " + AdfToMarkdown.MAX_DEPTH
                    + " levels");
        }
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("\\\\", i)) {
                flush(plain, marks, out);
                out.addObject().put("type", "hardBreak");
                i += 2;
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                plain.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (text.startsWith("{{", i) && text.indexOf("}}", i + 2) > i + 2) {
                int end = text.indexOf("}}", i + 2);
                flush(plain, marks, out);
                List<ObjectNode> code = new ArrayList<>(marks.stream().filter(m -> m.path("type").asText().equals(
                        "link")).toList());
                if (code.isEmpty()) {
                    code.add(mark("code"));
                }
                ObjectNode node = text(text.substring(i + 2, end), code);
                out.add(node);
                i = end + 2;
                continue;
            }
            Matcher color = COLOR.matcher(text.substring(i));
            if (color.find() && text.indexOf("{color}", i) > i) {
                int end = text.indexOf("{color}", i);
                flush(plain, marks, out);
                List<ObjectNode> inner = new ArrayList<>(marks);
                String value = color.group(1).strip().toLowerCase();
                if (value.matches("#[0-9a-f]{6}")) {
                    ObjectNode mark = mark("textColor");
                    mark.putObject("attrs").put("color", value);
                    inner.add(mark);
                }
                parseInline(text.substring(i + color.end(), end), inner, out);
                i = end + "{color}".length();
                continue;
            }
            Matcher image = IMAGE.matcher(text).region(i, text.length());
            if (c == '!' && image.lookingAt()) {
                flush(plain, marks, out);
                ObjectNode attrs = out.addObject().put("type", "inlineExtension").putObject("attrs").put(
                        "extensionType", VERBATIM).put("extensionKey", "image").put("text", image.group(1));
                attrs.putObject("parameters").put("wiki", image.group());
                i = image.end();
                continue;
            }
            if (c == '[' && text.indexOf(']', i) > i) {
                int end = text.indexOf(']', i);
                flush(plain, marks, out);
                link(text.substring(i + 1, end), marks, out);
                i = end + 1;
                continue;
            }
            if (MARKS.indexOf(c) >= 0 && opens(text, i)) {
                int end = closer(text, i);
                if (end > i + 1) {
                    flush(plain, marks, out);
                    List<ObjectNode> inner = new ArrayList<>(marks);
                    inner.add(markFor(c));
                    parseInline(text.substring(i + 1, end), inner, out);
                    i = end + 1;
                    continue;
                }
            }
            plain.append(c);
            i++;
        }
        flush(plain, marks, out);
        depth--;
    }

    private void link(String body, List<ObjectNode> marks, ArrayNode out) {
        if (body.startsWith("~")) {
            String name = body.substring(1);
            String id = name.startsWith("accountid:") ? name.substring("accountid:".length()) : name;
            out.addObject().put("type", "mention").putObject("attrs").put("id", id).put("text", "@" + id);
            return;
        }
        int bar = body.lastIndexOf('|');
        String label = bar < 0 ? body : body.substring(0, bar);
        String href = bar < 0 ? body : body.substring(bar + 1);
        if (bar < 0 && href.matches("(?i)(https?|mailto):.*")) {
            out.addObject().put("type", "inlineCard").putObject("attrs").put("url", href);
            return;
        }
        if (!href.matches("(?i)(https?|mailto|ftp):.*|/.*|#.*")) {
            out.addObject().put("type", "text").put("text", "[" + body + "]");
            return;
        }
        List<ObjectNode> inner = new ArrayList<>(marks);
        ObjectNode link = mark("link");
        link.putObject("attrs").put("href", href);
        inner.add(link);
        parseInline(label, inner, out);
    }

    /** A mark character opens where it starts a word: at the start or after a non-letter, before a non-space. */
    private static boolean opens(String text, int i) {
        boolean intraword = text.charAt(i) == '^' || text.charAt(i) == '~';
        boolean startOk = intraword || i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        return startOk && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    }

    private static int closer(String text, int open) {
        char c = text.charAt(open);
        for (int j = open + 2; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
                continue;
            }
            if (text.charAt(j) == c && !Character.isWhitespace(text.charAt(j - 1)) && (j + 1 == text.length()
                    || c == '^' || c == '~' || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static ObjectNode markFor(char c) {
        return switch (c) {
        case '*' -> mark("strong");
        case '_' -> mark("em");
        case '-' -> mark("strike");
        case '+' -> mark("underline");
        default -> {
            ObjectNode subsup = mark("subsup");
            subsup.putObject("attrs").put("type", c == '^' ? "sup" : "sub");
            yield subsup;
        }
        };
    }

    private static void flush(StringBuilder plain, List<ObjectNode> marks, ArrayNode out) {
        if (plain.length() > 0) {
            out.add(text(plain.toString(), marks));
            plain.setLength(0);
        }
    }

    private static ObjectNode text(String text, List<ObjectNode> marks) {
        ObjectNode node = AdfToMarkdown.JSON.createObjectNode().put("type", "text").put("text", text);
        boolean code = marks.stream().anyMatch(m -> m.path("type").asText().equals("code"));
        List<ObjectNode> kept = code ? marks.stream().filter(m -> m.path("type").asText().matches("code|link|"
                + "annotation")).toList() : marks;
        if (!kept.isEmpty()) {
            ArrayNode array = node.putArray("marks");
            kept.forEach(m -> array.add(m.deepCopy()));
        }
        return node;
    }

    private static List<ObjectNode> strong() {
        return List.of(mark("strong"));
    }

    private static ObjectNode mark(String type) {
        return AdfToMarkdown.JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode paragraph(List<ObjectNode> inline) {
        ObjectNode paragraph = AdfToMarkdown.JSON.createObjectNode().put("type", "paragraph");
        ArrayNode content = paragraph.putArray("content");
        inline.stream().filter(n -> !"text".equals(n.path("type").asText()) || !n.path("text").asText().isEmpty())
                .forEach(content::add);
        return paragraph;
    }

    private static ArrayNode nonEmpty(ArrayNode content) {
        if (content.isEmpty()) {
            content.add(paragraph(List.of()));
        }
        return content;
    }

    private static String parameter(String parameters, String name) {
        if (parameters == null) {
            return null;
        }
        for (String pair : parameters.split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return pair.substring(eq + 1).strip();
            }
        }
        return null;
    }

    private static String panelType(String parameters) {
        String colour = String.valueOf(parameter(parameters, "bgColor")).toUpperCase();
        return switch (colour) {
        case "#EAE6FF" -> "note";
        case "#FFFAE6" -> "warning";
        case "#FFEBE6" -> "error";
        case "#E3FCEF" -> "success";
        default -> "info";
        };
    }
}

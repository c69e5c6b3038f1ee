package dev.atlmcp.adf;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads Confluence storage format (XHTML with {@code ac:}/{@code ri:} elements) into ADF, so storage bodies render
 * through the same {@link AdfToMarkdown}. Macros without an ADF counterpart become {@code extension} nodes that keep
 * their name and parameters.
 */
public final class StorageToAdf {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PANELS = List.of("info", "note", "warning", "tip");
    /** The extension type of storage elements kept verbatim. */
    static final String VERBATIM = "dev.atlmcp.storage";

    private StorageToAdf() {
    }

    public static JsonNode convert(String storage) {
        Document xml = Jsoup.parse("<root>" + (storage == null ? "" : storage) + "</root>", "", Parser.xmlParser());
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        blocks(xml.selectFirst("root"), doc.putArray("content"));
        return doc;
    }

    private static void blocks(Element parent, ArrayNode out) {
        ArrayNode loose = null;
        for (Node child : parent.childNodes()) {
            if (child instanceof Element element && isBlock(element)) {
                loose = null;
                block(element, out);
            } else if (!(child instanceof TextNode text && text.isBlank())) {
                if (loose == null) {
                    loose = out.addObject().put("type", "paragraph").putArray("content");
                }
                inline(child, loose, JSON.createArrayNode());
            }
        }
    }

    private static boolean isBlock(Element e) {
        return switch (e.tagName()) {
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "hr", "pre", "div", "ac:task-list", "ac:layout", "ac:layout-section", "ac:layout-cell" -> true;
        case "ac:structured-macro" -> !"status".equals(e.attr("ac:name"));
        default -> false;
        };
    }

    private static void block(Element e, ArrayNode out) {
        String tag = e.tagName();
        switch (tag) {
        case "p" -> inlineContainer("paragraph", e, out);
        case "h1", "h2", "h3", "h4", "h5", "h6" -> inlineContainer("heading", e, out).putObject("attrs").put("level",
                tag.charAt(1) - '0');
        case "ul", "ol" -> {
            ArrayNode items = node(out, "ul".equals(tag) ? "bulletList" : "orderedList");
            for (Element li : e.children()) {
                blocks(li, node(items, "listItem"));
            }
        }
        case "blockquote" -> blocks(e, node(out, "blockquote"));
        case "hr" -> out.addObject().put("type", "rule");
        case "pre" -> codeBlock(out, null, e.wholeText());
        case "table" -> table(e, out);
        case "ac:task-list" -> {
            ObjectNode list = out.addObject().put("type", "taskList");
            list.putObject("attrs").put("localId", java.util.UUID.randomUUID().toString());
            ArrayNode items = list.putArray("content");
            for (Element task : e.select("> ac\\:task")) {
                ObjectNode item = items.addObject().put("type", "taskItem");
                String id = task.select("> ac\\:task-id").text();
                item.putObject("attrs").put("localId", id.isBlank() ? java.util.UUID.randomUUID().toString() : id).put(
                        "state",
                        "complete".equals(task.select("> ac\\:task-status").text()) ? "DONE" : "TODO");
                Element body = task.selectFirst("> ac\\:task-body");
                ArrayNode content = item.putArray("content");
                if (body != null) {
                    body.childNodes().forEach(n -> inline(n, content, JSON.createArrayNode()));
                }
            }
        }
        case "ac:structured-macro" -> macro(e, out);
        default -> blocks(e, out);
        }
    }

    private static void macro(Element e, ArrayNode out) {
        String name = e.attr("ac:name").toLowerCase(Locale.ROOT);
        Element body = e.selectFirst("> ac\\:rich-text-body");
        if ("code".equals(name) || "noformat".equals(name)) {
            Element text = e.selectFirst("> ac\\:plain-text-body");
            codeBlock(out, parameter(e, "language"), text == null ? "" : text.wholeText());
        } else if (PANELS.contains(name) && body != null) {
            ObjectNode panel = out.addObject().put("type", "panel");
            panel.putObject("attrs").put("panelType", switch (name) {
            case "tip" -> "success";
            default -> name;
            });
            blocks(body, panel.putArray("content"));
        } else if ("expand".equals(name) && body != null) {
            ObjectNode expand = out.addObject().put("type", "expand");
            expand.putObject("attrs").put("title", parameter(e, "title") == null ? "" : parameter(e, "title"));
            blocks(body, expand.putArray("content"));
        } else {
            ObjectNode extension = out.addObject().put("type", body != null ? "bodiedExtension" : "extension");
            ObjectNode attrs = extension.putObject("attrs").put("extensionType", "com.atlassian.confluence.macro.core")
                    .put("extensionKey", name);
            ObjectNode parameters = attrs.putObject("parameters").putObject("macroParams");
            for (Element p : e.select("> ac\\:parameter")) {
                parameters.putObject(p.attr("ac:name")).put("value", p.text());
            }
            if (body != null) {
                blocks(body, extension.putArray("content"));
            }
        }
    }

    private static void table(Element e, ArrayNode out) {
        ArrayNode rows = node(out, "table");
        for (Element tr : e.select("tr")) {
            ArrayNode cells = node(rows, "tableRow");
            for (Element cell : tr.children()) {
                ArrayNode content = node(cells, "th".equals(cell.tagName()) ? "tableHeader" : "tableCell");
                blocks(cell, content);
                if (content.isEmpty()) {
                    content.addObject().put("type", "paragraph").putArray("content");
                }
            }
        }
    }

    private static ObjectNode inlineContainer(String type, Element e, ArrayNode out) {
        ObjectNode node = out.addObject().put("type", type);
        ArrayNode content = node.putArray("content");
        e.childNodes().forEach(child -> inline(child, content, JSON.createArrayNode()));
        return node;
    }

    private static void inline(Node node, ArrayNode out, ArrayNode marks) {
        if (node instanceof TextNode text) {
            if (!text.text().isEmpty()) {
                ObjectNode t = out.addObject().put("type", "text").put("text", text.text());
                if (!marks.isEmpty()) {
                    t.set("marks", marks.deepCopy());
                }
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.tagName()) {
        case "strong", "b" -> children(e, out, with(marks, "strong"));
        case "em", "i" -> children(e, out, with(marks, "em"));
        case "code" -> children(e, out, with(marks, "code"));
        case "s", "del" -> children(e, out, with(marks, "strike"));
        case "u" -> children(e, out, with(marks, "underline"));
        case "sub", "sup" -> {
            ArrayNode next = marks.deepCopy();
            next.addObject().put("type", "subsup").putObject("attrs").put("type", e.tagName());
            children(e, out, next);
        }
        case "a" -> {
            ArrayNode next = marks.deepCopy();
            next.addObject().put("type", "link").putObject("attrs").put("href", e.attr("href"));
            children(e, out, next);
        }
        case "br" -> out.addObject().put("type", "hardBreak");
        case "span" -> children(e, out, styled(marks, e.attr("style")));
        case "time" -> date(e.attr("datetime"), out);
        case "ac:emoticon" -> out.addObject().put("type", "emoji").putObject("attrs").put("shortName", ":" + e.attr(
                "ac:name") + ":");
        case "ac:link" -> link(e, out);
        case "ac:image" -> verbatim(e, "image", out);
        case "ac:inline-comment-marker" -> {
            ArrayNode next = marks.deepCopy();
            next.addObject().put("type", "annotation").putObject("attrs").put("id", e.attr("ac:ref")).put(
                    "annotationType", "inlineComment");
            children(e, out, next);
        }
        case "ac:structured-macro" -> {
            if ("status".equals(e.attr("ac:name"))) {
                out.addObject().put("type", "status").putObject("attrs").put("text", parameter(e, "title") == null
                        ? ""
                        : parameter(e, "title")).put("color", String.valueOf(parameter(e, "colour")).toLowerCase(
                                Locale.ROOT));
            } else {
                ObjectNode attrs = out.addObject().put("type", "inlineExtension").putObject("attrs").put(
                        "extensionType", "com.atlassian.confluence.macro.core").put("extensionKey", e.attr("ac:name"));
                ObjectNode parameters = attrs.putObject("parameters").putObject("macroParams");
                for (Element p : e.select("> ac\\:parameter")) {
                    parameters.putObject(p.attr("ac:name")).put("value", p.text());
                }
            }
        }
        default -> children(e, out, marks);
        }
    }

    private static void link(Element e, ArrayNode out) {
        Element user = e.selectFirst("ri\\:user");
        if (user != null) {
            String id = user.hasAttr("ri:account-id") ? user.attr("ri:account-id") : user.attr("ri:userkey");
            out.addObject().put("type", "mention").putObject("attrs").put("id", id).put("text", "");
            return;
        }
        // links to pages, attachments, spaces or blog posts have no ADF form: kept as they are
        verbatim(e, "link", out);
    }

    /**
     * Storage elements ADF cannot hold (page links, attachment images) are kept verbatim in an inline extension of this
     * module's own type, so writing the page back restores them exactly; the label shows what it is.
     */
    private static void verbatim(Element e, String key, ArrayNode out) {
        ObjectNode attrs = out.addObject().put("type", "inlineExtension").putObject("attrs").put("extensionType",
                VERBATIM).put("extensionKey", key);
        attrs.put("text", label(e));
        attrs.putObject("parameters").put("storage", e.outerHtml().replace("\n", ""));
    }

    private static String label(Element e) {
        Element body = e.selectFirst("ac\\:plain-text-link-body, ac\\:link-body");
        if (body != null && !body.text().isBlank()) {
            return body.text();
        }
        Element target = e.selectFirst("ri\\:page, ri\\:attachment, ri\\:url, ri\\:space, ri\\:blog-post");
        if (target == null) {
            return e.text();
        }
        for (String attribute : new String[] { "ri:content-title", "ri:filename", "ri:value", "ri:space-key" }) {
            if (target.hasAttr(attribute)) {
                return target.attr(attribute);
            }
        }
        return e.text();
    }

    private static void date(String value, ArrayNode out) {
        try {
            long millis = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            out.addObject().put("type", "date").putObject("attrs").put("timestamp", String.valueOf(millis));
        } catch (DateTimeParseException e) {
            out.addObject().put("type", "text").put("text", value);
        }
    }

    private static void children(Element e, ArrayNode out, ArrayNode marks) {
        e.childNodes().forEach(child -> inline(child, out, marks));
    }

    /** Text and background colours from a span's style, as ADF marks (other styles have no ADF form). */
    private static ArrayNode styled(ArrayNode marks, String style) {
        ArrayNode next = marks.deepCopy();
        for (String declaration : style.split(";")) {
            String[] pair = declaration.split(":", 2);
            if (pair.length != 2) {
                continue;
            }
            String value = pair[1].strip().toLowerCase(Locale.ROOT);
            String property = pair[0].strip().toLowerCase(Locale.ROOT);
            if (value.matches("#[0-9a-f]{6}") && (property.equals("color") || property.equals("background-color"))) {
                next.addObject().put("type", property.equals("color") ? "textColor" : "backgroundColor").putObject(
                        "attrs").put("color", value);
            }
        }
        return next;
    }

    private static ArrayNode with(ArrayNode marks, String type) {
        ArrayNode next = marks.deepCopy();
        next.addObject().put("type", type);
        return next;
    }

    private static void codeBlock(ArrayNode out, String language, String text) {
        ObjectNode code = out.addObject().put("type", "codeBlock");
        if (language != null && !language.isBlank()) {
            code.putObject("attrs").put("language", language);
        }
        if (!text.isEmpty()) {
            code.putArray("content").addObject().put("type", "text").put("text", text);
        }
    }

    private static String parameter(Element macro, String name) {
        for (Element p : macro.select("> ac\\:parameter")) {
            if (name.equals(p.attr("ac:name"))) {
                return p.text();
            }
        }
        return null;
    }

    private static ArrayNode node(ArrayNode out, String type) {
        return out.addObject().put("type", type).putArray("content");
    }
}

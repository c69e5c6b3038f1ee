package dev.atlmcp.adf;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Edits a Confluence storage-format body (XHTML) without re-serialising it: the new content is spliced into the
 * original text at the positions of its top-level elements, so macros, layouts, attachments and inline-comment markers
 * outside the edited part stay exactly as they were written.
 */
public final class StorageSections {

    private StorageSections() {
    }

    /**
     * Replaces what is under a top-level heading with {@code storage}, keeping the heading.
     *
     * @param occurrence
     *            which of several equal headings, from 1; 0 when the heading must be unique
     */
    public static String replaceSection(String body, String heading, int occurrence, String storage) {
        List<Sections.Block> blocks = new ArrayList<>();
        List<Sections.Nested> nested = new ArrayList<>();
        parse(body, blocks, nested);
        Sections.Span span = Sections.locate(blocks, nested, heading, occurrence);
        int from = blocks.get(span.heading()).end();
        int to = span.end() < blocks.size() ? blocks.get(span.end()).start() : body.length();
        return body.substring(0, from) + storage + body.substring(to);
    }

    /** Adds {@code storage} at the end of the body. */
    public static String append(String body, String storage) {
        return body + storage;
    }

    private static void parse(String body, List<Sections.Block> blocks, List<Sections.Nested> nested) {
        Parser parser = Parser.xmlParser().setTrackPosition(true);
        Document doc = parser.parseInput(body, "");
        for (Node node : doc.childNodes()) {
            if (node instanceof TextNode text && text.isBlank()) {
                continue;
            }
            int start = node.sourceRange().startPos();
            int end = node instanceof Element e && e.endSourceRange().isTracked() ? e.endSourceRange().endPos()
                    : node.sourceRange().endPos();
            if (start < 0 || end < start || end > body.length()) {
                throw new IllegalStateException("The page's storage format could not be read safely.");
            }
            int level = node instanceof Element e ? level(e) : 0;
            blocks.add(new Sections.Block(start, end, level, level > 0 ? ((Element) node).text() : null));
            if (node instanceof Element e && level == 0) {
                e.select("h1, h2, h3, h4, h5, h6").forEach(h -> nested.add(new Sections.Nested(h.text(), container(
                        e))));
            }
        }
    }

    private static int level(Element e) {
        return e.tagName().matches("h[1-6]") ? e.tagName().charAt(1) - '0' : 0;
    }

    private static String container(Element e) {
        String name = e.tagName();
        if (name.equals("ac:layout")) {
            return "a layout";
        }
        if (name.equals("ac:structured-macro")) {
            String macro = e.attr("ac:name");
            return macro.equals("expand") ? "an expand" : "a " + macro + " macro";
        }
        return name.equals("table") ? "a table" : "a " + name + " element";
    }
}

package dev.atlmcp.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the section under a heading among the top-level blocks of a page body: the heading and everything after it up
 * to the next heading of the same or a higher level. Headings nested in a container (layout, expand, table, panel) do
 * not count as section boundaries; asking for one is an error that says where it sits.
 */
final class Sections {

    /** A top-level block of the body: its text span, and its heading level (0 for anything but a heading). */
    record Block(int start, int end, int level, String heading) {
    }

    /** A heading inside a container at the top level, e.g. "a layout". */
    record Nested(String heading, String container) {
    }

    /** The heading's block index and the index after the section's last block. */
    record Span(int heading, int end) {
    }

    private static final int LISTED_HEADINGS = 30;

    private Sections() {
    }

    static Span locate(List<Block> blocks, List<Nested> nested, String wanted, int occurrence) {
        String key = normalise(wanted);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("heading must not be empty: give the heading's text, e.g. Steps");
        }
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).level() > 0 && normalise(blocks.get(i).heading()).equals(key)) {
                matches.add(i);
            }
        }
        if (matches.isEmpty()) {
            for (Nested n : nested) {
                if (normalise(n.heading()).equals(key)) {
                    throw new IllegalArgumentException("The heading '" + wanted.trim() + "' sits inside "
                            + n.container() + ", and sections are edited only at the top level of a page. Change "
                            + "that part with confluence_update_page.");
                }
            }
            List<String> headings = blocks.stream().filter(b -> b.level() > 0).map(Block::heading).toList();
            throw new IllegalArgumentException("There is no heading '" + wanted.trim() + "' at the top level of the "
                    + "page. " + (headings.isEmpty() ? "It has no headings there; use confluence_append_to_page or "
                            + "confluence_update_page."
                            : "Its headings: " + String.join("; ", headings.subList(0, Math.min(headings.size(),
                                    LISTED_HEADINGS))) + "."));
        }
        if (occurrence < 0 || occurrence > matches.size()) {
            throw new IllegalArgumentException("occurrence must be between 1 and " + matches.size() + " (the page has "
                    + matches.size() + " headings '" + wanted.trim() + "'), got " + occurrence);
        }
        if (matches.size() > 1 && occurrence == 0) {
            throw new IllegalArgumentException("The page has " + matches.size() + " headings '" + wanted.trim()
                    + "'. Pass occurrence (1 for the first, up to " + matches.size() + ") to say which section to "
                    + "replace.");
        }
        int heading = matches.get(Math.max(occurrence, 1) - 1);
        int level = blocks.get(heading).level();
        int end = heading + 1;
        while (end < blocks.size() && (blocks.get(end).level() == 0 || blocks.get(end).level() > level)) {
            end++;
        }
        return new Span(heading, end);
    }

    /** Case, surrounding space, repeated space and a Markdown heading prefix do not matter. */
    static String normalise(String heading) {
        return heading == null ? ""
                : heading.trim().replaceFirst("^#{1,6}\\s+", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

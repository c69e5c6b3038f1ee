package dev.atlmcp.confluence.service;

import java.util.List;

/** One page of CQL search results and the cursor for the next page (null on the last page). */
public record SearchView(List<Hit> hits, Integer total, String nextCursor) {

    /** One matching item; {@code excerpt} marks matched words with Markdown bold. */
    public record Hit(String id, String type, String title, String space, String updatedAt, String excerpt,
            String url) {
    }
}

package dev.atlmcp.confluence;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.ProtocolRevisions;

/** Protocol revisions 2024-11-05 to 2025-11-25, and the product's icon (see ProtocolRevisions). */
@QuarkusTest
class ProtocolRevisionsTest extends ProtocolRevisions {

    @Override
    protected String product() {
        return "confluence";
    }

    @Override
    protected Map.Entry<String, Map<String, Object>> readCall() {
        return Map.entry("confluence_get_page", Map.of("page_id", "131075"));
    }

    @Override
    protected String readCallShows() {
        return "131075";
    }
}

package dev.atlmcp.compass;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.ProtocolRevisions;

/** Protocol revisions 2024-11-05 to 2025-11-25, and the product's icon (see ProtocolRevisions). */
@QuarkusTest
class ProtocolRevisionsTest extends ProtocolRevisions {

    @Override
    protected String product() {
        return "compass";
    }

    @Override
    protected Map.Entry<String, Map<String, Object>> readCall() {
        return Map.entry("compass_get_component", Map.of("component", "checkout-api"));
    }

    @Override
    protected String readCallShows() {
        return "checkout-api";
    }
}

package dev.atlmcp.confluence;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** Reads are retried through Atlassian's 429s and 503s. */
@QuarkusTest
class ResilienceTest extends SandboxReset {

    @Test
    void everyReadSucceedsWhenNearlyAThirdOfAtlassiansAnswersAre429Or503() {
        Mcp.assertReadsSucceedThroughRateLimitsAndOutages("/wiki/", List.of(
                Map.entry("confluence_search", Map.of("cql", "text ~ \"settlement\"")),
                Map.entry("confluence_list_spaces", Map.of()),
                Map.entry("confluence_get_space", Map.of("space", "OPS")),
                Map.entry("confluence_get_page_tree", Map.of("page_id", "131074", "depth", 1)),
                Map.entry("confluence_get_page", Map.of("page_id", "131075")),
                Map.entry("confluence_get_comments", Map.of("page_id", "131075"))));
    }
}

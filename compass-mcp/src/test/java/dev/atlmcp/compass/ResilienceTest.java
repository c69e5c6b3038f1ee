package dev.atlmcp.compass;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** GraphQL queries are reads: retried through 429s and 503s like GETs (mutations never are, see CatalogWritesTest). */
@QuarkusTest
class ResilienceTest extends SandboxReset {

    @Test
    void everyReadSucceedsWhenNearlyAThirdOfAtlassiansAnswersAre429Or503() {
        Mcp.assertReadsSucceedThroughRateLimitsAndOutages("/gateway/api/graphql", List.of(
                Map.entry("compass_get_component", Map.of("component", "checkout-api")),
                Map.entry("compass_search_components", Map.of("query", "payment")),
                Map.entry("compass_get_dependencies", Map.of("component", "checkout-api")),
                Map.entry("compass_get_scorecards", Map.of("component", "checkout-api")),
                Map.entry("compass_who_owns", Map.of("component", "checkout-api")),
                Map.entry("compass_list_component_types", Map.of())));
    }
}

package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.ApiGatewayProfile;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** With a scoped token, Confluence calls go to {@code /ex/confluence/<cloudId>/wiki/...} on the API gateway. */
@QuarkusTest
@TestProfile(ApiGatewayProfile.class)
class ApiGatewayTest extends SandboxReset {

    @Test
    void pagesAndSearchGoThroughTheApiGatewayKeepingTheWikiPath() {
        Mcp.Result page = call(Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "131075"));
        assertFalse(page.isError(), () -> text(page));
        Mcp.Result search = call(Transport.SSE, "confluence_search", Map.of("cql", "type = page", "limit", 2));
        assertFalse(search.isError(), () -> text(search));
        List<String> log = Mcp.sandbox().requests();
        String site = Sandbox.GATEWAY_CONFLUENCE;
        assertTrue(log.contains("GET " + site + "/wiki/api/v2/pages/131075 200"), log::toString);
        assertTrue(log.contains("GET " + site + "/wiki/rest/api/search 200"), log::toString);
        assertTrue(log.stream().allMatch(r -> r.contains(" " + site + "/") || r.contains(" /_edge/tenant_info ")),
                log::toString);
    }
}

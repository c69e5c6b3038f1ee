package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * Assets on Cloud: AQL searches, objects with their attributes and references, and the objects connected to an issue,
 * through the API gateway's Assets path on the site; names and values fenced as data.
 */
@QuarkusTest
class AssetsTest extends SandboxReset {

    @Test
    void objectsAreFoundWithAqlAndReadWithTheirReferences() {
        String servers = call(Transport.STREAMABLE, "jira_search_assets", Map.of("aql", "objectType = Server")).text();
        assertTrue(servers.startsWith("2 objects of 2. Last page."), servers);
        assertTrue(servers.contains("| ITA-3 | prod-eu-app-07 | Server | 3 | IP address: 10.2.7.14; Operating system: "
                + "Ubuntu 24.04; Region: eu-west-1 |"), servers);
        assertTrue(servers.contains("⟦data "), "people's text is fenced: " + servers);
        String service = call(Transport.SSE, "jira_get_asset", Map.of("object", "ita-1")).text();
        assertTrue(service.startsWith("# ITA-1 checkout-api\nService · id 1 · updated 2026-11-20 14:30 UTC\n"),
                service);
        assertTrue(service.contains("- Runs on: prod-eu-app-07 (ITA-3, Server)\n- Database: checkout-db (ITA-4, "
                + "Database)"), service);
        assertTrue(call(Transport.STREAMABLE, "jira_get_asset", Map.of("object", "4")).text().startsWith(
                "# ITA-4 checkout-db\nDatabase"));
        assertTrue(Mcp.sandbox().requests().stream().filter(r -> r.startsWith(
                "GET /rest/servicedeskapi/assets/workspace")).count() <= 1, "the workspace is looked up once: "
                        + Mcp.sandbox().requests());
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith(
                "POST /gateway/api/jsm/assets/workspace/")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void theObjectsAnIssueAffectsAreListed() {
        String md = call(Transport.STREAMABLE, "jira_get_issue_assets", Map.of("issue_key", "OPS-1")).text();
        assertTrue(md.startsWith("Assets connected to OPS-1: 3 objects of 3. Last page."), md);
        assertTrue(md.contains("| ITA-1 | checkout-api | Service |") && md.contains("| ITA-4 | checkout-db |"), md);
        assertEquals("No Assets objects are connected to OPS-3.", call(Transport.SSE, "jira_get_issue_assets", Map.of(
                "issue_key", "OPS-3")).text());
    }

    @Test
    void badQueriesAndUnknownObjectsAreClear() {
        Mcp.Result bad = call(Transport.STREAMABLE, "jira_search_assets", Map.of("aql", "objectType == Server"));
        assertTrue(bad.isError() && bad.text().contains("AQL is not valid"), bad::text);
        assertEquals("There is no Assets object ITA-99 this account can see.", call(Transport.STREAMABLE,
                "jira_get_asset", Map.of("object", "ITA-99")).text());
        assertEquals("Invalid argument: object must be an Assets object's id (e.g. 88) or key (e.g. ITA-42), got "
                + "'checkout api'", call(Transport.SSE, "jira_get_asset", Map.of("object", "checkout api")).text());
        assertFalse(call(Transport.STREAMABLE, "jira_get_issue_assets", Map.of("issue_key", "OPS-9999")).text()
                .startsWith("No Assets"), "a missing issue is not an issue without assets");
    }
}

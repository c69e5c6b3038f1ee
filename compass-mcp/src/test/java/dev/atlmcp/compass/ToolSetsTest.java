package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.ToolSetsContract;

/** compass-mcp as installed: its default tool sets, narrowed by the client's URL, and prompts that keep to them. */
@QuarkusTest
@TestProfile(ToolSetsContract.DefaultSets.class)
class ToolSetsTest extends ToolSetsContract {

    @Override
    protected String server() {
        return "compass-mcp";
    }

    @Test
    void aPromptSendsTheAgentOnlyToToolsThisConnectionIsOffered() {
        McpStreamableTestClient client = Mcp.client();
        try {
            client.when().promptsGet("blast_radius", Map.of("component", "payment-gateway"), r -> {
                String text = r.messages().get(0).content().asText().text();
                assertFalse(text.contains("compass_get_events"), text);
                assertTrue(text.contains(
                        "Recent deployments and incidents are not offered on this connection (the events tool set); say that you could not check them."),
                        text);
            }).thenAssertResults();
        } finally {
            client.disconnect();
        }
    }

    @Override
    protected String toolWithoutArguments() {
        return "compass_list_component_types";
    }
}

package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.ToolSetsContract;

/** confluence-mcp as installed: its default tool sets, narrowed by the client's URL, and prompts that keep to them. */
@QuarkusTest
@TestProfile(ToolSetsContract.DefaultSets.class)
class ToolSetsTest extends ToolSetsContract {

    @Override
    protected String server() {
        return "confluence-mcp";
    }

    @Test
    void aPromptSendsTheAgentOnlyToToolsThisConnectionIsOffered() {
        McpStreamableTestClient client = Mcp.client();
        try {
            client.when().promptsGet("draft_page_from_notes",
                    Map.of("space", "OPS", "title", "Retro", "notes", "We agreed to page less."), r -> {
                        String text = r.messages().get(0).content().asText().text();
                        assertFalse(text.contains("confluence_get_space"), text);
                        assertTrue(text.contains(
                                "1. Pick a parent page where it belongs: search the space with confluence_search, or use the space's home page."),
                                text);
                    }).thenAssertResults();
        } finally {
            client.disconnect();
        }
    }

    @Override
    protected String toolWithoutArguments() {
        return "confluence_whoami";
    }
}

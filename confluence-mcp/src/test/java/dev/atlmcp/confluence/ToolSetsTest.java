package dev.atlmcp.confluence;

import java.util.Map;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.ToolSetsContract;

/** confluence-mcp as installed: its default tool sets, narrowed by the client's URL, and prompts that keep to them. */
@QuarkusTest
@TestProfile(ToolSetsContract.DefaultSets.class)
class ToolSetsTest extends ToolSetsContract {

    @Override
    protected String server() {
        return "confluence-mcp";
    }

    @Override
    protected String toolWithoutArguments() {
        return "confluence_whoami";
    }

    @Override
    protected Optional<PromptCase> promptNeedingAToolOutsideTheDefaults() {
        return Optional.of(new PromptCase("draft_page_from_notes",
                Map.of("space", "OPS", "title", "Retro", "notes", "We agreed to page less."), "confluence_get_space",
                "1. Pick a parent page where it belongs: search the space with confluence_search, or use the space's home page."));
    }
}

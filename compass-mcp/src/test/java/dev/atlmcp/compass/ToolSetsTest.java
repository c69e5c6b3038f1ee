package dev.atlmcp.compass;

import java.util.Map;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.ToolSetsContract;

/** compass-mcp as installed: its default tool sets, narrowed by the client's URL, and prompts that keep to them. */
@QuarkusTest
@TestProfile(ToolSetsContract.DefaultSets.class)
class ToolSetsTest extends ToolSetsContract {

    @Override
    protected String server() {
        return "compass-mcp";
    }

    @Override
    protected String toolWithoutArguments() {
        return "compass_list_component_types";
    }

    @Override
    protected Optional<PromptCase> promptNeedingAToolOutsideTheDefaults() {
        return Optional.of(new PromptCase("blast_radius", Map.of("component", "payment-gateway"), "compass_get_events",
                "Recent deployments and incidents are not offered on this connection (the events tool set); say that you could not check them."));
    }
}

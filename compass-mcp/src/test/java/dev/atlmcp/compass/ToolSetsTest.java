package dev.atlmcp.compass;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.ToolSetsContract;

/** compass-mcp as installed: its default tool sets, narrowed by the client's URL. */
@QuarkusTest
@TestProfile(ToolSetsTest.DefaultSets.class)
class ToolSetsTest extends ToolSetsContract {

    public static class DefaultSets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.toolsets", "");
        }
    }

    @Override
    protected String server() {
        return "compass-mcp";
    }

    @Override
    protected String toolWithoutArguments() {
        return "compass_list_component_types";
    }
}

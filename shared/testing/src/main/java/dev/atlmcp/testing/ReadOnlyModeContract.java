package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

/**
 * For a server started with {@code mcp.policy.read-only=true}: every tool not annotated read-only is neither listed nor
 * callable, and a call to one answers exactly like a call to an unknown tool.
 */
public abstract class ReadOnlyModeContract {

    @Inject
    ToolManager tools;

    @Test
    void readOnlyModeHidesEveryWriteTool() {
        List<String> writeTools = new ArrayList<>();
        List<String> readTools = new ArrayList<>();
        tools.forEach(t -> (t.annotations().map(ToolManager.ToolAnnotations::readOnlyHint).orElse(false) ? readTools
                : writeTools).add(t.name()));
        assertFalse(writeTools.isEmpty(), "this server has write tools");
        McpStreamableTestClient client = Mcp.client();
        try {
            client.when().toolsList(page -> {
                List<String> listed = page.tools().stream().map(t -> t.name()).toList();
                assertTrue(listed.stream().noneMatch(writeTools::contains), listed::toString);
            }).thenAssertResults();
            for (String tool : writeTools) {
                client.when().toolsCall(tool).withArguments(Map.of()).withErrorAssert(error -> assertEquals(
                        "Invalid tool name: " + tool, error.message())).send().thenAssertResults();
            }
        } finally {
            client.disconnect();
        }
    }
}

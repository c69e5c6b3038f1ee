package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.platform.toolsets.ToolSetCatalog;

/**
 * For a server started without {@code mcp.toolsets} ({@link DefaultSets}): the default tool sets are offered, within
 * the token budget; a client's {@code ?toolsets=} narrows them on both transports, for listing and calling, and never
 * widens them; an unknown set name is refused with the server's sets.
 */
public abstract class ToolSetsContract {

    /** The server as installed: no {@code mcp.toolsets}, so its default sets. */
    public static class DefaultSets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.toolsets", "");
        }
    }

    /** The most tokens (o200k) the default tools/list may cost. */
    public static final int DEFAULT_BUDGET = 4_500;

    @Inject
    ToolSetCatalog catalog;

    /** The server's name, for the printed figures. */
    protected abstract String server();

    /** A tool of the first default set that needs no arguments. */
    protected abstract String toolWithoutArguments();

    /**
     * A prompt one of whose steps needs a tool outside the default sets: its arguments, the tool it must not name, and
     * what it says instead.
     */
    public record PromptCase(String prompt, Map<String, String> arguments, String hiddenTool, String instead) {
    }

    /** The server's prompt that needs a tool outside the default sets; none where every prompt keeps to them. */
    protected Optional<PromptCase> promptNeedingAToolOutsideTheDefaults() {
        return Optional.empty();
    }

    @Test
    void promptsSendTheAgentOnlyToToolsItsConnectionIsOffered() {
        Optional<PromptCase> prompt = promptNeedingAToolOutsideTheDefaults();
        Assumptions.assumeTrue(prompt.isPresent(), server() + "'s prompts use only tools of its default sets");
        McpStreamableTestClient client = Mcp.client();
        try {
            client.when().promptsGet(prompt.get().prompt(), prompt.get().arguments(), r -> {
                String text = r.messages().get(0).content().asText().text();
                assertFalse(text.contains(prompt.get().hiddenTool()), text);
                assertTrue(text.contains(prompt.get().instead()), text);
            }).thenAssertResults();
        } finally {
            client.disconnect();
        }
    }

    private List<String> toolsOf(List<String> sets) {
        List<String> tools = new ArrayList<>();
        sets.forEach(set -> tools.addAll(catalog.sets().get(set)));
        return tools;
    }

    private static TreeSet<String> names(JsonArray tools) {
        TreeSet<String> names = new TreeSet<>();
        tools.forEach(tool -> names.add(((JsonObject) tool).getString("name")));
        return names;
    }

    private static McpStreamableTestClient client(String path) {
        return McpAssured.newStreamableClient().setMcpPath(path).setAdditionalHeaders(Mcp.bearer(Mcp.token()))
                .build().connect();
    }

    private static JsonArray list(String path) {
        McpStreamableTestClient client = client(path);
        try {
            return Mcp.toolsList(client);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void theDefaultSetsAreOfferedWithinTheTokenBudget() {
        List<String> defaults = catalog.defaults();
        assertEquals(new TreeSet<>(toolsOf(defaults)), names(list("/mcp")));
        int tokens = Tokens.toolsList(server() + " default tool sets " + String.join(",", defaults));
        assertTrue(tokens <= DEFAULT_BUDGET, "the default tools/list costs " + tokens + " tokens; the budget is "
                + DEFAULT_BUDGET);
    }

    @Test
    void aClientNarrowsTheSetsWithItsUrl() {
        String first = catalog.defaults().get(0);
        String second = catalog.defaults().get(1);
        McpStreamableTestClient client = client("/mcp?toolsets=" + first);
        try {
            assertEquals(new TreeSet<>(catalog.sets().get(first)), names(Mcp.toolsList(client)));
            String outside = catalog.sets().get(second).get(0);
            client.when().toolsCall(outside).withArguments(Map.of()).withErrorAssert(error -> assertEquals(
                    "Invalid tool name: " + outside, error.message())).send().thenAssertResults();
            client.when().toolsCall(toolWithoutArguments()).withArguments(Map.of()).withAssert(result -> assertFalse(
                    result.isError(), result.content().toString())).send().thenAssertResults();
        } finally {
            client.disconnect();
        }
        assertEquals(new TreeSet<>(toolsOf(catalog.defaults())), names(list("/mcp?toolsets=" + second + "&toolsets="
                + first.toUpperCase(java.util.Locale.ROOT))));
    }

    @Test
    void aClientCannotWidenWhatTheAdministratorEnabled() {
        assertEquals(new TreeSet<>(toolsOf(catalog.defaults())), names(list("/mcp?toolsets=all")));
        String disabled = catalog.sets().keySet().stream().filter(set -> !catalog.defaults().contains(set))
                .findFirst().orElseThrow();
        assertEquals(new TreeSet<>(), names(list("/mcp?toolsets=" + disabled)));
        McpStreamableTestClient client = client("/mcp?toolsets=" + disabled);
        try {
            String tool = catalog.sets().get(disabled).get(0);
            client.when().toolsCall(tool).withArguments(Map.of()).withErrorAssert(error -> assertEquals(
                    "Invalid tool name: " + tool, error.message())).send().thenAssertResults();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void theLegacySseTransportKeepsTheNarrowingForItsWholeConnection() throws Exception {
        String first = catalog.defaults().get(0);
        String outside = catalog.sets().get(catalog.defaults().get(1)).get(0);
        try (SseMcpClient client = SseMcpClient.at(McpAssured.baseUri, "/mcp/sse?toolsets=" + first, Mcp.token())) {
            assertTrue(client.messages().getQuery().contains("toolsets=" + first), client.messages()::toString);
            JsonArray tools = client.request("tools/list", new JsonObject()).getJsonObject("result").getJsonArray(
                    "tools");
            assertEquals(new TreeSet<>(catalog.sets().get(first)), names(tools));
            JsonObject refused = client.callTool(outside, Map.of());
            assertEquals("Invalid tool name: " + outside, refused.getJsonObject("error").getString("message"));
            JsonObject answered = client.callTool(toolWithoutArguments(), Map.of());
            assertFalse(answered.getJsonObject("result").getBoolean("isError", false), answered::encode);
        }
    }

    @Test
    void anUnknownSetIsRefusedWithTheServersSets() {
        String sets = String.join(", ", catalog.sets().keySet());
        for (String path : List.of("/mcp?toolsets=" + catalog.defaults().get(0) + ",nope", "/mcp?toolsets=",
                "/mcp/sse?toolsets=nope")) {
            var request = RestAssured.given().header("Authorization", "Bearer " + Mcp.token());
            Response response = path.startsWith("/mcp/sse") ? request.accept("text/event-stream").get(path)
                    : request.contentType("application/json").accept("application/json, text/event-stream").body(
                            Mcp.request(1, "tools/list", new JsonObject()).encode()).post(path);
            assertEquals(400, response.statusCode(), path);
            assertEquals("The MCP URL's toolsets parameter must name tool sets of this server, comma-separated: "
                    + sets + " (or all). Fix the URL in your MCP client's settings.",
                    response.jsonPath().getString(
                            "error_description"),
                    path);
        }
    }
}

package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.json.JsonObject;

/**
 * Arguments a model gets wrong come back as tool errors ({@code isError: true}) it can read and correct, never as
 * protocol errors, and before anything is sent to Atlassian: an argument the tool does not take, a value of the wrong
 * type, a number out of range, a required argument left out. Checked for every tool the server lists, with each
 * argument its input schema declares. A server's test extends this class with {@code @QuarkusTest}.
 */
public abstract class ToolArgumentChecks extends SandboxReset {

    /** A tool with a paging {@code limit} whose description gives its range, e.g. {@code 1-50}, and that range. */
    protected abstract Map.Entry<String, String> pagedToolAndRange();

    /** Arguments that make {@link #pagedToolAndRange()}'s tool succeed, without {@code limit}. */
    protected abstract Map<String, Object> pagedToolArguments();

    @Test
    void everyToolRefusesAnArgumentItDoesNotTakeAndSaysWhichItTakes() {
        List<String> wrong = new ArrayList<>();
        McpStreamableTestClient client = Mcp.client();
        try {
            for (JsonObject tool : tools(client)) {
                String name = tool.getString("name");
                Mcp.Result result = call(client, name, Map.of("no_such_argument", 1));
                String takes = String.join(", ", tool.getJsonObject("inputSchema").getJsonObject("properties",
                        new JsonObject()).fieldNames());
                if (!result.isError() || !result.text().startsWith("Unknown argument no_such_argument: " + name
                        + " takes " + (takes.isEmpty() ? "no arguments" : takes))) {
                    wrong.add(name + " -> " + result);
                }
            }
        } finally {
            client.disconnect();
        }
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    @Test
    void everyArgumentOfTheWrongTypeIsAToolErrorThatSaysWhatItTakes() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        McpStreamableTestClient client = Mcp.client();
        try {
            for (JsonObject tool : tools(client)) {
                JsonObject properties = tool.getJsonObject("inputSchema").getJsonObject("properties", new JsonObject());
                for (String argument : properties.fieldNames()) {
                    JsonObject schema = properties.getJsonObject(argument);
                    Object bad = switch (String.valueOf(schema.getValue("type"))) {
                    case "integer", "number" -> "ten";
                    case "boolean" -> "maybe";
                    case "array" -> new JsonObject().put("not", "a list");
                    case "object" -> List.of("not", "an", "object");
                    default -> new JsonObject().put("not", "text");
                    };
                    checked++;
                    Mcp.Result result = call(client, tool.getString("name"), Map.of(argument, bad));
                    if (!result.isError() || !result.text().startsWith("Invalid argument " + argument + ": ")
                            || !result.text().contains(schema.getString("description", ""))) {
                        wrong.add(tool.getString("name") + " " + argument + "=" + bad + " -> " + result);
                    }
                }
            }
        } finally {
            client.disconnect();
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 20, "checked " + checked + " arguments");
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    @Test
    void aNumberOutOfRangeIsAToolErrorThatGivesTheRangeOnBothTransports() {
        String tool = pagedToolAndRange().getKey();
        String range = pagedToolAndRange().getValue();
        for (Object limit : List.of(4294967297L, -4294967297L, 1e300, 2.5)) {
            Map<String, Object> arguments = new LinkedHashMap<>(pagedToolArguments());
            arguments.put("limit", limit);
            for (Mcp.Transport transport : Mcp.Transport.values()) {
                Mcp.Result result = Mcp.call(transport, tool, arguments);
                assertTrue(result.isError(), limit + " on " + transport + " -> " + result);
                assertTrue(result.text().startsWith("Invalid argument limit: ") && result.text().contains(range),
                        limit + " on " + transport + " -> " + result);
            }
        }
        Map<String, Object> arguments = new LinkedHashMap<>(pagedToolArguments());
        arguments.put("limit", 500);
        Mcp.Result tooMany = Mcp.call(Mcp.Transport.STREAMABLE, tool, arguments);
        assertTrue(tooMany.isError() && tooMany.text().contains("limit must be between 1 and"), tooMany.toString());
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
        arguments.put("limit", "2");
        assertTrue(!Mcp.call(Mcp.Transport.STREAMABLE, tool, arguments).isError(), "a number given as text is read");
    }

    @Test
    void aRequiredArgumentLeftOutIsAToolErrorThatDescribesIt() {
        String tool = pagedToolAndRange().getKey();
        JsonObject schema = schemaOf(tool);
        String required = schema.getJsonArray("required").getString(0);
        for (Mcp.Transport transport : Mcp.Transport.values()) {
            Mcp.Result result = Mcp.call(transport, tool, Map.of());
            assertTrue(result.isError(), result.toString());
            assertEquals("Missing required argument " + required + ": " + schema.getJsonObject("properties")
                    .getJsonObject(required).getString("description") + ".", result.text());
        }
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    private JsonObject schemaOf(String tool) {
        McpStreamableTestClient client = Mcp.client();
        try {
            return tools(client).stream().filter(t -> tool.equals(t.getString("name"))).findFirst().orElseThrow()
                    .getJsonObject("inputSchema");
        } finally {
            client.disconnect();
        }
    }

    private static List<JsonObject> tools(McpStreamableTestClient client) {
        List<JsonObject> tools = new ArrayList<>();
        Mcp.toolsList(client).forEach(tool -> tools.add((JsonObject) tool));
        assertTrue(tools.size() > 5, "tools listed: " + tools.size());
        return tools;
    }

    /** The call's result, or its protocol error as a result that is not a tool error. */
    private static Mcp.Result call(McpStreamableTestClient client, String tool, Map<String, Object> arguments) {
        Mcp.Result[] result = new Mcp.Result[1];
        client.when().message(new JsonObject().put("jsonrpc", "2.0").put("id", ids++).put("method", "tools/call")
                .put("params", new JsonObject().put("name", tool).put("arguments", new JsonObject(
                        new LinkedHashMap<>(arguments)))))
                .withAssert(answer -> {
                    JsonObject called = answer.getJsonObject("result");
                    result[0] = called == null ? new Mcp.Result(false, "protocol error " + answer.getValue("error"))
                            : new Mcp.Result(called.getBoolean("isError", false), called.getJsonArray("content")
                                    .getJsonObject(0).getString("text"));
                }).send().thenAssertResults();
        return result[0];
    }

    private static int ids = 1000;
}

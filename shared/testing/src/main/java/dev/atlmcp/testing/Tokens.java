package dev.atlmcp.testing;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What answers cost a model, counted with the o200k_base encoding. */
public final class Tokens {

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private Tokens() {
    }

    public static int count(String text) {
        return O200K.countTokens(text);
    }

    /**
     * The tool list without its icons: clients show icons in their user interface and do not pass them to the model
     * (the MCP specification defines them for display). Their size is held down by the icon tests.
     */
    private static String asModelsSeeThem(JsonArray tools) {
        JsonArray copy = tools.copy();
        copy.forEach(tool -> ((JsonObject) tool).remove("icons"));
        return copy.encode();
    }

    /**
     * Prints what each tool set's tools cost in tools/list, through {@code ?toolsets=}; for a server that enables every
     * set.
     */
    public static void printToolSets(String server, java.util.Map<String, java.util.List<String>> sets) {
        sets.forEach((set, tools) -> {
            McpStreamableTestClient client = io.quarkiverse.mcp.server.test.McpAssured.newStreamableClient()
                    .setMcpPath("/mcp?toolsets=" + set).setAdditionalHeaders(Mcp.bearer(Mcp.token())).build()
                    .connect();
            int tokens = count(asModelsSeeThem(Mcp.toolsList(client)));
            client.disconnect();
            System.out.println(server + " tool set " + set + ": " + tools.size() + " tools, " + tokens
                    + " tokens (o200k_base)");
        });
    }

    /** The tokens of the server's whole tools/list result as a model sees it, printed with its size for the record. */
    public static int toolsList(String server) {
        McpStreamableTestClient client = Mcp.client();
        String tools = asModelsSeeThem(Mcp.toolsList(client));
        client.disconnect();
        int tokens = count(tools);
        System.out.println(server + " tools/list: " + tokens + " tokens (o200k_base), " + tools.length()
                + " characters");
        return tokens;
    }
}

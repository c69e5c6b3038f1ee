package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.testing.Mcp;

/** Every tool description and schema costs the model tokens on each turn: the whole tools/list stays small. */
@QuarkusTest
class ToolListBudgetTest {

    static final int BUDGET = 8_000;

    @Test
    void theWholeToolListStaysUnderTheTokenBudget() {
        McpStreamableTestClient client = McpAssured.newStreamableClient().setAdditionalHeaders(Mcp.bearer(Mcp
                .token())).build().connect();
        AtomicReference<String> tools = new AtomicReference<>();
        client.when().message(new JsonObject().put("jsonrpc", "2.0").put("id", 99).put("method", "tools/list").put(
                "params", new JsonObject())).withAssert(
                        r -> tools.set(r.getJsonObject("result").getJsonArray("tools")
                                .encode()))
                .send().thenAssertResults();
        client.disconnect();
        int tokens = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE).countTokens(tools
                .get());
        System.out.println("tools/list: " + tokens + " tokens (o200k_base), " + tools.get().length() + " characters");
        assertTrue(tokens < BUDGET, "tools/list costs " + tokens + " tokens; the budget is " + BUDGET);
    }
}

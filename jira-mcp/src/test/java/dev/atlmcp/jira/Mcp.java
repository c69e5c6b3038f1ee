package dev.atlmcp.jira;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.SandboxControl;

/** Test helpers: authenticated MCP clients over both transports, one tool call, the sandbox's control API. */
final class Mcp {

    enum Transport {
        STREAMABLE,
        SSE
    }

    private Mcp() {
    }

    static String token() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("user"));
    }

    static Function<JsonObject, MultiMap> bearer(String token) {
        return message -> MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
    }

    /** A tool result as a test reads it. */
    record Result(boolean isError, String text) {
    }

    /** Calls one tool on a fresh, bearer-authenticated connection. */
    static Result call(Transport transport, String tool, Map<String, Object> arguments) {
        return transport == Transport.STREAMABLE ? callStreamable(tool, arguments) : callSse(tool, arguments);
    }

    private static Result callStreamable(String tool, Map<String, Object> arguments) {
        McpStreamableTestClient client = McpAssured.newStreamableClient().setAdditionalHeaders(bearer(token()))
                .build().connect();
        Result[] result = new Result[1];
        try {
            client.when().toolsCall(tool).withArguments(arguments).withAssert(r -> result[0] = new Result(r.isError(),
                    r.content().get(0).asText().text())).send().thenAssertResults();
        } finally {
            client.disconnect();
        }
        return result[0];
    }

    private static Result callSse(String tool, Map<String, Object> arguments) {
        try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, token())) {
            JsonObject result = client.callTool(tool, arguments).getJsonObject("result");
            return new Result(result.getBoolean("isError", false), result.getJsonArray("content").getJsonObject(0)
                    .getString("text"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Result result) {
        return result.text();
    }

    static SandboxControl sandbox() {
        return new SandboxControl(ConfigProvider.getConfig().getValue("sandbox.url", String.class));
    }
}

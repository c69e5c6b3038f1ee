package dev.atlmcp.auth.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

class McpParamsTest {

    @Test
    void wellFormedMessagesOfEveryRevisionPass() throws Exception {
        for (String message : new String[] {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{\"elicitation\":{\"form\":{},\"url\":{}}},\"clientInfo\":{\"name\":\"c\","
                        + "\"version\":\"1\",\"title\":\"C\",\"icons\":[{\"src\":\"data:,\"}]}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"t\",\"arguments\":{\"a\":"
                        + "[1]},\"_meta\":{\"progressToken\":5}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/get\",\"params\":{\"name\":\"p\",\"arguments\":{\"a\":"
                        + "\"b\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/read\",\"params\":{\"uri\":\"jira://issue/OPS-1\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":"
                        + "\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":\"O\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"warning\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"some/extension\",\"params\":[1]}" }) {
            assertEquals(Optional.empty(), problem(message), message);
        }
    }

    @Test
    void eachProblemIsNamedWithWhatTheMethodTakes() throws Exception {
        assertEquals(Optional.of("Invalid params for tools/call: params must be an object such as {\"name\": "
                + "\"<tool>\", \"arguments\": {...}}."),
                problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}"));
        assertEquals(Optional.of("Invalid params for tools/call: params must be an object, not an array, such as "
                + "{\"name\": \"<tool>\", \"arguments\": {...}}."), problem(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[\"t\"]}"));
        assertEquals(Optional.of("Invalid params for tools/call: name is required."), problem(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}"));
        assertEquals(Optional.of("Invalid params for tools/call: name must be a string."), problem(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":5}}"));
        assertEquals(Optional.of("Invalid params for tools/call: arguments must be an object."), problem(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"t\",\"arguments\":[]}}"));
        assertEquals(Optional.of("Invalid params for prompts/get: arguments.x must be a string."), problem(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"p\",\"arguments\":"
                        + "{\"x\":{}}}}"));
        assertEquals(Optional.of("Invalid params for logging/setLevel: level must be one of debug, info, notice, "
                + "warning, error, critical, alert, emergency."), problem(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}"));
        assertEquals(Optional.of("Invalid params for initialize: protocolVersion is required; clientInfo.name must "
                + "be a string."), problem(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                + "\"capabilities\":{},\"clientInfo\":{\"name\":7}}}"));
    }

    private static Optional<String> problem(String message) throws Exception {
        return McpParams.problem(JsonRpcMessage.read(Buffer.buffer(message)));
    }
}

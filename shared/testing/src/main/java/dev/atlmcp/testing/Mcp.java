package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.SandboxControl;

/** Test helpers: authenticated MCP clients over both transports, one tool call, the sandbox's control API. */
public final class Mcp {

    public enum Transport {
        STREAMABLE,
        SSE
    }

    /** A tool result as a test reads it. */
    public record Result(boolean isError, String text) {
    }

    private Mcp() {
    }

    /** All product scopes, from the allowed test client. */
    public static final String ALL_SCOPES = "jira:read jira:write confluence:read confluence:write compass:read "
            + "compass:write";

    public static String token() {
        return token(ALL_SCOPES, "test-client", "https://server.example.com");
    }

    /** The email in test tokens: the sandbox's Jane Doe. */
    public static final String EMAIL = "jane.doe@example.com";

    /** A token signed by the test identity provider with these scopes, client id and audience. */
    public static String token(String scopes, String clientId, String audience) {
        return OidcWiremockTestResource.generateJwtToken("alice", Set.of("user"), "alice-subject", null, Set.of(
                audience), Map.of("scope", scopes, "azp", clientId, "email", EMAIL, "email_verified", "true"));
    }

    /** A token with all scopes for another person: {@code email} may be null for a token without one. */
    public static String tokenFor(String subject, String email) {
        Map<String, String> claims = new java.util.HashMap<>(Map.of("scope", ALL_SCOPES, "azp", "test-client"));
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", "true");
        }
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of("user"), subject, null, Set.of(
                "https://server.example.com"), claims);
    }

    /** Headers that make a call with {@code token} instead of the default one. */
    public static Map<String, String> as(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static Function<JsonObject, MultiMap> bearer(String token) {
        return headers(token, Map.of());
    }

    private static Function<JsonObject, MultiMap> headers(String token, Map<String, String> extra) {
        return message -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
            extra.forEach(headers::set);
            return headers;
        };
    }

    /** Calls one tool on a fresh, bearer-authenticated connection. */
    /** {@code count} identical calls made at the same moment, over both transports in turn; their results. */
    public static List<Result> atOnce(int count, String tool, Map<String, Object> arguments) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Result>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Transport transport = i % 2 == 0 ? Transport.STREAMABLE : Transport.SSE;
                calls.add(pool.submit(() -> call(transport, tool, arguments)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> result : calls) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Result call(Transport transport, String tool, Map<String, Object> arguments) {
        return call(transport, tool, arguments, Map.of());
    }

    /** Calls one tool on a fresh, bearer-authenticated connection whose every request carries these headers. */
    public static Result call(Transport transport, String tool, Map<String, Object> arguments,
            Map<String, String> headers) {
        return transport == Transport.STREAMABLE ? callStreamable(tool, arguments, headers)
                : callSse(tool, arguments, headers);
    }

    public static String text(Result result) {
        return result.text();
    }

    /** The answer with its data-fence nonce replaced, to compare two answers. */
    public static String withoutNonce(String answer) {
        return answer.replaceAll("⟦(/?)data [0-9a-f]{4}", "⟦$1data ····");
    }

    public static SandboxControl sandbox() {
        return new SandboxControl(ConfigProvider.getConfig().getValue("sandbox.url", String.class));
    }

    /**
     * Checks that each way Atlassian can fail (401, 403, 429 with and without Retry-After, 500, 503) reaches the caller
     * of {@code tool} as one clear tool error and never as a stack trace. The faults hit requests whose path starts
     * with {@code pathPrefix}, persistently: retried failures (429, 503) fail again until the server gives up, and a
     * {@code Retry-After} longer than a tool call's budget is answered at once.
     */
    public static void assertAtlassianFailuresAreClearToolErrors(Transport transport, String pathPrefix, String tool,
            Map<String, Object> arguments) {
        assertFault(transport, pathPrefix, tool, arguments, 401, null, "Atlassian did not accept this server's "
                + "credentials (HTTP 401).");
        assertFault(transport, pathPrefix, tool, arguments, 403, null, "Atlassian denied this operation (HTTP 403)");
        assertFault(transport, pathPrefix, tool, arguments, 409, null, "Conflict (HTTP 409)");
        assertFault(transport, pathPrefix, tool, arguments, 429, 60, "Atlassian's rate limit was reached (HTTP 429). "
                + "Retry after 60 seconds.");
        assertFault(transport, pathPrefix, tool, arguments, 429, null, "Atlassian's rate limit was reached "
                + "(HTTP 429). Wait a little, then retry.");
        assertFault(transport, pathPrefix, tool, arguments, 500, null, "Atlassian had an internal error (HTTP 500). "
                + "Try again shortly");
        assertFault(transport, pathPrefix, tool, arguments, 503, 60, "Atlassian is temporarily unavailable "
                + "(HTTP 503). Retry after 60 seconds.");
    }

    /**
     * Checks a write tool's failures: refusals that changed nothing (401, 403, and a 429 whose Retry-After is longer
     * than the call's budget, so it is not waited out) keep their usual messages; a 5xx, also one sent after the change
     * was applied, and a dropped connection say the outcome is unknown and how to check, and the request was sent
     * exactly once (no automatic retry). Faults hit {@code method} requests under {@code pathPrefix}; the sandbox is
     * reset before each, as a fault after processing applies the change.
     */
    public static void assertWriteFailuresAreClearAndNeverRetried(Transport transport, String method,
            String pathPrefix, String tool, Map<String, Object> arguments, String change, String howToCheck) {
        assertFault(transport, pathPrefix, tool, arguments, 403, null, "Atlassian denied this operation (HTTP 403)");
        assertFault(transport, pathPrefix, tool, arguments, 409, null, "Conflict (HTTP 409)");
        assertFault(transport, pathPrefix, tool, arguments, 429, 60, "Atlassian's rate limit was reached (HTTP 429). "
                + "Retry after 60 seconds.");
        String unknown = "It is unknown whether Atlassian applied this change (" + change + "): ";
        String rest = ". It was not retried, so it happened at most once. Before trying again, " + howToCheck + ".";
        for (var fault : List.of(SandboxControl.fault().put("status", 503), SandboxControl.fault().put(
                "status", 500).put("afterProcessing", true), SandboxControl.fault().put("drop", true))) {
            sandbox().reset();
            sandbox().clearRequests();
            sandbox().addFault(fault.put("pathPrefix", pathPrefix).put("method", method).put("count", 1));
            try {
                Result result = call(transport, tool, arguments);
                assertTrue(result.isError(), result::text);
                assertTrue(result.text().startsWith(unknown) && result.text().endsWith(rest), result.text());
                assertTrue(
                        sandbox().requests().stream().filter(r -> r.startsWith(method + " " + pathPrefix)).count() == 1,
                        () -> "sent once, never retried: " + sandbox().requests());
            } finally {
                forgetFaults();
            }
        }
    }

    /**
     * Makes nearly a third of Atlassian's answers under {@code pathPrefix} fail (429 with and without Retry-After, 503;
     * seeded, so the pattern repeats) and checks that every one of {@code reads} still succeeds, twice, and that the
     * faults really fired.
     */
    public static void assertReadsSucceedThroughRateLimitsAndOutages(String pathPrefix,
            List<Map.Entry<String, Map<String, Object>>> reads) {
        sandbox().clearRequests();
        sandbox().addFault(SandboxControl.fault().put("pathPrefix", pathPrefix).put("status", 429).put("retryAfter",
                1).put("rate", 0.08).put("seed", 11));
        sandbox().addFault(SandboxControl.fault().put("pathPrefix", pathPrefix).put("status", 429).put("rate", 0.12)
                .put("seed", 12));
        sandbox().addFault(SandboxControl.fault().put("pathPrefix", pathPrefix).put("status", 503).put("rate", 0.12)
                .put("seed", 13));
        try {
            for (int round = 0; round < 2; round++) {
                for (var read : reads) {
                    Result result = call(Transport.STREAMABLE, read.getKey(), read.getValue());
                    assertFalse(result.isError(), () -> read.getKey() + ": " + result.text());
                }
            }
            List<String> requests = sandbox().requests();
            long failed = requests.stream().filter(r -> r.endsWith(" 429") || r.endsWith(" 503")).count();
            assertTrue(failed >= 5 && failed * 100 / requests.size() >= 20, () -> "the faults fired: " + failed
                    + " of " + requests.size() + " requests");
        } finally {
            forgetFaults();
        }
    }

    /** A dropped connection reaches the caller of {@code tool} as one clear tool error. */
    public static void assertDroppedConnectionIsAClearToolError(Transport transport, String pathPrefix, String tool,
            Map<String, Object> arguments) {
        sandbox().addFault(SandboxControl.fault().put("pathPrefix", pathPrefix).put("drop", true));
        try {
            Result result = call(transport, tool, arguments);
            assertTrue(result.isError());
            assertTrue(result.text().startsWith("Atlassian closed the connection before answering."), result.text());
        } finally {
            forgetFaults();
        }
    }

    private static void assertFault(Transport transport, String pathPrefix, String tool, Map<String, Object> arguments,
            int status, Integer retryAfter, String expectedStart) {
        var fault = SandboxControl.fault().put("pathPrefix", pathPrefix).put("status", status);
        if (retryAfter != null) {
            fault.put("retryAfter", retryAfter);
        }
        sandbox().addFault(fault);
        try {
            Result result = call(transport, tool, arguments);
            assertTrue(result.isError(), () -> "HTTP " + status + " should be a tool error: " + result.text());
            assertTrue(result.text().startsWith(expectedStart), result.text());
            assertFalse(result.text().contains("Exception") || result.text().contains("\tat "), result.text());
        } finally {
            forgetFaults();
        }
    }

    /**
     * Clears the sandbox's faults, and what the server remembers of them (a 429's Retry-After, an open circuit), so the
     * next test starts afresh.
     */
    public static void forgetFaults() {
        sandbox().clearFaults();
        io.quarkus.arc.Arc.container().instance(dev.atlmcp.platform.atlassian.RateLimitPacer.class).get().forget();
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
    }

    /** One Streamable HTTP session for a scenario: several tool calls, as an agent makes them. */
    public static final class Session implements AutoCloseable {

        private final McpStreamableTestClient client;

        private Session(McpStreamableTestClient client) {
            this.client = client;
        }

        /** The text of a successful call; fails on a tool error. */
        public String call(String tool, Map<String, Object> arguments) {
            Result[] result = new Result[1];
            client.when().toolsCall(tool).withArguments(arguments).withAssert(r -> result[0] = new Result(r
                    .isError(), r.content().get(0).asText().text())).send().thenAssertResults();
            assertFalse(result[0].isError(), result[0]::text);
            return result[0].text();
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }

    /** The text of a resources/read answer. */
    public static String text(io.quarkiverse.mcp.server.ResourceResponse response) {
        return ((io.quarkiverse.mcp.server.TextResourceContents) response.contents().get(0)).text();
    }

    /** A JSON-RPC request. */
    public static JsonObject request(int id, String method, JsonObject params) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params);
    }

    /** A raw {@code POST /mcp} with {@code token}, on {@code session} if not null, with these headers too. */
    public static Response post(String token, String session, String body, Map<String, String> headers) {
        var request = RestAssured.given().contentType("application/json").accept(
                "application/json, text/event-stream").header("Authorization", "Bearer " + token).headers(headers)
                .body(body);
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.post("/mcp");
    }

    /** The tools the server lists to this client, as {@code tools/list} gives them. */
    public static JsonArray toolsList(McpStreamableTestClient client) {
        JsonArray[] tools = new JsonArray[1];
        client.when().message(new JsonObject().put("jsonrpc", "2.0").put("id", 99).put("method", "tools/list").put(
                "params", new JsonObject())).withAssert(
                        r -> tools[0] = r.getJsonObject("result").getJsonArray(
                                "tools"))
                .send().thenAssertResults();
        return tools[0];
    }

    /** A Streamable HTTP client connected with the default caller's token. */
    public static McpStreamableTestClient client() {
        return McpAssured.newStreamableClient().setAdditionalHeaders(bearer(token())).build().connect();
    }

    public static Session session() {
        return new Session(client());
    }

    private static Result callStreamable(String tool, Map<String, Object> arguments, Map<String, String> headers) {
        McpStreamableTestClient client = McpAssured.newStreamableClient().setAdditionalHeaders(headers(token(),
                headers)).build().connect();
        Result[] result = new Result[1];
        try {
            client.when().toolsCall(tool).withArguments(arguments).withAssert(r -> result[0] = new Result(r.isError(),
                    r.content().get(0).asText().text())).send().thenAssertResults();
        } finally {
            client.disconnect();
        }
        return result[0];
    }

    private static Result callSse(String tool, Map<String, Object> arguments, Map<String, String> headers) {
        try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, token(), headers)) {
            JsonObject result = client.callTool(tool, arguments).getJsonObject("result");
            return new Result(result.getBoolean("isError", false), result.getJsonArray("content").getJsonObject(0)
                    .getString("text"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

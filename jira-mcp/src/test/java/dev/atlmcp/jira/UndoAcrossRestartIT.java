package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;
import dev.atlmcp.testing.Mcp;

/**
 * A change made through one server process is listed and undone by a freshly started one: the records live in Jira, so
 * nothing is lost when a pod restarts or another replica answers.
 */
class UndoAcrossRestartIT {

    private static Sandbox sandbox;
    private static int port;
    private static Process server;

    @BeforeAll
    static void start() throws Exception {
        port = ServerProcess.freePort();
        sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of("http://localhost:" + port + "/mcp")));
        server = startServer("restart-before");
    }

    private static Process startServer(String logName) throws Exception {
        Process process = ServerProcess.start(sandbox, port, "http://localhost:" + port, logName);
        ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + port));
        return process;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static McpStreamableTestClient session() {
        String token = sandbox.issuer().accessToken(Directory.JANE, DevTokenIssuer.DEFAULT_SCOPES, Duration
                .ofMinutes(10));
        return McpAssured.newStreamableClient().setBaseUri(URI.create("http://localhost:" + port))
                .setAdditionalHeaders(Mcp.bearer(token)).build().connect();
    }

    private static String call(McpStreamableTestClient client, String tool, Map<String, Object> arguments) {
        AtomicReference<String> text = new AtomicReference<>();
        client.when().toolsCall(tool).withArguments(arguments).withAssert(r -> {
            assertFalse(r.isError(), () -> r.content().get(0).asText().text());
            text.set(r.content().get(0).asText().text());
        }).send().thenAssertResults();
        return text.get();
    }

    @Test
    void aChangeMadeBeforeARestartIsListedAndUndoneAfterIt() throws Exception {
        McpStreamableTestClient before = session();
        String updated = call(before, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields", Map.of("Priority",
                "Highest")));
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(updated);
        assertTrue(id.find(), updated);
        before.disconnect();

        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the first server stopped");
        server = startServer("restart-after");

        McpStreamableTestClient after = session();
        assertTrue(call(after, "jira_list_my_agent_changes", Map.of()).contains("| " + id.group(1) + " | "));
        assertTrue(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains(" · Highest · "));
        String undone = call(after, "jira_undo_change", Map.of("change_id", id.group(1)));
        assertTrue(undone.startsWith("Done: undo " + id.group(1)), undone);
        assertTrue(call(after, "jira_get_issue", Map.of("issue_key", "OPS-7")).contains(" · Low · "));
        after.disconnect();
    }
}

package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/**
 * One server process against a sandbox of its own, restartable on the same port (so the same public URL and token
 * audience): for tests that what a server wrote survives a restart. Sessions sign in as Jane.
 */
public final class RestartableServer implements AutoCloseable {

    private final Sandbox sandbox;
    private final int port;
    private final String name;
    private Process process;
    private int starts;

    private RestartableServer(Sandbox sandbox, int port, String name) {
        this.sandbox = sandbox;
        this.port = port;
        this.name = name;
    }

    public static RestartableServer start(String name) throws Exception {
        int port = ServerProcess.freePort();
        RestartableServer server = new RestartableServer(Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of(
                "http://localhost:" + port + "/mcp"))), port, name);
        server.launch();
        return server;
    }

    private void launch() throws Exception {
        process = ServerProcess.start(sandbox, port, "http://localhost:" + port, name + "-" + ++starts);
        ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + port));
    }

    /** Stops the process and starts a new one from the same jar. */
    public void restart() throws Exception {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stopped");
        launch();
    }

    public McpStreamableTestClient session() {
        String token = sandbox.issuer().accessToken(Directory.JANE, DevTokenIssuer.DEFAULT_SCOPES, Duration
                .ofMinutes(10));
        return McpAssured.newStreamableClient().setBaseUri(URI.create("http://localhost:" + port))
                .setAdditionalHeaders(Mcp.bearer(token)).build().connect();
    }

    /** The text of a successful tool call; fails on a tool error. */
    public static String call(McpStreamableTestClient client, String tool, Map<String, Object> arguments) {
        AtomicReference<String> text = new AtomicReference<>();
        client.when().toolsCall(tool).withArguments(arguments).withAssert(r -> {
            assertFalse(r.isError(), () -> r.content().get(0).asText().text());
            text.set(r.content().get(0).asText().text());
        }).send().thenAssertResults();
        return text.get();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
        sandbox.close();
    }
}

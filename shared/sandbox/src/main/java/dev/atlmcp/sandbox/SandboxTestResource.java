package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the sandbox for a {@code @QuarkusTest} and points the server at its Cloud site with the service account's API
 * token. Tests reach the control API through the {@code sandbox.url} property; a test profile can point the server at a
 * Data Center site instead ({@code ${sandbox.url}/jira} or {@code /confluence}, with the account's PAT).
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private Sandbox sandbox;

    @Override
    public Map<String, String> start() {
        try {
            sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of("http://localhost:8081/mcp")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SandboxUser bot = Directory.BOT;
        return Map.of("sandbox.url", sandbox.url(), "atlassian.url", sandbox.url(), "atlassian.deployment", "cloud",
                "atlassian.auth.mode", "basic", "atlassian.auth.email", bot.email(), "atlassian.auth.token",
                bot.apiToken());
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}

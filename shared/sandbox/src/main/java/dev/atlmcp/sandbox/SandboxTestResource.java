package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the sandbox for a {@code @QuarkusTest} and points the server at it. Init arg {@code flavour}: {@code cloud}
 * (default, Basic with the service account's API token) or {@code datacenter} (Bearer PAT against {@code /jira}). Tests
 * reach the control API through the {@code sandbox.url} property.
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private Sandbox sandbox;
    private String flavour = "cloud";

    @Override
    public void init(Map<String, String> initArgs) {
        flavour = initArgs.getOrDefault("flavour", "cloud");
    }

    @Override
    public Map<String, String> start() {
        try {
            sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of("http://localhost:8081/mcp")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SandboxUser bot = Directory.BOT;
        if ("datacenter".equals(flavour)) {
            return Map.of("sandbox.url", sandbox.url(), "atlassian.url", sandbox.url() + Sandbox.DATACENTER_JIRA,
                    "atlassian.deployment", "datacenter", "atlassian.auth.mode", "bearer",
                    "atlassian.auth.token", bot.pat());
        }
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

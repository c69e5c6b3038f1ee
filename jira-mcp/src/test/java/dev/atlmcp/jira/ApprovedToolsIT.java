package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.platform.manifest.ApprovedTools;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.ServerProcess;

/**
 * An administrator pins the tools they approved (MCP_APPROVED_TOOLS): the packaged server starts with its own registry
 * entry, and refuses to start when its tools differ, naming the tools added, removed or redefined.
 */
class ApprovedToolsIT {

    private static final Path ENTRY = Path.of("..", "registry", "jira-mcp", "server.json").toAbsolutePath();
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of("http://localhost/mcp")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theApprovedEntryStartsAndADifferentOneIsRefusedWithTheToolsThatDiffer() throws Exception {
        int port = ServerProcess.freePort();
        Process approved = ServerProcess.start(sandbox, port, "http://localhost:" + port, "approved-tools", Map.of(
                "MCP_APPROVED_TOOLS", ENTRY.toString()));
        try {
            ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + port));
        } finally {
            approved.destroy();
            approved.waitFor(10, TimeUnit.SECONDS);
        }

        JsonObject entry = new JsonObject(Files.readString(ENTRY));
        JsonObject tools = entry.getJsonObject("_meta").getJsonObject(ApprovedTools.META).getJsonObject("tools");
        tools.remove("jira_add_comment");
        tools.put("jira_delete_issue", "sha256:00");
        tools.put("jira_get_issue", "sha256:11");
        Path changed = Files.createTempFile("server", ".json");
        Files.writeString(changed, entry.encode());
        String refusal = refusedWith(Map.of("MCP_APPROVED_TOOLS", changed.toString()));
        assertTrue(refusal.contains("Configuration error: mcp.approved-tools (MCP_APPROVED_TOOLS) names " + changed
                + ", whose approved tools differ from this server's: added jira_add_comment; removed "
                + "jira_delete_issue; redefined jira_get_issue."), refusal);

        String digest = refusedWith(Map.of("MCP_APPROVED_TOOLS", "sha256:0123"));
        assertTrue(digest.contains("approves the tool set sha256:0123, but this server's tools are " + entry
                .getJsonObject("_meta").getJsonObject(ApprovedTools.META).getString("toolsDigest")), digest);
    }

    private static String refusedWith(Map<String, String> env) throws Exception {
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(sandbox, port, "http://localhost:" + port, "refused-tools", env);
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops by itself");
        assertEquals(1, server.exitValue());
        return Files.readString(Path.of("target", "refused-tools.log"));
    }
}

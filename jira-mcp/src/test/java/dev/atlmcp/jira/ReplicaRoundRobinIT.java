package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.ServerProcess;

/**
 * Two jira-mcp processes behind a round-robin balancer with no session affinity serve one MCP session: initialize,
 * initialized notification, tools/list and tool calls land on alternating replicas and all succeed.
 */
class ReplicaRoundRobinIT {

    private static Sandbox sandbox;
    private static RoundRobinProxy proxy;
    private static final List<Process> replicas = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        int proxyPort = ServerProcess.freePort();
        String publicUrl = "http://localhost:" + proxyPort;
        sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of(publicUrl + "/mcp")));
        List<URI> backends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = ServerProcess.freePort();
            backends.add(URI.create("http://127.0.0.1:" + port));
            replicas.add(ServerProcess.start(sandbox, port, publicUrl, "replica-" + i));
        }
        for (URI backend : backends) {
            ServerProcess.awaitHealthy(backend);
        }
        proxy = new RoundRobinProxy(backends, proxyPort);
    }

    @AfterAll
    static void stop() {
        replicas.forEach(Process::destroy);
        if (proxy != null) {
            proxy.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void oneSessionAcrossTwoReplicas() {
        String token = sandbox.issuer().accessToken(Directory.JANE, DevTokenIssuer.DEFAULT_SCOPES, Duration
                .ofMinutes(10));
        McpStreamableTestClient client = McpAssured.newStreamableClient()
                .setBaseUri(URI.create("http://localhost:" + proxy.port()))
                .setAdditionalHeaders(Mcp.bearer(token)).build()
                .connect(init -> assertEquals("jira-mcp", init.serverName()));
        client.when()
                .toolsList(page -> assertTrue(page.tools().stream().anyMatch(t -> t.name().equals("jira_get_issue"))))
                .toolsCall("jira_get_issue").withArguments(Map.of("issue_key", "OPS-1"))
                .withAssert(r -> {
                    assertFalse(r.isError(), () -> r.content().get(0).asText().text());
                    assertTrue(r.content().get(0).asText().text().startsWith("# OPS-1: "));
                }).send()
                .toolsCall("jira_search").withArguments(Map.of("jql", "project = OPS", "limit", 3))
                .withAssert(r -> assertTrue(r.content().get(0).asText().text().startsWith("3 issues.")))
                .send()
                .toolsCall("jira_get_issue").withArguments(Map.of("issue_key", "WEB-1"))
                .withAssert(r -> assertFalse(r.isError())).send()
                .thenAssertResults();
        client.disconnect();
        assertTrue(proxy.served.contains(0) && proxy.served.contains(1), "both replicas served: " + proxy.served);
        assertTrue(proxy.served.size() >= 5, "requests went through the proxy: " + proxy.served);
    }
}

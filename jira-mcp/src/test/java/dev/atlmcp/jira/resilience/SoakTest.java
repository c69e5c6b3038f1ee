package dev.atlmcp.jira.resilience;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.bench.McpSoak;
import dev.atlmcp.testing.SandboxReset;

/**
 * 50 concurrent MCP sessions for 20 seconds, reading and commenting while the sandbox fails some requests: no write is
 * lost or made twice, and no MCP session or thread is left behind ({@code bench/soak} runs the long version).
 */
@QuarkusTest
class SoakTest extends SandboxReset {

    @TestHTTPResource("/mcp")
    URL mcp;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Test
    void concurrentSessionsLoseNoWriteAndLeakNothing() throws Exception {
        var config = ConfigProvider.getConfig();
        McpSoak.Report report = McpSoak.run(new McpSoak.Target(mcp.toString(), Mcp.token(), metrics.toString(),
                config.getValue("sandbox.url", String.class), config.getValue("atlassian.auth.email", String.class),
                config.getValue("atlassian.auth.token", String.class)), 50, Duration.ofSeconds(20));
        System.out.println("Soak: " + report);
        assertTrue(report.problems().isEmpty(), report::toString);
        assertTrue(report.writesDone() > 100 && report.writesUnknown() > 0, () -> "the soak wrote too little to "
                + "prove anything: " + report);
        assertTrue(report.readErrors() == 0, () -> "every read is retried through 10% 503s: " + report);
    }
}

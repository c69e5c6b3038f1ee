package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.bench.McpLoad;
import dev.atlmcp.testing.ServerProcess;

/**
 * OpenTelemetry is off by default and switched on by configuration alone: the packaged server then exports traces of
 * MCP requests and the Atlassian calls they make over OTLP, and its log lines carry the trace id.
 */
class TracingIT {

    @Test
    void tracingSwitchedOnByConfigurationExportsMcpAndAtlassianSpans() throws Exception {
        List<String> exported = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            exported.add(body.toString(StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        int port = ServerProcess.freePort();
        String publicUrl = "http://localhost:" + port;
        Process server = null;
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of(publicUrl + "/mcp")))) {
            server = ServerProcess.start(sandbox, port, publicUrl, "tracing", Map.of("QUARKUS_OTEL_SDK_DISABLED",
                    "false", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + collector.getAddress()
                            .getPort(),
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms", "QUARKUS_LOG_CATEGORY__DEV_ATLMCP__LEVEL", "DEBUG"));
            ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + port));
            String token = sandbox.issuer().accessToken(Directory.JANE, "jira:read", java.time.Duration.ofMinutes(5));
            try (McpLoad.Session session = new McpLoad(publicUrl + "/mcp", token).open("tracing")) {
                assertTrue(session.call("jira_get_issue", "{\"issue_key\":\"OPS-99999\"}").isError());
            }
            Instant deadline = Instant.now().plusSeconds(20);
            while (!(String.join("", exported).contains("/rest/api/3/issue/OPS-99999") && String.join("", exported)
                    .contains("tools/call jira_get_issue")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            String traces = String.join("", exported);
            assertTrue(traces.contains("jira-mcp"), "spans name the service");
            assertTrue(traces.contains("tools/call jira_get_issue"), "the tool call is traced");
            assertTrue(traces.contains("/rest/api/3/issue/OPS-99999"), "the Atlassian call is traced");
            JsonObject failure = Files.readAllLines(Path.of("target", "tracing.log")).stream().filter(l -> l
                    .contains("Tool jira_get_issue failed")).map(JsonObject::new).findFirst().orElseThrow();
            String traceId = failure.getJsonObject("mdc").getString("traceId", "");
            assertEquals(32, traceId.length(), "the log line carries the trace id: " + failure.encode());
            String rawTraceId = new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1);
            assertTrue(traces.split(java.util.regex.Pattern.quote(rawTraceId), -1).length - 1 >= 2, "the tool call "
                    + "and its Atlassian request are spans of one trace");
        } finally {
            if (server != null) {
                server.destroy();
            }
            collector.stop(0);
        }
    }
}

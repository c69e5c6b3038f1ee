package dev.atlmcp.platform.observability;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.mcp.server.ToolManager;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * The time this server itself spends on a Streamable HTTP request: from the request received to the response written,
 * minus the time spent waiting on Atlassian ({@code mcp_server_overhead_seconds}, by JSON-RPC method and tool).
 */
@Singleton
public class ServerOverhead {

    private static final String WAITED = ServerOverhead.class.getName();
    private static final int ORDER = -499;

    private static final Set<String> METHODS = Set.of("initialize", "notifications/initialized", "ping",
            "tools/list", "tools/call", "prompts/list", "prompts/get", "resources/list", "resources/read",
            "resources/templates/list", "completion/complete", "logging/setLevel");

    private final MeterRegistry registry;
    private final ToolManager tools;
    private final String mcpPath;

    ServerOverhead(MeterRegistry registry, ToolManager tools,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath) {
        this.registry = registry;
        this.tools = tools;
        this.mcpPath = mcpPath;
    }

    void register(@Observes Router router) {
        router.post(mcpPath).order(ORDER).handler(this::time);
    }

    /** Adds time the current MCP request spent waiting on Atlassian. */
    public static void waitedOnAtlassian(long nanos) {
        McpHttpRequest.current().map(ctx -> ctx.<LongAdder> get(WAITED)).ifPresent(waited -> waited.add(nanos));
    }

    void time(RoutingContext ctx) {
        long start = System.nanoTime();
        LongAdder waited = new LongAdder();
        ctx.put(WAITED, waited);
        ctx.addEndHandler(done -> {
            long own = Math.max(0, System.nanoTime() - start - waited.sum());
            String method = McpHttpRequest.message(ctx).map(m -> m.getString("method")).filter(METHODS::contains)
                    .orElse("other");
            String tool = "tools/call".equals(method) ? McpHttpRequest.calledTool(ctx).filter(name -> tools.getTool(
                    name) != null).orElse("unknown") : "none";
            Timer.builder("mcp.server.overhead").description("Time this server spent on a request, Atlassian's "
                    + "answer time excluded").tag("method", method).tag("tool", tool).publishPercentileHistogram()
                    .register(registry).record(own, TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }
}

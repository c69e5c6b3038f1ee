package dev.atlmcp.platform.observability;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Tool calls at {@code /q/metrics}: {@code mcp_tool_calls_seconds} by tool, outcome ({@code ok}, {@code held} for a
 * write waiting for confirmation or a dry run, {@code error}) and error class ({@code none}, {@code invalid_argument},
 * {@code rate_limited}, {@code site_unavailable}, ...), with a latency histogram.
 */
@ApplicationScoped
public class ToolMetrics {

    private final MeterRegistry registry;

    ToolMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void toolCall(String tool, String outcome, String error, long nanos) {
        Timer.builder("mcp.tool.calls").description("MCP tool calls").tag("tool", tool).tag("outcome", outcome).tag(
                "error", error).publishPercentileHistogram().register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}

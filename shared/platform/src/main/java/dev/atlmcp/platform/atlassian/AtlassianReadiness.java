package dev.atlmcp.platform.atlassian;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.mcp.server.ToolManager;

import dev.atlmcp.auth.delegated.DelegatedAccess;

/**
 * Ready when this server can serve MCP (its tools are registered). Atlassian's state, and with delegated access the
 * token vault's, are reported as data and never make the pod unready: an Atlassian or database outage must not take
 * every replica out of the Service, as the tools then answer with a clear message instead of a connection error. It
 * reads what real traffic showed and sends nothing itself.
 */
@Readiness
@ApplicationScoped
public class AtlassianReadiness implements HealthCheck {

    private final ToolManager tools;
    private final AtlassianPolicy policy;
    private final AtlassianMetrics traffic;

    private final DelegatedAccess delegated;

    AtlassianReadiness(ToolManager tools, AtlassianPolicy policy, AtlassianMetrics traffic,
            DelegatedAccess delegated) {
        this.delegated = delegated;
        this.tools = tools;
        this.policy = policy;
        this.traffic = traffic;
    }

    @Override
    public HealthCheckResponse call() {
        long count = 0;
        for (var ignored : tools) {
            count++;
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mcp-server").status(count > 0).withData(
                "tools", count).withData("atlassianCircuit", policy.circuitState());
        traffic.last().ifPresentOrElse(last -> response.withData("atlassianLastRequest", last.outcome()).withData(
                "atlassianLastRequestSecondsAgo", Duration.between(last.at(), Instant.now()).toSeconds()),
                () -> response.withData("atlassianLastRequest", "none yet"));
        if (delegated.enabled()) {
            delegated.lastVaultContact().ifPresentOrElse(last -> response.withData("tokenVault", last.reached()
                    ? "reached" : "unreachable").withData("tokenVaultSecondsAgo", Duration
                            .between(last.at(),
                                    Instant.now())
                            .toSeconds()),
                    () -> response.withData("tokenVault", "not used yet"));
        }
        return response.build();
    }
}

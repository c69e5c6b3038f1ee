package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** compass_get_metrics: each metric source's latest value, with its unit, when it was reported and its source. */
@QuarkusTest
class MetricsTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theLatestValueOfEachMetricIsShownWithItsUnit(Transport transport) {
        String metrics = call(transport, "compass_get_metrics", Map.of("component", "checkout-api")).text();
        assertTrue(metrics.startsWith("# checkout-api: metrics, latest values\n"), metrics);
        assertTrue(metrics.contains("| Deployment Frequency | 4.5 deploys / week | "), metrics);
        assertTrue(metrics.contains("| Change Failure Rate | 12.5% | "), metrics);
        assertTrue(metrics.contains("| Mean Time to Recovery | 3.2 h | "), metrics);
        assertTrue(metrics.contains("| Unit Test Coverage | 78.4% | "), metrics);
        assertTrue(metrics.contains("https://metrics.acme.example/checkout-api/change-failure-rate"), metrics);
        assertTrue(metrics.contains("⟦data "), "metric names are data people wrote: " + metrics);
        assertEquals(List.of("POST /gateway/api/graphql 200", "POST /gateway/api/graphql 200"), Mcp.sandbox()
                .requests(), "the component, then its metric sources with their latest values in one query");
    }

    @Test
    void aComponentWithoutMetricsAndAnUnknownOneAreClear() {
        assertEquals("# checkout-web: metrics, latest values\nNone: no metric source is connected to this component in "
                + "Compass.",
                call(Transport.STREAMABLE, "compass_get_metrics", Map.of("component", "checkout-web"))
                        .text());
        Mcp.Result missing = call(Transport.STREAMABLE, "compass_get_metrics", Map.of("component", "no-such"));
        assertTrue(missing.isError() && missing.text().startsWith("Not found"), missing.text());
    }
}

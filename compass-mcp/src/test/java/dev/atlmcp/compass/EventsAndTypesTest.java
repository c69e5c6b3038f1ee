package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** compass_get_events and compass_list_component_types. */
@QuarkusTest
class EventsAndTypesTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void eventsInAWindowComeNewestFirstWithTheirDetails(Transport transport) {
        String events = call(transport, "compass_get_events", Map.of("component", "checkout-api", "hours", 72))
                .text();
        assertTrue(events.startsWith("# checkout-api: events of the last 72 hours, newest first\n3 events.\n"),
                events);
        int failed = events.indexOf("| deployment | checkout-api 2.31.1 | FAILED | STAGING |");
        int incident = events.indexOf("| incident | Checkout API p99 latency above 5s | OPEN | Sev 1 |");
        int deployed = events.indexOf("| deployment | checkout-api 2.31.0 | SUCCESSFUL | PRODUCTION |");
        assertTrue(failed > 0 && incident > failed && deployed > incident, events);
        assertTrue(events.contains("https://acme.app.opsgenie.com/alert/"), events);
    }

    @Test
    void typesAndTheWindowNarrowTheEvents() {
        String deployments = call(Transport.STREAMABLE, "compass_get_events", Map.of("component", "checkout-api",
                "types", "deployment")).text();
        assertTrue(deployments.contains("2 events.") && !deployments.contains("| incident |"), deployments);
        assertEquals("# checkout-api: events of the last 1 hours, newest first\nNone.", call(Transport.STREAMABLE,
                "compass_get_events", Map.of("component", "checkout-api", "hours", 1)).text());
        assertTrue(call(Transport.STREAMABLE, "compass_get_events", Map.of("component", "checkout-api", "types",
                "deploys")).text().startsWith("Invalid argument: types: 'deploys' is not one of alert, build, custom, "
                        + "deployment,"));
        assertEquals("Invalid argument: hours must be between 1 and 2160 (90 days), got 0", call(Transport.STREAMABLE,
                "compass_get_events", Map.of("component", "checkout-api", "hours", 0)).text());
        assertTrue(call(Transport.STREAMABLE, "compass_get_events", Map.of("component", "no-such")).text()
                .startsWith("Not found"));
    }

    @Test
    void componentTypesAreListed() {
        String types = call(Transport.STREAMABLE, "compass_list_component_types", Map.of()).text();
        assertTrue(types.contains("| SERVICE | Service |"), types);
        assertTrue(types.contains("| LIBRARY | Library |"), types);
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST ")));
    }
}

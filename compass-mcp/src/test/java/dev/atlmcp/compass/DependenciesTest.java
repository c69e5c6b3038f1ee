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

/** compass_get_dependencies over the sandbox catalog's DEPENDS_ON graph, which has a cycle. */
@QuarkusTest
class DependenciesTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void whatDependsOnThePaymentGatewayIsFollowedUpstream(Transport transport) {
        String tree = call(transport, "compass_get_dependencies", Map.of("component", "payment-gateway", "direction",
                "upstream", "depth", 3)).text();
        assertTrue(tree.startsWith("# Payment Gateway: what depends on it, 3 levels\n"), tree);
        assertTrue(tree.contains("- Payment Gateway\n  - payments-api\n    - checkout-api\n      - checkout-web\n"
                + "      - api-gateway\n"), tree);
    }

    @Test
    void cyclesAreMarkedAndNeverFollowedTwice() {
        String tree = call(Transport.STREAMABLE, "compass_get_dependencies", Map.of("component", "ledger-service",
                "depth", 5, "mermaid", true)).text();
        assertTrue(tree.startsWith("# ledger-service: what it depends on, 5 levels\n3 components. ↻ marks a "
                + "dependency cycle"), tree);
        assertTrue(tree.contains("- ledger-service\n  - settlement-job\n    - ledger-service ↻\n    - "
                + "postgres-operator\n  - kafka-platform\n"), tree);
        assertTrue(tree.contains("```mermaid\ngraph LR\n  n0[\"ledger-service\"] --> n1[\"settlement-job\"]\n  n0 --> "
                + "n2[\"kafka-platform\"]\n  n1 --> n0\n  n1 --> n3[\"postgres-operator\"]\n```"), tree);
    }

    @Test
    void aWideGraphIsBoundedAndEachLevelIsLookedUpOnce() {
        Mcp.sandbox().clearRequests();
        String tree = call(Transport.STREAMABLE, "compass_get_dependencies", Map.of("component", "checkout-api",
                "depth", 2)).text();
        assertTrue(tree.contains("  - payments-api\n    - Payment Gateway\n    - ledger-service\n    - fraud-scoring\n"
                + "    - money-lib (repeated)\n"), tree);
        assertTrue(tree.contains("\n  - money-lib\n"), "shown in full where it is a direct dependency: " + tree);
        long lookups = Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count();
        assertEquals(1 + 1 + 7, lookups, "the component, itself, then one lookup per dependency: "
                + Mcp.sandbox().requests());
    }

    @Test
    void badArgumentsAndUnknownComponentsAreClearErrors() {
        assertEquals("Invalid argument: direction must be downstream (what it depends on) or upstream (what depends "
                + "on it), got 'sideways'",
                call(Transport.STREAMABLE, "compass_get_dependencies", Map.of("component",
                        "ledger-service", "direction", "sideways")).text());
        assertEquals("Invalid argument: depth must be between 1 and 5, got 9", call(Transport.STREAMABLE,
                "compass_get_dependencies", Map.of("component", "ledger-service", "depth", 9)).text());
        Mcp.Result missing = call(Transport.STREAMABLE, "compass_get_dependencies", Map.of("component", "no-such"));
        assertTrue(missing.isError() && missing.text().startsWith("Not found"), missing.text());
        assertEquals("# email-sender: what it depends on, 2 levels\nIt depends on nothing.", call(Transport.STREAMABLE,
                "compass_get_dependencies", Map.of("component", "email-sender")).text());
    }
}

package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** With MCP_POLICY_MARK_LABEL, components an agent changes carry the label so people can find them. */
@QuarkusTest
@TestProfile(MarkLabelTest.Marked.class)
class MarkLabelTest extends SandboxReset {

    public static class Marked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.policy.mark-label", "agent-changed");
        }
    }

    @Test
    void anUpdatedComponentIsLabelled() {
        assertFalse(text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component", "checkout-api")))
                .contains("agent-changed"));
        Mcp.Result updated = call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                "checkout-api", "description", "Owns the order flow."));
        assertFalse(updated.isError(), updated::text);
        String component = text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component",
                "checkout-api")));
        assertTrue(component.contains("agent-changed"), component);
    }
}

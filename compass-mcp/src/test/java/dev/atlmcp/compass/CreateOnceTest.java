package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** Identical component creates at the same moment make one component, and no call fails for it. */
@QuarkusTest
class CreateOnceTest extends SandboxReset {

    @Test
    void sixIdenticalCallsAtOnceMakeOneComponent() throws Exception {
        Mcp.sandbox().clearRequests();
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/gateway/api/graphql").put("bodyContains",
                "createComponent").put("latencyMs", 400).put("count", 1));
        int created = 0;
        for (Mcp.Result result : Mcp.atOnce(6, "compass_create_component", Map.of("name", "quote-service", "type",
                "SERVICE"))) {
            assertFalse(result.isError(), result::text);
            if (result.text().startsWith("Created quote-service (slug quote-service")) {
                created++;
            } else {
                assertTrue(result.text().startsWith("Already exists, with these values: quote-service (slug "
                        + "quote-service"), result.text());
            }
        }
        assertEquals(1, created, "one call made it, the others were told it exists");
    }
}

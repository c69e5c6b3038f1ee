package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** Identical component creates at the same moment make one component, and no call fails for it. */
@QuarkusTest
class CreateOnceTest extends SandboxReset {

    @Test
    void sixIdenticalCallsAtOnceMakeOneComponent() throws Exception {
        Mcp.sandbox().clearRequests();
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/gateway/api/graphql").put("bodyContains",
                "createComponent").put("latencyMs", 400).put("count", 1));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        int created = 0;
        try {
            List<Future<Mcp.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Transport transport = i % 2 == 0 ? Transport.STREAMABLE : Transport.SSE;
                calls.add(pool.submit(() -> call(transport, "compass_create_component", Map.of("name",
                        "quote-service", "type", "SERVICE"))));
            }
            for (Future<Mcp.Result> call : calls) {
                Mcp.Result result = call.get();
                assertFalse(result.isError(), result::text);
                if (result.text().startsWith("Created quote-service (slug quote-service")) {
                    created++;
                } else {
                    assertTrue(result.text().startsWith("Already exists, with these values: quote-service (slug "
                            + "quote-service"), result.text());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, created, "one call made it, the others were told it exists");
    }
}

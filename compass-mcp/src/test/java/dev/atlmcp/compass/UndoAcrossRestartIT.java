package dev.atlmcp.compass;

import static dev.atlmcp.testing.RestartableServer.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.RestartableServer;

/** A component update made before a server restart is undone after it: the change id carries what it needs. */
class UndoAcrossRestartIT {

    @Test
    void aComponentUpdateMadeBeforeARestartIsUndoneAfterIt() throws Exception {
        try (RestartableServer server = RestartableServer.start("compass-restart")) {
            McpStreamableTestClient before = server.session();
            String original = call(before, "compass_get_component", Map.of("component", "checkout-api"));
            String updated = call(before, "compass_update_component", Map.of("component", "checkout-api",
                    "description", "Owns the order flow."));
            Matcher id = Pattern.compile("Change id: (\\S+)").matcher(updated);
            assertTrue(id.find(), updated);
            before.disconnect();

            server.restart();

            McpStreamableTestClient after = server.session();
            assertTrue(call(after, "compass_undo_change", Map.of("change_id", id.group(1))).startsWith("Done: "));
            assertEquals(Mcp.withoutNonce(original), Mcp.withoutNonce(call(after, "compass_get_component", Map.of(
                    "component", "checkout-api"))));
            after.disconnect();
        }
    }
}

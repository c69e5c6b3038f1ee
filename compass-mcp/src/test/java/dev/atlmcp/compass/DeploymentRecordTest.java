package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * compass_record_deployment: a deployment a pipeline did not report, recorded on the component and listed with its
 * events; previewed by a dry run, refused with one clear message per bad argument, and never "undone".
 */
@QuarkusTest
class DeploymentRecordTest extends SandboxReset {

    private static Mcp.Result record(Transport transport, Map<String, Object> arguments) {
        Map<String, Object> all = new HashMap<>(Map.of("component", "checkout-api", "name", "checkout-api 2.31.2",
                "url", "https://ci.acme.example/deployments/4242"));
        all.putAll(arguments);
        return call(transport, "compass_record_deployment", all);
    }

    @Test
    void aRollbackIsRecordedAndListedWithTheComponentsEvents() {
        Mcp.Result recorded = record(Transport.SSE, Map.of("state", "rolled back", "description",
                "Back to 2.31.0 after the latency alert"));
        assertFalse(recorded.isError(), recorded::text);
        assertTrue(recorded.text().startsWith("Recorded the rolled back deployment checkout-api 2.31.2 to production "
                + "on checkout-api.\nChange id: "), recorded.text());
        String events = call(Transport.STREAMABLE, "compass_get_events", Map.of("component", "checkout-api", "types",
                "deployment", "hours", 1)).text();
        assertTrue(events.contains("| deployment | checkout-api 2.31.2 | ROLLED_BACK | PRODUCTION | "
                + "https://ci.acme.example/deployments/4242 |"), events);

        String changeId = recorded.text().replaceFirst("(?s).*Change id: (\\S+).*", "$1");
        Mcp.Result undo = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", changeId));
        assertTrue(undo.isError(), undo::text);
        assertEquals("Not undone: Compass keeps the events recorded on a component and has no way to remove one, so "
                + "the deployment checkout-api 2.31.2 stays in checkout-api's activity. Nothing was changed.",
                undo
                        .text());
    }

    @Test
    void aDryRunSendsNothingAndBadArgumentsAreClear() {
        String preview = record(Transport.STREAMABLE, Map.of("dry_run", true, "environment", "staging")).text();
        assertTrue(preview.startsWith("Dry run: nothing was sent. This call would record the successful deployment "
                + "checkout-api 2.31.2 to staging on checkout-api with:\nPOST /graphql createCompassEvent"), preview);
        assertEquals("Invalid argument: state must be one of CANCELLED, FAILED, IN_PROGRESS, PENDING, ROLLED_BACK, "
                + "SUCCESSFUL, UNKNOWN, got 'done'", record(Transport.STREAMABLE, Map.of("state", "done")).text());
        assertEquals("Invalid argument: environment must be one of DEVELOPMENT, PRODUCTION, STAGING, TESTING, "
                + "UNMAPPED, got 'prod'", record(Transport.STREAMABLE, Map.of("environment", "prod")).text());
        assertEquals("Invalid argument: url must be an http or https address, got 'ci/4242'", record(
                Transport.STREAMABLE, Map.of("url", "ci/4242")).text());
        Mcp.Result elsewhere = record(Transport.STREAMABLE, Map.of("url", "https://evil.example.net/x"));
        assertTrue(elsewhere.isError() && elsewhere.text().contains("evil.example.net"), elsewhere.text());
        assertEquals(java.util.List.of("POST /gateway/api/graphql 200"), Mcp.sandbox().requests(), "only the dry "
                + "run read the component; the refused calls sent nothing");
    }
}

package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.jira.client.JiraClient;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/**
 * Code that writes to Jira without passing the write gate (no dry run, no confirmation, no policy) cannot send
 * anything: the one interceptor every Atlassian call passes refuses the write. Every write tool's own tests show that
 * each goes through the gate; this shows the gate cannot be skipped.
 */
@QuarkusTest
class WritePermitTest extends SandboxReset {

    @Inject
    @RestClient
    JiraClient client;

    @Test
    void aWriteThatSkippedTheGateIsRefusedBeforeItIsSent() {
        Mcp.sandbox().clearRequests();
        var body = JsonNodeFactory.instance.objectNode().put("body", "sent around the gate");
        Arc.container().requestContext().activate();
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> client.addComment("3",
                    "OPS-5", body));
            assertEquals("Write JiraClient.addComment was not let through by the write gate; nothing was sent",
                    refused.getMessage());
        } finally {
            Arc.container().requestContext().terminate();
        }
        assertThrows(IllegalStateException.class, () -> client.addComment("3", "OPS-5", body),
                "outside any request too");
        assertFalse(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST ")), "nothing was sent");
        assertEquals("OPS-5", client.getIssue("3", "OPS-5", "summary", null).key(), "reads need no permit");
    }
}

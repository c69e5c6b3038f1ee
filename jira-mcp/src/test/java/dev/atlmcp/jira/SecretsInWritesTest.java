package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * A secret an agent writes into Atlassian is Atlassian's to keep, but nothing this server shows or logs repeats it: not
 * the write's answer, not the caller's change list, not the audit event with its change summary.
 */
@QuarkusTest
class SecretsInWritesTest extends SandboxReset {

    private static final String SECRET = "Sup3rS3cretPw9";

    @Test
    void aSecretInAWriteIsMaskedInTheAnswerTheChangeListAndTheAuditEvent() {
        String summary = "Build log leaked DB_PASSWORD=" + SECRET + " and ghp_"
                + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        try (AuditEvents audit = AuditEvents.capture()) {
            Mcp.Result created = call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                    "Task", "summary", summary));
            assertFalse(created.isError(), created::text);
            assertFalse(created.text().contains(SECRET) || created.text().contains("ghp_a1B2"), created.text());
            assertTrue(created.text().contains("DB_PASSWORD=[masked password]"), created.text());
            String event = audit.single("jira_create_issue").encode();
            assertFalse(event.contains(SECRET) || event.contains("ghp_a1B2"), event);
            assertTrue(event.contains("[masked GitHub token]"), event);
        }
        String listed = call(Transport.SSE, "jira_list_my_agent_changes", Map.of()).text();
        assertTrue(listed.contains("DB_PASSWORD=[masked password]"), listed);
        assertFalse(listed.contains(SECRET) || listed.contains("ghp_a1B2"), listed);
    }
}

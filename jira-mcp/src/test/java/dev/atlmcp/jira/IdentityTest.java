package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** The caller is mapped to their Jira account although calls use the service account. */
@QuarkusTest
class IdentityTest extends SandboxReset {

    private static final String SERVICE = "Jira calls use the service account MCP Service Account ("
            + Directory.BOT.accountId() + "), so Jira checks its permissions, narrowed by this server's policy.\n";

    @ParameterizedTest
    @EnumSource(Transport.class)
    void whoamiMapsTheCallerByEmail(Transport transport) {
        assertEquals("# Who you are\n"
                + "Signed in as alice (subject alice-subject, jane.doe@example.com) through client test-client.\n"
                + "Jira account: Jane Doe (" + Directory.JANE.accountId() + "), found by your email\n" + SERVICE
                + "Policy: reads and writes as your token's scopes allow · at most 50 results per call.\n",
                text(call(transport, "jira_whoami", Map.of())));
    }

    @Test
    void theMappingTableWinsAndUnknownCallersAreToldWhy() {
        assertEquals("Jira account: 5b10a2844c20165700ede21g, found by the mapping table", line(Mcp.tokenFor(
                "mapped-subject", "someone@example.com")));
        assertEquals("Jira account: unknown: no single active account has your email nobody@example.com. Tools "
                + "about your own items cannot tell which are yours.",
                line(Mcp.tokenFor("carol", "nobody@example.com")));
        assertEquals("Jira account: unknown: your token has no email claim and the mapping table "
                + "(MCP_IDENTITY_ACCOUNTS) has no entry for dave. Tools about your own items cannot tell which are "
                + "yours.", line(Mcp.tokenFor("dave", null)));
    }

    @Test
    void mappingsAreRememberedSoUserSearchIsNotRepeated() {
        String first = line(Mcp.tokenFor("priya", Directory.PRIYA.email()));
        assertEquals("Jira account: Priya Nair (" + Directory.PRIYA.accountId() + "), found by your email", first);
        assertEquals(first, line(Mcp.tokenFor("priya-again", Directory.PRIYA.email())));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("GET /rest/api/3/user/search "))
                .count(), Mcp.sandbox().requests()::toString);
    }

    /** The account line of the whoami answer for a caller with this token. */
    private static String line(String token) {
        return text(call(Transport.STREAMABLE, "jira_whoami", Map.of(), Mcp.as(token))).lines().filter(l -> l
                .startsWith("Jira account:")).findFirst().orElseThrow();
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.testing.CapturedLogs;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * Per-user mode: each caller's own Atlassian token, sent in {@code X-Atlassian-User-Token}, is what Jira sees, so the
 * agent sees exactly what its user may see. Without the header nothing is sent, and the service credential (still
 * configured here) is never a fallback.
 */
@QuarkusTest
@TestProfile(PerUserCredentialsTest.PerUser.class)
class PerUserCredentialsTest extends SandboxReset {

    private static final String HEADER = "X-Atlassian-User-Token";
    private static final String BOB_SCOPED = Directory.BOB.email() + ":" + Directory.BOB.scopedToken();

    public static class PerUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(CapturedLogs.config("jira-per-user"));
            config.putAll(Map.of("atlassian.auth.mode", "per-user", "atlassian.gateway.enabled", "true",
                    "atlassian.gateway.url", "${sandbox.url}", "atlassian.cloud-id", CompassApi.CLOUD_ID));
            return config;
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void eachCallerActsWithTheirOwnRights(Transport transport) {
        Mcp.Result jane = call(transport, "jira_get_issue", Map.of("issue_key", "SEC-1"), Map.of(HEADER,
                Directory.JANE.oauthToken()));
        assertFalse(jane.isError(), () -> text(jane));
        Mcp.Result bob = call(transport, "jira_get_issue", Map.of("issue_key", "SEC-1"), Map.of(HEADER, BOB_SCOPED));
        assertTrue(bob.isError() && text(bob).startsWith("Not found"), text(bob));

        List<Sandbox.LoggedRequest> log = Mcp.sandbox().requestLog();
        assertEquals(List.of(Directory.JANE.accountId(), Directory.BOB.accountId()), log.stream().map(
                Sandbox.LoggedRequest::user).toList(), log::toString);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void withoutTheHeaderNothingIsSentAndTheCallerIsToldWhatToConfigure(Transport transport) {
        Mcp.Result result = call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        assertTrue(result.isError());
        assertEquals("This server calls Atlassian with your own Atlassian credentials, and your MCP client sent none. "
                + "Configure the client to send the header X-Atlassian-User-Token: on Cloud your-email:your-api-token "
                + "or an OAuth access token, on Data Center a personal access token. Nothing was sent to Atlassian.",
                text(result));
        assertEquals(List.of(), Mcp.sandbox().requestLog());
    }

    @Test
    void aTokenAtlassianRefusesIsTheCallersToRenew() {
        Mcp.Result result = call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"), Map.of(HEADER,
                "revoked-or-mistyped"));
        assertEquals("Atlassian did not accept the token your MCP client sent in X-Atlassian-User-Token (HTTP 401). "
                + "Check it is complete and not expired or revoked, renew it if needed, and update the client's "
                + "configuration.", text(result));
    }

    @Test
    void noCallersTokenIsLoggedAtAnyLevel() {
        assertFalse(call(Transport.SSE, "jira_search", Map.of("jql", "project = OPS"), Map.of(HEADER, BOB_SCOPED))
                .isError());
        assertFalse(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"), Map.of(HEADER,
                Directory.JANE.oauthToken())).isError());
        CapturedLogs.assertNoSecrets("jira-per-user", Directory.JANE.oauthToken(), Directory.BOB.scopedToken(),
                BOB_SCOPED);
    }

    @Test
    void whoamiNamesTheOwnerOfTheCallersToken() {
        String md = text(call(Transport.STREAMABLE, "jira_whoami", Map.of(), Map.of(HEADER, BOB_SCOPED)));
        assertTrue(md.contains("Jira account: Bob Martin (" + Directory.BOB.accountId() + "), found by the owner of "
                + "your own Atlassian token\nJira calls use your own Atlassian token, so Jira checks your "
                + "permissions.\n"), md);
    }
}

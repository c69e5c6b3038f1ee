package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.ApiGatewayProfile;
import dev.atlmcp.testing.CapturedLogs;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * A Cloud scoped API token, which Atlassian accepts only through its API gateway: every call goes to
 * {@code /ex/jira/<cloudId>}, with the cloud id read once from the site. Everything is logged, and nothing secret.
 */
@QuarkusTest
@TestProfile(ApiGatewayTest.ScopedToken.class)
class ApiGatewayTest extends SandboxReset {

    public static class ScopedToken extends ApiGatewayProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(CapturedLogs.config("jira-scoped-token"));
            config.putAll(super.getConfigOverrides());
            return config;
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void toolsReachJiraThroughTheGateway(Transport transport) {
        Mcp.Result issue = call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        assertFalse(issue.isError(), () -> text(issue));
        assertTrue(text(issue).startsWith("# OPS-1: "), text(issue));
        Mcp.Result search = call(transport, "jira_search", Map.of("jql", "project = OPS", "limit", 2));
        assertFalse(search.isError(), () -> text(search));

        List<Sandbox.LoggedRequest> log = Mcp.sandbox().requestLog();
        String jira = Sandbox.GATEWAY_JIRA;
        assertTrue(log.stream().anyMatch(r -> r.path().equals(jira + "/rest/api/3/issue/OPS-1") && r.status() == 200
                && r.user().equals(Directory.BOT.accountId())), log::toString);
        assertTrue(log.stream().anyMatch(r -> r.path().equals(jira + "/rest/api/3/search/jql") && r.status() == 200),
                log::toString);
        assertTrue(log.stream().allMatch(r -> r.path().startsWith(jira) || r.path().equals("/_edge/tenant_info")),
                log::toString);
    }

    @Test
    void assetsAreReadOnTheGatewaysOwnAssetsPath() {
        Mcp.Result asset = call(Transport.STREAMABLE, "jira_get_asset", Map.of("object", "ITA-3"));
        assertTrue(text(asset).startsWith("# ITA-3 prod-eu-app-07\nServer"), () -> text(asset));
        List<Sandbox.LoggedRequest> log = Mcp.sandbox().requestLog();
        assertTrue(log.stream().anyMatch(r -> r.path().equals(Sandbox.GATEWAY_JIRA
                + "/rest/servicedeskapi/assets/workspace") || r.path().startsWith("/jsm/assets/workspace/")),
                log::toString);
        assertTrue(log.stream().anyMatch(r -> r.path().matches("/jsm/assets/workspace/[^/]+/v1/object/3") && r
                .status() == 200), log::toString);
    }

    @Test
    void nothingSecretIsLoggedAtAnyLevelEvenWhenAtlassianRefuses() {
        assertFalse(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-2")).isError());
        Mcp.sandbox().addFault(SandboxControl.fault().put("pathPrefix", Sandbox.GATEWAY_JIRA).put("status", 401)
                .put("count", 1));
        Mcp.Result refused = call(Transport.SSE, "jira_get_issue", Map.of("issue_key", "OPS-2"));
        assertTrue(refused.isError() && text(refused).startsWith("Atlassian did not accept this server's "
                + "credentials (HTTP 401)."), text(refused));
        CapturedLogs.assertNoSecrets("jira-scoped-token", Directory.BOT.scopedToken(), Directory.BOT.email() + ":"
                + Directory.BOT.scopedToken());
    }
}

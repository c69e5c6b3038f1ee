package dev.atlmcp.jira.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.testing.ConnectBrowser;
import dev.atlmcp.testing.DelegatedReplicas;
import dev.atlmcp.testing.DelegatedServers;

/**
 * Delegated access on Jira Data Center: people connect through Jira's own OAuth 2.0 provider (an incoming application
 * link; authorization code with PKCE at {@code <base>/rest/oauth2/latest/...}), and every call goes to the site itself
 * with their own access token, refreshed through the same vault as on Cloud.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataCenterDelegatedAccessIT {

    @RegisterExtension
    static final DelegatedServers SERVERS = DelegatedServers.dataCenter("jira-mcp", Sandbox.DATACENTER_JIRA);

    private static DelegatedReplicas delegated() {
        return SERVERS.get();
    }

    @Test
    void beforeConnectingNothingIsSentAndTheLinkLeadsToJirasOwnConsent() throws Exception {
        String answer = delegated().callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key",
                "OPS-1"));
        assertTrue(answer.startsWith("This server acts in Jira as you, with your own Atlassian permissions, and you "
                + "have not connected your Atlassian account yet. Open "), answer);
        assertEquals(List.of(), delegated().dataCenterRequests(), "nothing reached Jira");
        ConnectBrowser bob = new ConnectBrowser();
        ConnectBrowser.Page connect = bob.signIn(bob.open(delegated().link(answer)), Directory.BOB);
        String continueTo = connect.document().getElementById("continue").attr("href");
        assertTrue(continueTo.startsWith(delegated().replicas().site().url() + Sandbox.DATACENTER_JIRA
                + "/rest/oauth2/latest/authorize?client_id="), continueTo);
        assertTrue(continueTo.contains("&scope=WRITE&") && continueTo.contains("&code_challenge_method=S256")
                && !continueTo.contains("audience=") && !continueTo.contains("offline_access"), continueTo);
        assertEquals("Continue to Jira", connect.document().getElementById("continue").text());
    }

    @Test
    void eachPersonActsWithTheirOwnJiraRights() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        String bobs = delegated().callText(Directory.BOB, "jira_list_projects", new JsonObject());
        String janes = delegated().callText(Directory.JANE, "jira_list_projects", new JsonObject());
        assertTrue(bobs.contains("OPS") && !bobs.contains("PAY") && !bobs.contains("SEC"), bobs);
        assertTrue(janes.contains("PAY") && janes.contains("SEC"), janes);
        String comment = delegated().callText(Directory.BOB, "jira_add_comment", new JsonObject().put("issue_key",
                "OPS-5").put("body", "Checked by Bob's agent."));
        assertTrue(comment.startsWith("Added comment "), comment);
        List<Sandbox.LoggedRequest> log = delegated().dataCenterRequests();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.BOB.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);
        assertEquals(List.of(), delegated().gatewayRequests(), "Data Center needs no gateway");
        assertTrue(delegated().auditedConnect("ok", "connected to " + delegated().replicas().site().url()
                + Sandbox.DATACENTER_JIRA + " with WRITE", Directory.BOB));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceWithTheRedirectUriTheProviderChecks() throws Exception {
        connect(Directory.BOB);
        delegated().expireAccessTokens();
        assertTrue(delegated().callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1"))
                .startsWith("# OPS-1: "));
        assertTrue(delegated().callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-2"))
                .startsWith("# OPS-2: "));
        assertEquals(1, delegated().replicas().sandbox().atlassianGrants().get("datacenter refresh_token"));
    }

    @Test
    void aRefreshTokenJiraNoLongerKnowsEndsTheConnection() throws Exception {
        connect(Directory.BOB);
        delegated().replicas().sandbox().reset();
        delegated().replicas().sandbox().registerCallbacks(List.of(delegated().replicas().publicUrl()
                + "/connect/atlassian/callback"), List.of(delegated().replicas().publicUrl() + "/connect/signed-in"));
        delegated().expireAccessTokens();
        String ended = delegated().callText(Directory.BOB, "jira_get_issue",
                new JsonObject().put("issue_key", "OPS-1"));
        assertTrue(ended.startsWith("Your Atlassian connection for Jira has ended"), ended);
        assertEquals(0, delegated().grants());
    }

    @Test
    void disconnectingDeletesTheGrantAndSaysWhereToRevokeIt() throws Exception {
        connect(Directory.BOB);
        String answer = delegated().callText(Directory.BOB, "jira_disconnect_atlassian", new JsonObject());
        assertTrue(answer.startsWith("Disconnected: this server deleted your Atlassian grant for Jira.") && answer
                .endsWith("To withdraw the grant in Jira too, revoke this server's access in your Jira profile, under "
                        + "the applications you authorized (or ask a Jira administrator)."),
                answer);
        assertEquals(0, delegated().grants());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        delegated().assertNoSecretInLogs("jira_get_issue");
    }

    private static void connect(SandboxUser person) throws Exception {
        delegated().connect(person, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1"), "Jira");
    }
}

package dev.atlmcp.jira.delegated;

import static dev.atlmcp.testing.DelegatedReplicas.args;
import static dev.atlmcp.testing.DelegatedReplicas.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.testing.ConnectBrowser;
import dev.atlmcp.testing.DelegatedReplicas;
import dev.atlmcp.testing.DelegatedReplicas.ToolCall;
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

    /** No tool needs a service credential: each one, called once as Jane, reaches Jira only as Jane. */
    @Test
    void everyToolWorksAsThePerson() throws Exception {
        connect(Directory.JANE);
        List<ToolCall> calls = List.of(
                ToolCall.of("jira_get_issue", args("issue_key", "OPS-1")),
                ToolCall.of("jira_search", args("jql", "project = OPS ORDER BY key ASC").put("limit", 2)),
                ToolCall.of("jira_whoami", new JsonObject()),
                ToolCall.of("jira_list_projects", new JsonObject()),
                ToolCall.of("jira_get_project", args("project", "OPS")),
                ToolCall.of("jira_list_boards", args("project", "OPS")),
                ToolCall.of("jira_list_sprints", args("board_id", "1")),
                ToolCall.of("jira_get_sprint_issues", args("sprint_id", "11")),
                ToolCall.of("jira_move_to_sprint", args("sprint_id", "12").put("issue_keys", new JsonArray().add(
                        "OPS-6"))),
                ToolCall.of("jira_add_watcher", args("issue_key", "OPS-5").put("person", "bmartin")),
                ToolCall.of("jira_add_worklog", args("issue_key", "OPS-5").put("time_spent", "15m")),
                ToolCall.of("jira_add_remote_link", args("issue_key", "OPS-5").put("url", "https://example.com/dc")
                        .put("title", "Data Center check")),
                ToolCall.of("jira_add_attachment", args("issue_key", "OPS-5").put("filename", "dc.txt").put("text",
                        "as Jane")),
                ToolCall.of("jira_list_versions", args("project", "OPS")),
                ToolCall.of("jira_get_development_info", args("issue_key", "OPS-1")),
                ToolCall.of("jira_create_version", args("project", "OPS").put("name", "dc check")),
                ToolCall.after("jira_undo_change", seen -> args("change_id", first("Change id: (\\S+)", seen.get(
                        "jira_create_version")))),
                ToolCall.of("jira_search_assets", args("aql", "objectType = Service")),
                ToolCall.of("jira_get_asset", args("object", "ITA-1")),
                ToolCall.of("jira_get_issue_assets", args("issue_key", "OPS-1")),
                ToolCall.of("jira_list_service_desks", new JsonObject()),
                ToolCall.of("jira_get_request_types", args("service_desk", "HELP")),
                ToolCall.of("jira_get_queue", args("service_desk", "HELP")),
                ToolCall.of("jira_get_request", args("issue_key", "HELP-1")),
                ToolCall.of("jira_create_request", args("service_desk", "HELP").put("request_type", "Get IT help").put(
                        "summary", "Raised as Jane")),
                ToolCall.of("jira_add_request_comment", args("issue_key", "HELP-1").put("body", "Noted as Jane.").put(
                        "visibility", "internal")),
                ToolCall.of("jira_get_release_notes", args("project", "PAY").put("version", "settlement-job 4.12.0")),
                ToolCall.of("jira_search_fields", args("query", "story points")),
                ToolCall.of("jira_get_create_fields", args("project", "OPS").put("issue_type", "Task")),
                ToolCall.of("jira_assign_issue", args("issue_key", "OPS-7").put("assignee", "jdoe")),
                ToolCall.of("jira_get_attachments", args("issue_key", "OPS-1")),
                ToolCall.after("jira_read_attachment", seen -> args("issue_key", "OPS-1").put("attachment_id",
                        first("\\| (\\d+) \\| checkout-errors\\.csv \\|", seen.get("jira_get_attachments")))),
                ToolCall.of("jira_get_changelog", args("issue_key", "OPS-1")),
                ToolCall.of("jira_get_comments", args("issue_key", "OPS-1").put("limit", 2)),
                ToolCall.of("jira_find_users", args("query", "jane")),
                ToolCall.of("jira_add_comment", args("issue_key", "OPS-5").put("body", "Checked as Jane.")),
                ToolCall.after("jira_edit_comment", seen -> args("issue_key", "OPS-5").put("comment_id", first(
                        "^Added comment (\\d+)", seen.get("jira_add_comment")))
                        .put("body", "Checked as Jane, edited.")),
                ToolCall.of("jira_create_issue", args("project", "OPS").put("issue_type", "Task").put("summary",
                        "Data Center check")),
                ToolCall.of("jira_create_issues", args("project", "OPS").put("issue_type", "Task").put("issues",
                        new JsonArray().add(args("summary", "Data Center batch item")))),
                ToolCall.of("jira_update_issue", args("issue_key", "OPS-7").put("labels_add", new JsonArray().add(
                        "checked"))),
                ToolCall.of("jira_list_my_agent_changes", new JsonObject()),
                ToolCall.after("jira_undo_change", seen -> args("change_id", first("Change id: (\\S+)", seen.get(
                        "jira_update_issue")))),
                ToolCall.of("jira_get_transitions", args("issue_key", "OPS-7")),
                ToolCall.of("jira_list_link_types", new JsonObject()),
                ToolCall.of("jira_link_issues", args("issue_key", "OPS-5").put("relation", "relates to").put(
                        "other_issue_key", "OPS-6")),
                ToolCall.of("jira_transition_issue", args("issue_key", "OPS-7").put("transition", "In Progress")),
                ToolCall.of("jira_disconnect_atlassian", new JsonObject()));
        delegated().callEveryTool(Directory.JANE, calls);
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

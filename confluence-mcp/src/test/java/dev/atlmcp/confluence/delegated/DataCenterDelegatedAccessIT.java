package dev.atlmcp.confluence.delegated;

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
import dev.atlmcp.testing.DelegatedReplicas;
import dev.atlmcp.testing.DelegatedReplicas.ToolCall;
import dev.atlmcp.testing.DelegatedServers;

/**
 * Delegated access on Confluence Data Center: people connect through Confluence's own OAuth 2.0 provider, and every
 * call goes to the site with their own access token and rights.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataCenterDelegatedAccessIT {

    @RegisterExtension
    static final DelegatedServers SERVERS = DelegatedServers.dataCenter("confluence-mcp",
            Sandbox.DATACENTER_CONFLUENCE);

    private static DelegatedReplicas delegated() {
        return SERVERS.get();
    }

    @Test
    void eachPersonActsWithTheirOwnConfluenceRights() throws Exception {
        String before = delegated().callText(Directory.BOB, "confluence_list_spaces", new JsonObject());
        assertTrue(before.contains("have not connected"), before);
        assertEquals(List.of(), delegated().dataCenterRequests(), "nothing reached Confluence");
        connect(Directory.BOB);
        connect(Directory.JANE);
        String bobs = delegated().callText(Directory.BOB, "confluence_list_spaces", new JsonObject());
        String janes = delegated().callText(Directory.JANE, "confluence_list_spaces", new JsonObject());
        assertTrue(bobs.contains("| OPS |") && !bobs.contains("| PAY |") && !bobs.contains("| HR |"), bobs);
        assertTrue(janes.contains("| PAY |") && janes.contains("| HR |"), janes);
        String comment = delegated().callText(Directory.BOB, "confluence_add_comment", new JsonObject().put("page_id",
                "131075").put("body", "Checked by Bob's agent."));
        assertTrue(comment.startsWith("Added comment "), comment);
        List<Sandbox.LoggedRequest> log = delegated().dataCenterRequests();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.BOB.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);

        delegated().expireAccessTokens();
        assertTrue(delegated().callText(Directory.JANE, "confluence_get_page", new JsonObject().put("page_id",
                "65537")).startsWith("# Engineering Home"));
        assertEquals(1, delegated().replicas().sandbox().atlassianGrants().get("datacenter refresh_token"));
        assertTrue(delegated().callText(Directory.BOB, "confluence_disconnect_atlassian", new JsonObject()).startsWith(
                "Disconnected: "));
        assertEquals(1, delegated().grants(), "Jane's grant stays");
    }

    /** No tool needs a service credential: each one, called once as Jane, reaches Confluence only as Jane. */
    @Test
    void everyToolWorksAsThePerson() throws Exception {
        connect(Directory.JANE);
        List<ToolCall> calls = List.of(
                ToolCall.of("confluence_get_page", args("page_id", "131075")),
                ToolCall.of("confluence_search", args("query", "settlement").put("space", "OPS")),
                ToolCall.of("confluence_whoami", new JsonObject()),
                ToolCall.of("confluence_add_comment", args("page_id", "131075").put("body", "Checked as Jane.")),
                ToolCall.of("confluence_list_my_agent_changes", new JsonObject()),
                ToolCall.after("confluence_undo_change", seen -> args("change_id", first("Change id: (\\S+)",
                        seen.get("confluence_add_comment")))),
                ToolCall.of("confluence_update_section", args("page_id", "131079").put("heading", "Steps").put("body",
                        "1. Drain the queue\n2. Restart")),
                ToolCall.of("confluence_append_to_page", args("page_id", "131079").put("body", "Checked as Jane.")),
                ToolCall.of("confluence_get_page", args("page_id", "131076")),
                ToolCall.after("confluence_update_page", seen -> args("page_id", "131076").put("body",
                        "Rewritten as Jane.").put("version",
                                Integer.parseInt(first(" · version (\\d+)", seen.get(
                                        "confluence_get_page"))))),
                ToolCall.of("confluence_list_spaces", new JsonObject()),
                ToolCall.of("confluence_get_space", args("space", "OPS")),
                ToolCall.of("confluence_get_page_tree", args("page_id", "131074").put("depth", 1)),
                ToolCall.of("confluence_create_page", args("space", "OPS").put("title", "Data Center check").put(
                        "body", "Created as Jane.").put("parent_id", "131074")),
                ToolCall.of("confluence_add_labels", args("page_id", "131076").put("labels", new JsonArray().add(
                        "checked"))),
                ToolCall.of("confluence_get_labels", args("page_id", "131076")),
                ToolCall.of("confluence_get_page_versions", args("page_id", "131075")),
                ToolCall.of("confluence_get_page_diff", args("page_id", "131075").put("from_version", 1).put(
                        "to_version", 2)),
                ToolCall.of("confluence_get_comments", args("page_id", "131077")),
                ToolCall.refused("confluence_add_inline_comment", args("page_id", "131076").put("selection",
                        "last run").put("body", "Which run?")),
                ToolCall.of("confluence_get_attachments", args("page_id", "131079")),
                ToolCall.of("confluence_read_attachment", args("page_id", "131079").put("attachment_id",
                        "consumer-lag.csv")),
                ToolCall.of("confluence_add_attachment", args("page_id", "131079").put("filename", "dc.txt").put(
                        "text", "as Jane")),
                ToolCall.of("confluence_find_users", args("query", "mart")),
                ToolCall.of("confluence_get_blog_post", args("blog_post_id", "131090")),
                ToolCall.of("confluence_get_page_restrictions", args("page_id", "131075")),
                ToolCall.of("confluence_move_page", args("page_id", "131078").put("parent_id", "131077")),
                ToolCall.after("confluence_undo_change", seen -> args("change_id", first("Change id: (\\S+)",
                        seen.get("confluence_move_page")))),
                ToolCall.refused("confluence_copy_page", args("page_id", "131078").put("parent_id", "131073")),
                ToolCall.of("confluence_disconnect_atlassian", new JsonObject()));
        delegated().callEveryTool(Directory.JANE, calls);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        delegated().assertNoSecretInLogs("confluence_");
    }

    private static void connect(SandboxUser person) throws Exception {
        delegated().connect(person, "confluence_get_page", new JsonObject().put("page_id", "65537"), "Confluence");
    }
}

package dev.atlmcp.confluence.delegated;

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
import dev.atlmcp.testing.ConnectBrowser;
import dev.atlmcp.testing.DelegatedReplicas;
import dev.atlmcp.testing.DelegatedServers;

/**
 * Delegated access for Confluence Cloud: two confluence-mcp replicas share a real PostgreSQL vault; people connect
 * their own Atlassian accounts and every call goes through Atlassian's gateway ({@code /ex/confluence/<cloudId>}) with
 * their own token and rights.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegatedAccessIT {

    @RegisterExtension
    static final DelegatedServers SERVERS = DelegatedServers.cloud("confluence-mcp");

    private static DelegatedReplicas delegated() {
        return SERVERS.get();
    }

    @Test
    void beforeConnectingNothingIsSentAndThePersonGetsALinkOnlyTheyCanUse() throws Exception {
        String answer = delegated().callText(Directory.BOB, "confluence_get_page", new JsonObject().put("page_id",
                "131075"));
        assertTrue(answer.startsWith("This server acts in Confluence as you, with your own Atlassian permissions, "
                + "and you have not connected your Atlassian account yet. Open " + delegated().replicas().publicUrl()
                + "/connect/atlassian?link="), answer);
        assertEquals(List.of(), delegated().gatewayRequests(), "nothing reached Atlassian");
        ConnectBrowser.Page refused = new ConnectBrowser().connect(delegated().link(answer), Directory.JANE,
                Directory.JANE);
        assertEquals(403, refused.status(), refused.text());
        assertEquals(0, delegated().grants());
    }

    @Test
    void eachPersonActsWithTheirOwnConfluenceRights() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        String bobs = delegated().callText(Directory.BOB, "confluence_list_spaces", new JsonObject());
        String janes = delegated().callText(Directory.JANE, "confluence_list_spaces", new JsonObject());
        assertTrue(bobs.contains("| OPS |") && !bobs.contains("| PAY |") && !bobs.contains("| HR |"), bobs);
        assertTrue(janes.contains("| PAY |") && janes.contains("| HR |"), janes);
        String hidden = delegated().callText(Directory.BOB, "confluence_search", new JsonObject().put("query",
                "settlement"));
        assertFalse(hidden.contains("| PAY |"), "Bob's search does not reach the Payments space: " + hidden);

        List<Sandbox.LoggedRequest> log = delegated().replicas().site().requests().stream().filter(r -> r.path()
                .startsWith("/ex/")).toList();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.path().startsWith(Sandbox.GATEWAY_CONFLUENCE + "/wiki/")),
                "every call through the gateway's Confluence prefix: " + log);
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.BOB.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);

        String comment = delegated().callText(Directory.BOB, "confluence_add_comment", new JsonObject().put("page_id",
                "131075").put("body", "Checked by Bob's agent."));
        assertTrue(comment.startsWith("Added comment "), comment);
        assertTrue(delegated().replicas().site().requests().stream().anyMatch(r -> r.method().equals("POST") && r
                .path().endsWith("/footer-comments") && r.user().equals(Directory.BOB.accountId())),
                "the comment was written as Bob");
        String attachment = delegated().callText(Directory.BOB, "confluence_get_attachments", new JsonObject().put(
                "page_id", "131075"));
        assertFalse(attachment.startsWith("This server acts"), attachment);
        String whoami = delegated().callText(Directory.BOB, "confluence_whoami", new JsonObject());
        assertTrue(whoami.contains(Directory.BOB.accountId()) && whoami.contains(
                "calls use the Atlassian account you connected"), whoami);
    }

    @Test
    void disconnectingDeletesOnlyThisProductsGrant() throws Exception {
        connect(Directory.BOB);
        assertEquals(1, delegated().grants());
        String answer = delegated().callText(Directory.BOB, "confluence_disconnect_atlassian", new JsonObject());
        assertTrue(answer.startsWith("Disconnected: this server deleted your Atlassian grant for Confluence."),
                answer);
        assertEquals(0, delegated().grants());
        assertTrue(delegated().callText(Directory.BOB, "confluence_get_page", new JsonObject().put("page_id", "131075"))
                .contains("have not connected"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        delegated().assertNoSecretInLogs("confluence_get_page");
    }

    private static void connect(dev.atlmcp.sandbox.SandboxUser person) throws Exception {
        delegated().connect(person, "confluence_get_page", new JsonObject().put("page_id", "65537"), "Confluence");
    }
}

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
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.testing.DelegatedReplicas;
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

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        delegated().assertNoSecretInLogs("confluence_");
    }

    private static void connect(SandboxUser person) throws Exception {
        delegated().connect(person, "confluence_get_page", new JsonObject().put("page_id", "65537"), "Confluence");
    }
}

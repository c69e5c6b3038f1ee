package dev.atlmcp.compass.delegated;

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
 * Delegated access for Compass: two compass-mcp replicas share a real PostgreSQL vault; people connect their own
 * Atlassian accounts and every GraphQL call goes to Atlassian's gateway ({@code /graphql}) with their own token, so "my
 * components" are theirs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegatedAccessIT {

    @RegisterExtension
    static final DelegatedServers SERVERS = DelegatedServers.cloud("compass-mcp");

    private static DelegatedReplicas delegated() {
        return SERVERS.get();
    }

    @Test
    void beforeConnectingNothingIsSentAndThePersonGetsALink() throws Exception {
        String answer = delegated().callText(Directory.PRIYA, "compass_search_components", new JsonObject().put("query",
                "payments"));
        assertTrue(answer.startsWith("This server acts in Compass as you, with your own Atlassian permissions, and "
                + "you have not connected your Atlassian account yet. Open " + delegated().replicas().publicUrl()
                + "/connect/atlassian?link="), answer);
        assertEquals(List.of(), delegated().gatewayRequests(), "nothing reached Atlassian");
    }

    @Test
    void myComponentsAreThoseOfTheConnectedPersonsTeams() throws Exception {
        connect(Directory.PRIYA);
        connect(Directory.JANE);
        String priya = delegated().callText(Directory.PRIYA, "compass_my_components",
                new JsonObject().put("limit", 50));
        assertTrue(priya.contains("| payments-api |") && priya.contains("| data-warehouse |"), priya);
        assertFalse(priya.contains("| checkout-api |"), priya);
        String jane = delegated().callText(Directory.JANE, "compass_my_components", new JsonObject().put("limit", 50));
        assertTrue(jane.contains("| checkout-api |"), jane);

        List<Sandbox.LoggedRequest> log = delegated().replicas().site().requests().stream().filter(r -> r.path()
                .startsWith("/graphql")).toList();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.PRIYA.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);
        assertTrue(delegated().replicas().site().requests().stream().noneMatch(r -> r.path().startsWith(
                "/gateway/api/")), "nothing through the site's own gateway path with a service credential");
    }

    @Test
    void disconnectingDeletesTheGrant() throws Exception {
        connect(Directory.PRIYA);
        String answer = delegated().callText(Directory.PRIYA, "compass_disconnect_atlassian", new JsonObject());
        assertTrue(answer.startsWith("Disconnected: this server deleted your Atlassian grant for Compass."), answer);
        assertEquals(0, delegated().grants());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        delegated().assertNoSecretInLogs("compass_");
    }

    private static void connect(SandboxUser person) throws Exception {
        delegated().connect(person, "compass_search_components", new JsonObject().put("query", "payments"), "Compass");
    }
}

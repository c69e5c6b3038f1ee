package dev.atlmcp.jira.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.testing.ConnectBrowser;
import dev.atlmcp.testing.DelegatedReplicas;
import dev.atlmcp.testing.DelegatedServers;
import dev.atlmcp.testing.ReplicaRoundRobin;
import dev.atlmcp.testing.ServerProcess;
import dev.atlmcp.testing.SseMcpClient;

/**
 * Delegated access end to end: two jira-mcp replicas behind a balancer share a real PostgreSQL vault; people connect
 * their own Atlassian accounts through the connect pages (sign-in at the identity provider, Atlassian's consent) and
 * every call then acts as them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegatedAccessIT {

    @RegisterExtension
    static final DelegatedServers SERVERS = DelegatedServers.cloud("jira-mcp");

    private static DelegatedReplicas delegated() {
        return SERVERS.get();
    }

    private static ReplicaRoundRobin replicas() {
        return SERVERS.get().replicas();
    }

    @Test
    void beforeConnectingNothingIsSentAndThePersonGetsALinkOnlyTheyCanUse() throws Exception {
        String answer = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1"));
        assertTrue(answer.startsWith("This server acts in Jira as you, with your own Atlassian permissions, and you "
                + "have not connected your Atlassian account yet. Open " + replicas().publicUrl()
                + "/connect/atlassian?link="), answer);
        assertEquals(List.of(), delegated().gatewayRequests(), "nothing reached Atlassian");

        ConnectBrowser jane = new ConnectBrowser();
        ConnectBrowser.Page refused = jane.connect(link(answer), Directory.JANE, Directory.JANE);
        assertEquals(403, refused.status(), refused.text());
        assertEquals("This link was made for someone else", refused.title());
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1")).contains(
                "have not connected"), "Jane's attempt connected nobody");
        assertTrue(delegated().auditedConnect("denied",
                "a connect link opened by someone other than the person it was made for",
                Directory.JANE), "the refusal is audited with who tried");
    }

    @Test
    void eachPersonActsWithTheirOwnAtlassianRights() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        String bobs = callText(Directory.BOB, "jira_list_projects", new JsonObject());
        String janes = callText(Directory.JANE, "jira_list_projects", new JsonObject());
        assertTrue(bobs.contains("OPS") && !bobs.contains("PAY") && !bobs.contains("SEC"), bobs);
        assertTrue(janes.contains("PAY") && janes.contains("SEC"), janes);
        List<Sandbox.LoggedRequest> log = replicas().site().requests().stream().filter(r -> r.path().startsWith(
                "/ex/")).toList();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.BOB.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);
        assertTrue(delegated().auditedConnect("ok", "connected to " + replicas().site().url(), Directory.BOB),
                "connecting is audited");
        String comment = callText(Directory.BOB, "jira_add_comment", new JsonObject().put("issue_key", "OPS-5").put(
                "body", "Checked by Bob's agent."));
        assertTrue(comment.startsWith("Added comment ") && comment.contains(Directory.BOB.displayName()), comment);
        assertTrue(delegated().logged("\"atlassianAccount\":\"" + Directory.BOB.accountId() + "\"", "jira_add_comment"),
                "the write's audit event names Bob's Atlassian account");
        String whoami = callText(Directory.BOB, "jira_whoami", new JsonObject());
        assertTrue(whoami.contains(Directory.BOB.accountId()) && whoami.contains(
                "calls use the Atlassian account you connected"), whoami);
    }

    @Test
    void aRefreshHappensOnceWhenManyCallsOnBothReplicasNeedItAtOnce() throws Exception {
        connect(Directory.BOB);
        delegated().expireAccessTokens();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(callers.submit(() -> callText(Directory.BOB, "jira_get_issue", new JsonObject().put(
                        "issue_key", "WEB-1"))));
            }
            for (Future<String> answer : answers) {
                assertTrue(answer.get().startsWith("# WEB-1: "), answer.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, replicas().sandbox().atlassianGrants().get("refresh_token"), "one refresh for all 24 calls");
        replicas().assertBothReplicasServed(24);
    }

    @Test
    void aLostAnswerFromAtlassiansTokenEndpointLosesNothing() throws Exception {
        connect(Directory.BOB);
        delegated().expireAccessTokens();
        replicas().sandbox().addFault(dropTokenAnswer());
        String lost = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        assertEquals("Atlassian's authorization server did not renew your access just now. Nothing was sent to "
                + "Atlassian and your connection is kept. Try again in a minute.", lost);
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).startsWith(
                "# WEB-1: "), "the refresh token Atlassian had already replaced still worked within its reuse window");
        assertEquals(2, replicas().sandbox().atlassianGrants().get("refresh_token"));
    }

    @Test
    void pastTheReuseWindowOrAfterNinetyDaysThePersonConnectsAgain() throws Exception {
        connect(Directory.BOB);
        replicas().sandbox().atlassianTokens(java.time.Duration.ofHours(1), java.time.Duration.ZERO,
                java.time.Duration.ZERO);
        delegated().expireAccessTokens();
        replicas().sandbox().addFault(dropTokenAnswer());
        callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        String ended = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        assertTrue(ended.startsWith("Your Atlassian connection for Jira has ended (it expired, was revoked in your "
                + "Atlassian account, or was replaced), so this server cannot act as you any more. Open "), ended);
        assertEquals(0, delegated().grants(), "the dead grant is gone");

        connect(Directory.BOB);
        replicas().sandbox().atlassianTokens(java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(10),
                java.time.Duration.ofDays(91));
        delegated().expireAccessTokens();
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).contains(
                "has ended"), "90 days unused");
    }

    @Test
    void disconnectingDeletesTheGrantAndSaysWhereToRemoveTheApp() throws Exception {
        connect(Directory.BOB);
        String answer = callText(Directory.BOB, "jira_disconnect_atlassian", new JsonObject());
        assertEquals("Disconnected: this server deleted your Atlassian grant for Jira. Agents using this server "
                + "cannot act in Jira as you any more; a new call asks you to connect again. Atlassian lets apps "
                + "delete their copy but not revoke a grant, so to withdraw it completely remove the app under "
                + "Connected apps in your Atlassian account (https://id.atlassian.com/manage-profile/apps).", answer);
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).contains(
                "have not connected"));
        assertTrue(callText(Directory.BOB, "jira_disconnect_atlassian", new JsonObject()).startsWith(
                "You were not connected"));
    }

    @Test
    void whileTheDatabaseIsDownCallsFailRetryablyAndAfterwardsEverythingWorks() throws Exception {
        connect(Directory.BOB);
        delegated().database().available(false);
        try {
            int before = delegated().gatewayRequests().size();
            String down = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
            assertEquals("This server cannot reach its token store right now, so it cannot act as you. Nothing was "
                    + "sent to Atlassian and your connection is kept. Try again in a minute; if it persists, tell the "
                    + "server's operator.", down);
            assertEquals(before, delegated().gatewayRequests().size());
            for (int i = 0; i < 2; i++) {
                callText(replicas().replica(i), Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key",
                        "WEB-1"));
                HttpResponse<String> ready = HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(replicas().replica(i)
                                .resolve("/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), "a database outage never takes a replica out: " + ready.body());
                assertTrue(ready.body().contains("\"tokenVault\": \"unreachable\""), ready.body());
            }
        } finally {
            delegated().database().available(true);
        }
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).startsWith(
                "# WEB-1: "), "no restart, no new connection");
    }

    @Test
    void aGrantCopiedIntoAnotherPersonsRowDoesNotOpen() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        delegated().database().execute("update atlassian_grant a set sealed = b.sealed from atlassian_grant b "
                + "where a.person <> b.person");
        int before = delegated().gatewayRequests().size();
        String bob = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "SEC-1"));
        assertTrue(bob.contains("has ended"), bob);
        assertEquals(before, delegated().gatewayRequests().size(), "nothing sent with Jane's token");
    }

    @Test
    void aLinkIsUsedOnceAndAConsentCompletesOnlyInTheBrowserThatStartedIt() throws Exception {
        String link = link(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")));
        ConnectBrowser bob = new ConnectBrowser();
        ConnectBrowser.Page consent = bob.click(bob.signIn(bob.open(link), Directory.BOB), "continue");
        ConnectBrowser.Page callback = bob.submit(consent, Map.of("email", Directory.BOB.email(), "password",
                Directory.BOB.password(), "decision", "accept"));
        assertEquals("Jira is connected", callback.title(), callback.text());
        String callbackUrl = callback.url().toString();
        ConnectBrowser.Page replay = bob.open(callbackUrl);
        assertEquals(400, replay.status(), "a completed consent does not complete again");
        ConnectBrowser.Page again = bob.open(link);
        assertEquals(410, again.status(), "a link that was used does not start another consent");

        delegated().database().execute("delete from atlassian_grant");
        String janesLink = link(callText(Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")));
        ConnectBrowser jane = new ConnectBrowser();
        ConnectBrowser.Page janesConsent = jane.click(jane.signIn(jane.open(janesLink), Directory.JANE), "continue");
        URI janesCallback = consentRedirect(janesConsent, Directory.JANE);
        ConnectBrowser.Page planted = bob.open(janesCallback.toString());
        assertEquals(403, planted.status(), "Jane's consent completed in Bob's browser would give Bob Jane's rights");
        assertEquals(0, delegated().grants());
    }

    @Test
    void aClientThatSupportsUrlElicitationGetsTheLinkAsAnElicitation() throws Exception {
        URI replica = replicas().replica(0);
        String token = replicas().token(Directory.BOB);
        String session = delegated().initialize(replica, token, new JsonObject().put("elicitation", new JsonObject()
                .put("url", new JsonObject())));
        JsonObject error = DelegatedReplicas.message(delegated().post(replica, token, session, new JsonObject().put(
                "jsonrpc", "2.0").put("id", 2).put("method", "tools/call").put("params", new JsonObject().put("name",
                        "jira_get_issue").put("arguments", new JsonObject().put("issue_key", "WEB-1"))))
                .body())
                .getJsonObject("error");
        assertEquals(-32042, error.getInteger("code"), error::encode);
        JsonObject elicitation = error.getJsonObject("data").getJsonArray("elicitations").getJsonObject(0);
        assertEquals("url", elicitation.getString("mode"), error::encode);
        assertTrue(elicitation.getString("url").startsWith(replicas().publicUrl() + "/connect/atlassian?link="));
        assertEquals(200, new ConnectBrowser().connect(elicitation.getString("url"), Directory.BOB, Directory.BOB)
                .status());
    }

    @Test
    void overLegacySseTooThePersonIsAskedToConnectAndThenActsAsThemselves() throws Exception {
        try (SseMcpClient sse = new SseMcpClient(replicas().replica(1), replicas().token(Directory.PRIYA))) {
            JsonObject first = sse.callTool("jira_get_issue", Map.of("issue_key", "PAY-1")).getJsonObject("result");
            String text = first.getJsonArray("content").getJsonObject(0).getString("text");
            assertTrue(first.getBoolean("isError") && text.contains("have not connected"), text);
            assertEquals(200, new ConnectBrowser().connect(link(text), Directory.PRIYA, Directory.PRIYA).status());
            JsonObject second = sse.callTool("jira_get_issue", Map.of("issue_key", "PAY-1")).getJsonObject("result");
            assertFalse(second.getBoolean("isError", false), second::encode);
        }
    }

    @Test
    void withoutItsDatabaseOrKeysTheServerDoesNotStartAndSaysWhatIsMissing() throws Exception {
        Map<String, String> settings = delegated().resolvedSettings();
        Map<String, String> noVault = new HashMap<>(settings);
        noVault.remove("QUARKUS_DATASOURCE_JDBC_URL");
        noVault.remove("MCP_VAULT_KEYS");
        Map<String, String> unreachable = new HashMap<>(settings);
        unreachable.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + ServerProcess
                .freePort() + "/vault");
        Process first = ServerProcess.start(replicas().site(), ServerProcess
                .freePort(), "http://localhost:1", "delegated-no-vault", noVault);
        Process second = ServerProcess.start(replicas().site(), ServerProcess
                .freePort(), "http://localhost:1", "delegated-unreachable-vault", unreachable);
        assertTrue(first.waitFor(60, TimeUnit.SECONDS) && first.exitValue() != 0);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS) && second.exitValue() != 0);
        String missing = Files.readString(Path.of("target", "delegated-no-vault.log"));
        assertTrue(missing.contains("Configuration error: quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) "
                + "is required with atlassian.auth.mode=oauth"), missing);
        assertTrue(missing.contains("Configuration error: mcp.vault.keys (MCP_VAULT_KEYS) is required"), missing);
        String down = Files.readString(Path.of("target", "delegated-unreachable-vault.log"));
        assertTrue(down.contains("Cannot prepare the token vault in the database at QUARKUS_DATASOURCE_JDBC_URL: "),
                down);
    }

    @Test
    void aGrantWithoutAScopeTheServerNowAsksForLeadsToConnectingAgainNotToAtlassiansRefusal() throws Exception {
        connect(Directory.JANE);
        Map<String, String> settings = new HashMap<>(delegated().resolvedSettings());
        settings.put("ATLASSIAN_OAUTH_SCOPES", "read:jira-work write:jira-work read:jira-user "
                + "read:board-scope:jira-software write:board-scope:jira-software read:project:jira "
                + "read:sprint:jira-software write:sprint:jira-software read:issue-details:jira read:jql:jira "
                + "read:issue:jira-software read:servicedesk-request write:servicedesk-request "
                + "read:servicemanagement-insight-objects read:cmdb-object:jira read:cmdb-type:jira "
                + "read:cmdb-attribute:jira read:project-version:jira write:project-version:jira "
                + "delete:project-version:jira manage:jira-webhook");
        int port = ServerProcess.freePort();
        Process upgraded = ServerProcess.start(replicas().site(), port, replicas().publicUrl(), "delegated-more-scopes",
                settings);
        try {
            URI direct = URI.create("http://127.0.0.1:" + port);
            ServerProcess.awaitHealthy(direct);
            int before = delegated().gatewayRequests().size();
            String answer = callText(direct, Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key",
                    "WEB-1"));
            assertTrue(answer.startsWith("This server now needs more access in Jira than you granted when you "
                    + "connected (manage:jira-webhook), after an upgrade or a change of its settings; connect again to "
                    + "grant it. Open " + replicas().publicUrl() + "/connect/atlassian?link="), answer);
            assertEquals(before, delegated().gatewayRequests().size(), "nothing reached Atlassian");
        } finally {
            upgraded.destroy();
        }
        assertTrue(callText(Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"))
                .startsWith("# WEB-1: "), "the replicas that ask for what Jane granted still act as her");
    }

    @Test
    void aSignInWithoutThePersonClaimIsToldWhatIsMissing() throws Exception {
        Map<String, String> settings = new HashMap<>(delegated().resolvedSettings());
        settings.put("MCP_IDENTITY_PERSON_CLAIM", "oid");
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(replicas().site(), port, replicas().publicUrl(),
                "delegated-person-claim", settings);
        try {
            URI direct = URI.create("http://127.0.0.1:" + port);
            ServerProcess.awaitHealthy(direct);
            String answer = callText(direct, Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key",
                    "WEB-1"));
            assertEquals("Your sign-in has no 'oid' claim, which this server uses to tell people apart for their "
                    + "Atlassian connections (MCP_IDENTITY_PERSON_CLAIM); nothing was sent to Atlassian. Tell the "
                    + "server's operator.", answer);
        } finally {
            server.destroy();
        }
    }

    @Test
    void anAdministratorListsWhoConnectedAndRevokesAPersonsGrantsForEveryProduct() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        // Bob's grant for another product in the same vault (sealed for Jira, so only its row matters here)
        delegated().database().execute("insert into atlassian_grant select person, 'confluence', key_id, sealed, "
                + "access_expires_at, connected_at, refreshed_at, last_used_at from atlassian_grant where person = ("
                + "select person from atlassian_grant where product = 'jira' order by connected_at limit 1)");

        assertEquals(401, delegated().admin("GET", "/admin/grants", null).statusCode());
        HttpResponse<String> notAdmin = delegated().admin("GET", "/admin/grants", replicas().token(Directory.JANE));
        assertEquals(403, notAdmin.statusCode(), notAdmin.body());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"jira:admin\"", notAdmin.headers().firstValue(
                "WWW-Authenticate").orElse(""));
        assertTrue(delegated().logged("\"event\":\"vault-admin\"", "\"outcome\":\"denied\"", "\"subject\":\""
                + Directory.JANE.accountId() + "\""), "the refused request is audited");

        String admin = delegated().adminToken(Directory.PRIYA);
        HttpResponse<String> listed = delegated().admin("GET", "/admin/grants", admin);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject listing = new JsonObject(listed.body());
        List<String> who = listing.getJsonArray("grants").stream().map(g -> ((JsonObject) g).getString("product")
                + " " + ((JsonObject) g).getString("subject")).sorted().toList();
        assertEquals(List.of("confluence null", "jira " + Directory.BOB.accountId(), "jira " + Directory.JANE
                .accountId()), who, listed.body());
        JsonObject bobs = listing.getJsonArray("grants").stream().map(JsonObject.class::cast).filter(g -> Directory.BOB
                .accountId().equals(g.getString("subject"))).findFirst().orElseThrow();
        assertEquals(CompassApi.CLOUD_ID, bobs.getString("cloudId"));
        assertTrue(bobs.getString("scopes").contains("read:jira-work") && bobs.containsKey("connectedAt") && bobs
                .containsKey("lastUsedAt"), bobs::encode);
        for (String secret : delegated().secrets()) {
            assertFalse(listed.body().contains(secret), "the listing shows no token or secret");
        }

        assertEquals(400, delegated().admin("DELETE", "/admin/grants", admin).statusCode());
        HttpResponse<String> revoked = delegated().admin("DELETE", "/admin/grants?subject=" + Directory.BOB.accountId(),
                admin);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(List.of("confluence", "jira"), new JsonObject(revoked.body()).getJsonArray("deleted").stream()
                .map(String::valueOf).sorted().toList());
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).contains(
                "have not connected"), "Bob must connect again");
        assertTrue(callText(Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).startsWith(
                "# WEB-1: "), "Jane is untouched");
        assertTrue(delegated().logged("\"event\":\"vault-admin\"", "\"action\":\"revoke\"", "revoked the grants of "
                + Directory.BOB.accountId() + ": confluence, jira",
                "\"subject\":\"" + Directory.PRIYA.accountId()
                        + "\""),
                "the revocation is audited with the administrator");
    }

    @Test
    void aGrantUnusedForLongerThanItsLifetimeIsDeletedAndUseIsNoted() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        delegated().database().execute("update atlassian_grant set last_used_at = now() - interval '2 hours'");
        assertTrue(callText(Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).startsWith(
                "# WEB-1: "));
        delegated().database().execute("update atlassian_grant set last_used_at = now() - interval '91 days' where "
                + "last_used_at < now() - interval '1 hour'");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (delegated().grants() > 1 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(1, delegated().grants(), "Bob's unused grant is gone; Jane's use was noted, so hers stays");
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).contains(
                "have not connected"));
        assertTrue(delegated().logged("\"event\":\"vault-admin\"", "\"action\":\"delete-unused\"",
                "deleted 1 grants unused for 90 days (jira)"), "the deletion is audited");
    }

    /**
     * The documented rotation, one replica at a time while the other serves: add the new key second, then make it
     * first, seal every grant again under it, then drop the old key. Grants refreshed on a replica that already seals
     * with the new key open on the one that does not yet.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theVaultKeyRotatesWithoutDowntimeWithBothReplicasRunning() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        String oldKey = "k1=" + delegated().vaultKey();
        String newKey = "k2=" + DelegatedReplicas.newKey();
        delegated().rememberSecret(newKey.substring(3));

        rollingStep(0, oldKey + "," + newKey);
        rollingStep(1, oldKey + "," + newKey);
        rollingStep(0, newKey + "," + oldKey);
        delegated().expireAccessTokens();
        assertWorksOn(0, Directory.BOB);
        assertEquals("k2", keyIdOf(Directory.BOB), "Bob's grant, refreshed on replica 0, is sealed under k2");
        assertWorksOn(1, Directory.BOB);
        delegated().database().execute("update atlassian_grant set access_expires_at = now() + interval '1 hour'");
        // the replicas disagree on the first key now; a connect through the balancer crosses both
        connect(Directory.PRIYA);
        rollingStep(1, newKey + "," + oldKey);

        HttpResponse<String> resealed = delegated().admin("POST", "/admin/vault/reseal", delegated().adminToken(
                Directory.PRIYA));
        assertEquals(200, resealed.statusCode(), resealed.body());
        JsonObject answer = new JsonObject(resealed.body());
        assertTrue(answer.getInteger("resealed") >= 1, "at least Jane's grant was still under k1: " + resealed
                .body());
        assertEquals(0, answer.getInteger("unreadable"));
        assertEquals(new JsonObject().put("k2", 3), answer.getJsonObject("keys"));
        assertEquals(List.of("k2", "k2", "k2"), keyIds());
        assertTrue(delegated().logged("\"action\":\"reseal\"", "grants again under k2"));

        rollingStep(0, newKey);
        rollingStep(1, newKey);
        for (SandboxUser person : List.of(Directory.BOB, Directory.JANE, Directory.PRIYA)) {
            assertWorksOn(0, person);
            assertWorksOn(1, person);
        }
    }

    /** Restarts one replica with these vault keys while the other answers every call. */
    private void rollingStep(int restarting, String keys) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> served = other.submit(() -> {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    answers.add(callText(replicas().replica(1 - restarting), i % 2 == 0 ? Directory.BOB
                            : Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")));
                }
                return answers;
            });
            replicas().restart(restarting, Map.of("MCP_VAULT_KEYS", keys));
            for (String answer : served.get()) {
                assertTrue(answer.startsWith("# WEB-1: "), "the other replica kept serving: " + answer);
            }
        } finally {
            other.shutdownNow();
        }
        assertWorksOn(restarting, Directory.JANE);
    }

    private void assertWorksOn(int replica, SandboxUser person) throws Exception {
        String answer = callText(replicas().replica(replica), person, "jira_get_issue", new JsonObject().put(
                "issue_key", "WEB-1"));
        assertTrue(answer.startsWith("# WEB-1: "), "replica " + replica + " as " + person.displayName() + ": "
                + answer);
    }

    private static String keyIdOf(SandboxUser person) throws Exception {
        try (var db = java.sql.DriverManager.getConnection(delegated().database().jdbcUrl()); var select = db
                .prepareStatement("select key_id from atlassian_grant where person = ?")) {
            select.setString(1, dev.atlmcp.auth.delegated.PersonKey.of(person.accountId()));
            try (var row = select.executeQuery()) {
                assertTrue(row.next(), "a grant of " + person.displayName());
                return row.getString(1);
            }
        }
    }

    private static List<String> keyIds() throws Exception {
        try (var db = java.sql.DriverManager.getConnection(delegated().database().jdbcUrl()); var rows = db
                .createStatement().executeQuery("select key_id from atlassian_grant order by key_id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        delegated().assertNoSecretInLogs("jira_get_issue");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode dropTokenAnswer() {
        return SandboxControl.fault().put("method", "POST").put("path", AtlassianAuthServer.PREFIX + "/oauth/token")
                .put("drop", true).put("afterProcessing", true).put("count", 1);
    }

    /** Accepts on Atlassian's consent page and returns where Atlassian sends the browser, without going there. */
    private static URI consentRedirect(ConnectBrowser.Page consent, SandboxUser person) throws Exception {
        String body = "email=" + enc(person.email()) + "&password=" + enc(person.password()) + "&decision=accept";
        for (var input : consent.document().select("form input[type=hidden]")) {
            body += "&" + enc(input.attr("name")) + "=" + enc(input.attr("value"));
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(consent
                .document().selectFirst("form").absUrl("action"))).header("Content-Type",
                        "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String callText(SandboxUser person, String tool, JsonObject arguments) throws Exception {
        return delegated().callText(person, tool, arguments);
    }

    private static String callText(URI server, SandboxUser person, String tool, JsonObject arguments)
            throws Exception {
        return delegated().callText(server, person, tool, arguments);
    }

    private static String link(String answer) {
        return delegated().link(answer);
    }

    private static void connect(SandboxUser person) throws Exception {
        delegated().connect(person, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"), "Jira");
    }
}

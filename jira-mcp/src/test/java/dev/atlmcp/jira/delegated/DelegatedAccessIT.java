package dev.atlmcp.jira.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.VaultDatabase;
import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;
import dev.atlmcp.testing.ConnectBrowser;
import dev.atlmcp.testing.ReplicaRoundRobin;
import dev.atlmcp.testing.SseMcpClient;

/**
 * Delegated access end to end: two jira-mcp replicas behind a balancer share a real PostgreSQL vault; people connect
 * their own Atlassian accounts through the connect pages (sign-in at the identity provider, Atlassian's consent) and
 * every call then acts as them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegatedAccessIT {

    private static final Pattern LINK = Pattern
            .compile("Open (http\\S+/connect/atlassian\\?link=\\S+) in your browser");

    private static final String VAULT_KEY = randomKey();
    /** Every secret the servers handled, to look for in their logs at the end. */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private static VaultDatabase database;
    private static ReplicaRoundRobin replicas;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        database = VaultDatabase.create();
        replicas = ReplicaRoundRobin.start("jira-mcp", delegatedSettings());
        replicas.sandbox().registerCallbacks(List.of(replicas.publicUrl() + "/connect/atlassian/callback"), List.of(
                replicas.publicUrl() + "/connect/signed-in"));
    }

    private static Map<String, String> delegatedSettings() {
        return Map.ofEntries(Map.entry("ATLASSIAN_AUTH_MODE", "oauth"),
                Map.entry("ATLASSIAN_OAUTH_CLIENT_ID", AtlassianAuthServer.CLIENT_ID),
                Map.entry("ATLASSIAN_OAUTH_CLIENT_SECRET", AtlassianAuthServer.CLIENT_SECRET),
                Map.entry("ATLASSIAN_OAUTH_AUTHORIZE_URL",
                        "${sandbox.url}" + AtlassianAuthServer.PREFIX + "/authorize"),
                Map.entry("ATLASSIAN_OAUTH_TOKEN_URL", "${sandbox.url}" + AtlassianAuthServer.PREFIX + "/oauth/token"),
                Map.entry("ATLASSIAN_OAUTH_RESOURCES_URL", "${sandbox.url}/oauth/token/accessible-resources"),
                Map.entry("ATLASSIAN_GATEWAY_URL", "${sandbox.url}"), Map.entry("ATLASSIAN_CLOUD_ID",
                        CompassApi.CLOUD_ID),
                Map.entry("MCP_CONNECT_CLIENT_ID", DevTokenIssuer.CONNECT_CLIENT_ID),
                Map.entry("MCP_CONNECT_CLIENT_SECRET", DevTokenIssuer.CONNECT_CLIENT_SECRET),
                Map.entry("MCP_VAULT_KEYS", "k1=" + VAULT_KEY),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl()));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void rememberSecrets() {
        SECRETS.addAll(replicas.site().atlassianAuth().issuedTokens());
    }

    @BeforeEach
    void clean() {
        database.execute("delete from atlassian_grant");
        replicas.sandbox().reset();
        replicas.sandbox().registerCallbacks(List.of(replicas.publicUrl() + "/connect/atlassian/callback"), List.of(
                replicas.publicUrl() + "/connect/signed-in"));
    }

    @Test
    void beforeConnectingNothingIsSentAndThePersonGetsALinkOnlyTheyCanUse() throws Exception {
        String answer = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1"));
        assertTrue(answer.startsWith("This server acts in Jira as you, with your own Atlassian permissions, and you "
                + "have not connected your Atlassian account yet. Open " + replicas.publicUrl()
                + "/connect/atlassian?link="), answer);
        assertEquals(List.of(), gatewayRequests(), "nothing reached Atlassian");

        ConnectBrowser jane = new ConnectBrowser();
        ConnectBrowser.Page refused = jane.connect(link(answer), Directory.JANE, Directory.JANE);
        assertEquals(403, refused.status(), refused.text());
        assertEquals("This link was made for someone else", refused.title());
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "OPS-1")).contains(
                "have not connected"), "Jane's attempt connected nobody");
        assertTrue(audited("denied", "a connect link opened by someone other than the person it was made for",
                Directory.JANE), "the refusal is audited with who tried");
    }

    /** Whether either replica wrote a line holding all of {@code parts} (quotes in JSON log messages unescaped). */
    private static boolean logged(String... parts) throws Exception {
        for (int i = 0; i < 2; i++) {
            for (String line : Files.readAllLines(Path.of("target", "jira-mcp-replica-" + i + ".log"))) {
                String event = line.replace("\\\"", "\"");
                if (java.util.Arrays.stream(parts).allMatch(event::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether either replica wrote a connect audit event with this outcome and detail for this person. */
    private static boolean audited(String outcome, String detail, SandboxUser who) throws Exception {
        return logged("\"event\":\"connect\"", "\"outcome\":\"" + outcome + "\"", detail, "\"subject\":\""
                + who.accountId() + "\"");
    }

    @Test
    void eachPersonActsWithTheirOwnAtlassianRights() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        String bobs = callText(Directory.BOB, "jira_list_projects", new JsonObject());
        String janes = callText(Directory.JANE, "jira_list_projects", new JsonObject());
        assertTrue(bobs.contains("OPS") && !bobs.contains("PAY") && !bobs.contains("SEC"), bobs);
        assertTrue(janes.contains("PAY") && janes.contains("SEC"), janes);
        List<Sandbox.LoggedRequest> log = replicas.site().requests().stream().filter(r -> r.path().startsWith(
                "/ex/")).toList();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(r -> r.user().equals(Directory.BOB.accountId()) || r.user().equals(
                Directory.JANE.accountId())), "never the service account: " + log);
        assertTrue(audited("ok", "connected to " + replicas.site().url(), Directory.BOB), "connecting is audited");
        String comment = callText(Directory.BOB, "jira_add_comment", new JsonObject().put("issue_key", "OPS-5").put(
                "body", "Checked by Bob's agent."));
        assertTrue(comment.startsWith("Added comment ") && comment.contains(Directory.BOB.displayName()), comment);
        assertTrue(logged("\"atlassianAccount\":\"" + Directory.BOB.accountId() + "\"", "jira_add_comment"),
                "the write's audit event names Bob's Atlassian account");
        String whoami = callText(Directory.BOB, "jira_whoami", new JsonObject());
        assertTrue(whoami.contains(Directory.BOB.accountId()) && whoami.contains(
                "calls use the Atlassian account you connected"), whoami);
    }

    @Test
    void aRefreshHappensOnceWhenManyCallsOnBothReplicasNeedItAtOnce() throws Exception {
        connect(Directory.BOB);
        expireAccessTokens();
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
        assertEquals(1, replicas.sandbox().atlassianGrants().get("refresh_token"), "one refresh for all 24 calls");
        replicas.assertBothReplicasServed(24);
    }

    @Test
    void aLostAnswerFromAtlassiansTokenEndpointLosesNothing() throws Exception {
        connect(Directory.BOB);
        expireAccessTokens();
        replicas.sandbox().addFault(dropTokenAnswer());
        String lost = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        assertEquals("Atlassian's authorization server did not renew your access just now. Nothing was sent to "
                + "Atlassian and your connection is kept. Try again in a minute.", lost);
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).startsWith(
                "# WEB-1: "), "the refresh token Atlassian had already replaced still worked within its reuse window");
        assertEquals(2, replicas.sandbox().atlassianGrants().get("refresh_token"));
    }

    @Test
    void pastTheReuseWindowOrAfterNinetyDaysThePersonConnectsAgain() throws Exception {
        connect(Directory.BOB);
        replicas.sandbox().atlassianTokens(java.time.Duration.ofHours(1), java.time.Duration.ZERO,
                java.time.Duration.ZERO);
        expireAccessTokens();
        replicas.sandbox().addFault(dropTokenAnswer());
        callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        String ended = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        assertTrue(ended.startsWith("Your Atlassian connection for Jira has ended (it expired, was revoked in your "
                + "Atlassian account, or was replaced), so this server cannot act as you any more. Open "), ended);
        assertEquals(0, grants(), "the dead grant is gone");

        connect(Directory.BOB);
        replicas.sandbox().atlassianTokens(java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(10),
                java.time.Duration.ofDays(91));
        expireAccessTokens();
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
        database.available(false);
        try {
            int before = gatewayRequests().size();
            String down = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
            assertEquals("This server cannot reach its token store right now, so it cannot act as you. Nothing was "
                    + "sent to Atlassian and your connection is kept. Try again in a minute; if it persists, tell the "
                    + "server's operator.", down);
            assertEquals(before, gatewayRequests().size());
        } finally {
            database.available(true);
        }
        assertTrue(callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")).startsWith(
                "# WEB-1: "), "no restart, no new connection");
    }

    @Test
    void aGrantCopiedIntoAnotherPersonsRowDoesNotOpen() throws Exception {
        connect(Directory.BOB);
        connect(Directory.JANE);
        database.execute("update atlassian_grant a set sealed = b.sealed from atlassian_grant b "
                + "where a.person <> b.person");
        int before = gatewayRequests().size();
        String bob = callText(Directory.BOB, "jira_get_issue", new JsonObject().put("issue_key", "SEC-1"));
        assertTrue(bob.contains("has ended"), bob);
        assertEquals(before, gatewayRequests().size(), "nothing sent with Jane's token");
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

        database.execute("delete from atlassian_grant");
        String janesLink = link(callText(Directory.JANE, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1")));
        ConnectBrowser jane = new ConnectBrowser();
        ConnectBrowser.Page janesConsent = jane.click(jane.signIn(jane.open(janesLink), Directory.JANE), "continue");
        URI janesCallback = consentRedirect(janesConsent, Directory.JANE);
        ConnectBrowser.Page planted = bob.open(janesCallback.toString());
        assertEquals(403, planted.status(), "Jane's consent completed in Bob's browser would give Bob Jane's rights");
        assertEquals(0, grants());
    }

    @Test
    void aClientThatSupportsUrlElicitationGetsTheLinkAsAnElicitation() throws Exception {
        URI replica = replicas.replica(0);
        String token = replicas.token(Directory.BOB);
        HttpResponse<String> init = post(replica, token, null, new JsonObject().put("jsonrpc", "2.0").put("id", 1)
                .put("method", "initialize").put("params", new JsonObject().put("protocolVersion", "2025-11-25").put(
                        "capabilities", new JsonObject().put("elicitation", new JsonObject().put("url",
                                new JsonObject())))
                        .put("clientInfo", new JsonObject().put("name", "it").put(
                                "version", "1"))));
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(replica, token, session, new JsonObject().put("jsonrpc", "2.0").put("method",
                "notifications/initialized"));
        JsonObject error = message(post(replica, token, session, new JsonObject().put("jsonrpc", "2.0").put("id", 2)
                .put("method", "tools/call").put("params", new JsonObject().put("name", "jira_get_issue").put(
                        "arguments", new JsonObject().put("issue_key", "WEB-1")))).body()).getJsonObject("error");
        assertEquals(-32042, error.getInteger("code"), error::encode);
        JsonObject elicitation = error.getJsonObject("data").getJsonArray("elicitations").getJsonObject(0);
        assertEquals("url", elicitation.getString("mode"), error::encode);
        assertTrue(elicitation.getString("url").startsWith(replicas.publicUrl() + "/connect/atlassian?link="));
        assertEquals(200, new ConnectBrowser().connect(elicitation.getString("url"), Directory.BOB, Directory.BOB)
                .status());
    }

    @Test
    void overLegacySseTooThePersonIsAskedToConnectAndThenActsAsThemselves() throws Exception {
        try (SseMcpClient sse = new SseMcpClient(replicas.replica(1), replicas.token(Directory.PRIYA))) {
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
        Map<String, String> settings = new java.util.HashMap<>();
        delegatedSettings().forEach((name, value) -> settings.put(name, value.replace("${sandbox.url}", replicas
                .site().url())));
        Map<String, String> noVault = new java.util.HashMap<>(settings);
        noVault.remove("QUARKUS_DATASOURCE_JDBC_URL");
        noVault.remove("MCP_VAULT_KEYS");
        Map<String, String> unreachable = new java.util.HashMap<>(settings);
        unreachable.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + dev.atlmcp.testing.ServerProcess
                .freePort() + "/vault");
        Process first = dev.atlmcp.testing.ServerProcess.start(replicas.site(), dev.atlmcp.testing.ServerProcess
                .freePort(), "http://localhost:1", "delegated-no-vault", noVault);
        Process second = dev.atlmcp.testing.ServerProcess.start(replicas.site(), dev.atlmcp.testing.ServerProcess
                .freePort(), "http://localhost:1", "delegated-unreachable-vault", unreachable);
        assertTrue(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && first.exitValue() != 0);
        assertTrue(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && second.exitValue() != 0);
        String missing = Files.readString(Path.of("target", "delegated-no-vault.log"));
        assertTrue(missing.contains("Configuration error: quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) "
                + "is required with atlassian.auth.mode=oauth"), missing);
        assertTrue(missing.contains("Configuration error: mcp.vault.keys (MCP_VAULT_KEYS) is required"), missing);
        String down = Files.readString(Path.of("target", "delegated-unreachable-vault.log"));
        assertTrue(down.contains("Cannot prepare the token vault in the database at QUARKUS_DATASOURCE_JDBC_URL: "),
                down);
    }

    @Test
    void aSignInWithoutThePersonClaimIsToldWhatIsMissing() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>();
        delegatedSettings().forEach((name, value) -> settings.put(name, value.replace("${sandbox.url}", replicas
                .site().url())));
        settings.put("MCP_IDENTITY_PERSON_CLAIM", "oid");
        int port = dev.atlmcp.testing.ServerProcess.freePort();
        Process server = dev.atlmcp.testing.ServerProcess.start(replicas.site(), port, replicas.publicUrl(),
                "delegated-person-claim", settings);
        try {
            URI direct = URI.create("http://127.0.0.1:" + port);
            dev.atlmcp.testing.ServerProcess.awaitHealthy(direct);
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
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrLinkAppearsInAnyLogLine() throws Exception {
        assertFalse(SECRETS.isEmpty());
        List<String> secrets = new ArrayList<>(SECRETS);
        secrets.addAll(List.of(AtlassianAuthServer.CLIENT_SECRET, DevTokenIssuer.CONNECT_CLIENT_SECRET, VAULT_KEY));
        for (int i = 0; i < 2; i++) {
            Path log = Path.of("target", "jira-mcp-replica-" + i + ".log");
            String text = Files.readString(log);
            assertTrue(text.contains("jira_get_issue"), "the log has the calls");
            for (String secret : secrets) {
                assertFalse(text.contains(secret), log + " shows a secret (" + secret.substring(0, 6) + "...)");
            }
            assertFalse(Pattern.compile("link=[A-Za-z0-9_-]{20,}").matcher(text).find(), log + " shows a link");
        }
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

    private static void expireAccessTokens() {
        database.execute("update atlassian_grant set access_expires_at = now() - interval '1 second'");
    }

    private static int grants() throws Exception {
        try (var db = java.sql.DriverManager.getConnection(database.jdbcUrl()); var count = db.createStatement()
                .executeQuery("select count(*) from atlassian_grant")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void connect(SandboxUser person) throws Exception {
        String answer = callText(person, "jira_get_issue", new JsonObject().put("issue_key", "WEB-1"));
        ConnectBrowser.Page done = new ConnectBrowser().connect(link(answer), person, person);
        assertEquals(200, done.status(), () -> done.text() + " after " + done.visited());
        assertEquals("Jira is connected", done.title(), done.text());
    }

    private static String link(String answer) {
        Matcher link = LINK.matcher(answer);
        assertTrue(link.find(), answer);
        SECRETS.add(link.group(1).substring(link.group(1).indexOf("link=") + 5));
        return link.group(1);
    }

    private List<String> gatewayRequests() {
        return replicas.site().requests().stream().filter(r -> r.path().startsWith("/ex/")).map(r -> r.method()
                + " " + r.path()).toList();
    }

    /** One tool call in a fresh Streamable HTTP session as {@code person}; the text of its answer. */
    private String callText(SandboxUser person, String tool, JsonObject arguments) throws Exception {
        return callText(URI.create(replicas.publicUrl()), person, tool, arguments);
    }

    private String callText(URI server, SandboxUser person, String tool, JsonObject arguments) throws Exception {
        String token = replicas.token(person);
        HttpResponse<String> init = post(server, token, null, new JsonObject().put("jsonrpc", "2.0").put("id", 1).put(
                "method", "initialize").put("params",
                        new JsonObject().put("protocolVersion", "2025-06-18").put(
                                "capabilities", new JsonObject())
                                .put("clientInfo", new JsonObject().put("name", "it").put(
                                        "version", "1"))));
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(server, token, session, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        HttpResponse<String> call = post(server, token, session,
                new JsonObject().put("jsonrpc", "2.0").put("id", 2).put(
                        "method", "tools/call").put("params",
                                new JsonObject().put("name", tool).put("arguments",
                                        arguments)));
        JsonObject result = message(call.body()).getJsonObject("result");
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private HttpResponse<String> post(URI server, String token, String session, JsonObject body) throws Exception {
        SECRETS.add(token);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/mcp")).header(
                "Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept",
                        "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body
                        .encode()));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of a plain JSON or an event-stream answer. */
    private static JsonObject message(String body) {
        String json = body.trim().startsWith("{") ? body : body.lines().filter(l -> l.startsWith("data:")).map(
                l -> l.substring(5).trim()).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(body));
        return new JsonObject(json);
    }
}

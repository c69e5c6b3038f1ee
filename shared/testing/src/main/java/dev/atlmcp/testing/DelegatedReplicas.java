package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.VaultDatabase;
import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.sandbox.oauth.DataCenterAuthServer;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/**
 * Two replicas of a server in delegated access ({@code ATLASSIAN_AUTH_MODE=oauth}) behind a balancer, sharing a real
 * PostgreSQL vault, against the sandbox's Atlassian (3LO server, API gateway) and identity provider; with what a test
 * needs to connect people and call tools as them over Streamable HTTP. Remembers every secret it handled, for the check
 * that none reaches a log.
 */
public final class DelegatedReplicas implements AutoCloseable {

    private static final Pattern LINK = Pattern
            .compile("Open (http\\S+/connect/atlassian\\?link=\\S+) in your browser");

    private final String server;
    /** The Data Center site's context path ({@code /jira}, {@code /confluence}), or null for Cloud. */
    private final String dataCenter;
    private final String vaultKey = randomKey();
    private final VaultDatabase database;
    private final ReplicaRoundRobin replicas;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newHttpClient();

    private DelegatedReplicas(String server, String dataCenter) throws Exception {
        this.server = server;
        this.dataCenter = dataCenter;
        database = VaultDatabase.create();
        try {
            replicas = ReplicaRoundRobin.start(server, settings());
        } catch (Exception e) {
            database.close();
            throw e;
        }
        registerCallbacks();
    }

    /**
     * Starts the vault database and two replicas of {@code server} (e.g. {@code confluence-mcp}) on the sandbox's Cloud
     * site.
     */
    public static DelegatedReplicas start(String server) throws Exception {
        return new DelegatedReplicas(server, null);
    }

    /**
     * The same on the sandbox's Data Center site at {@code contextPath} ({@code /jira}, {@code /confluence}), whose
     * OAuth 2.0 provider the server finds at its default place, {@code <site>/rest/oauth2/latest/...}.
     */
    public static DelegatedReplicas startDataCenter(String server, String contextPath) throws Exception {
        return new DelegatedReplicas(server, contextPath);
    }

    /** The delegated settings both replicas run with; {@code ${sandbox.url}} stands for the sandbox's address. */
    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of("ATLASSIAN_AUTH_MODE", "oauth",
                "MCP_CONNECT_CLIENT_ID", DevTokenIssuer.CONNECT_CLIENT_ID,
                "MCP_CONNECT_CLIENT_SECRET", DevTokenIssuer.CONNECT_CLIENT_SECRET,
                "MCP_VAULT_KEYS", "k1=" + vaultKey,
                "ATLASSIAN_OAUTH_UNUSED_GRANT_SWEEP", "PT2S",
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl()));
        if (dataCenter != null) {
            // the provider's endpoints are left to their default, <site>/rest/oauth2/latest/...
            settings.putAll(Map.of("ATLASSIAN_URL", "${sandbox.url}" + dataCenter,
                    "ATLASSIAN_DEPLOYMENT", "datacenter",
                    "ATLASSIAN_OAUTH_CLIENT_ID", DataCenterAuthServer.CLIENT_ID,
                    "ATLASSIAN_OAUTH_CLIENT_SECRET", DataCenterAuthServer.CLIENT_SECRET));
        } else {
            settings.putAll(Map.of("ATLASSIAN_OAUTH_CLIENT_ID", AtlassianAuthServer.CLIENT_ID,
                    "ATLASSIAN_OAUTH_CLIENT_SECRET", AtlassianAuthServer.CLIENT_SECRET,
                    "ATLASSIAN_OAUTH_AUTHORIZE_URL", "${sandbox.url}" + AtlassianAuthServer.PREFIX + "/authorize",
                    "ATLASSIAN_OAUTH_TOKEN_URL", "${sandbox.url}" + AtlassianAuthServer.PREFIX + "/oauth/token",
                    "ATLASSIAN_OAUTH_RESOURCES_URL", "${sandbox.url}/oauth/token/accessible-resources",
                    "ATLASSIAN_GATEWAY_URL", "${sandbox.url}",
                    "ATLASSIAN_CLOUD_ID", CompassApi.CLOUD_ID));
        }
        return settings;
    }

    /** The settings with the sandbox's address filled in, for a server started apart from the replicas. */
    public Map<String, String> resolvedSettings() {
        Map<String, String> resolved = new HashMap<>();
        settings().forEach((name, value) -> resolved.put(name, value.replace("${sandbox.url}", replicas.site()
                .url())));
        return resolved;
    }

    public ReplicaRoundRobin replicas() {
        return replicas;
    }

    public VaultDatabase database() {
        return database;
    }

    /** The vault key both replicas seal with ({@code MCP_VAULT_KEYS=k1=<this>}). */
    public String vaultKey() {
        return vaultKey;
    }

    /** No grants, the sandbox as seeded, the connect pages' callbacks registered again. */
    public void reset() {
        database.execute("delete from atlassian_grant");
        replicas.sandbox().reset();
        registerCallbacks();
    }

    private void registerCallbacks() {
        replicas.sandbox().registerCallbacks(List.of(replicas.publicUrl() + "/connect/atlassian/callback"), List.of(
                replicas.publicUrl() + "/connect/signed-in"));
    }

    /**
     * Connects {@code person} as a person does: a first call of {@code tool} answers with a link, which the person
     * opens, signs in and accepts; the page then says {@code "<product> is connected"}.
     */
    public void connect(SandboxUser person, String tool, JsonObject arguments, String product) throws Exception {
        String answer = callText(person, tool, arguments);
        ConnectBrowser.Page done = new ConnectBrowser().connect(link(answer), person, person);
        assertEquals(200, done.status(), () -> done.text() + " after " + done.visited());
        assertEquals(product + " is connected", done.title(), done.text());
    }

    /** The connect link in an answer (remembered as a secret). */
    public String link(String answer) {
        Matcher link = LINK.matcher(answer);
        assertTrue(link.find(), answer);
        secrets.add(link.group(1).substring(link.group(1).indexOf("link=") + 5));
        return link.group(1);
    }

    /** The requests that reached the Data Center site's REST API (not its OAuth 2.0 provider): method, path, user. */
    public List<dev.atlmcp.sandbox.Sandbox.LoggedRequest> dataCenterRequests() {
        return replicas.site().requests().stream().filter(r -> r.path().startsWith(dataCenter + "/rest/") && !r.path()
                .startsWith(dataCenter + DataCenterAuthServer.PATH)).toList();
    }

    /** The requests that reached Atlassian's API gateway: method and path. */
    public List<String> gatewayRequests() {
        return replicas.site().requests().stream().filter(r -> r.path().startsWith("/ex/") || r.path().startsWith(
                "/graphql")).map(r -> r.method() + " " + r.path()).toList();
    }

    public void expireAccessTokens() {
        database.execute("update atlassian_grant set access_expires_at = now() - interval '1 second'");
    }

    public int grants() throws SQLException {
        try (var db = DriverManager.getConnection(database.jdbcUrl()); var count = db.createStatement()
                .executeQuery("select count(*) from atlassian_grant")) {
            count.next();
            return count.getInt(1);
        }
    }

    /** Whether either replica wrote a line holding all of {@code parts} (quotes in JSON log messages unescaped). */
    public boolean logged(String... parts) throws Exception {
        for (int i = 0; i < 2; i++) {
            for (String line : Files.readAllLines(log(i))) {
                String event = line.replace("\\\"", "\"");
                if (Arrays.stream(parts).allMatch(event::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether either replica wrote a connect audit event with this outcome and detail for this person. */
    public boolean auditedConnect(String outcome, String detail, SandboxUser who) throws Exception {
        return logged("\"event\":\"connect\"", "\"outcome\":\"" + outcome + "\"", detail, "\"subject\":\""
                + who.accountId() + "\"");
    }

    /** Replica {@code index}'s log file. */
    private Path log(int index) {
        return Path.of("target", server + "-replica-" + index + ".log");
    }

    /** Every secret handled so far: bearer tokens, links, Atlassian's issued tokens, the servers' own secrets. */
    public List<String> secrets() {
        secrets.addAll(replicas.site().atlassianAuth().issuedTokens());
        replicas.site().dataCenterAuth().forEach(provider -> secrets.addAll(provider.issuedTokens()));
        List<String> all = new ArrayList<>(secrets);
        all.addAll(List.of(AtlassianAuthServer.CLIENT_SECRET, DataCenterAuthServer.CLIENT_SECRET,
                DevTokenIssuer.CONNECT_CLIENT_SECRET, vaultKey));
        return all;
    }

    /** One tool call in a fresh Streamable HTTP session through the balancer as {@code person}; its text. */
    public String callText(SandboxUser person, String tool, JsonObject arguments) throws Exception {
        return callText(URI.create(replicas.publicUrl()), person, tool, arguments);
    }

    public String callText(URI target, SandboxUser person, String tool, JsonObject arguments) throws Exception {
        JsonObject result = call(target, person, tool, arguments).getJsonObject("result");
        assertTrue(result != null, "a tool result");
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    /** The JSON-RPC answer to one tool call in a fresh session. */
    private JsonObject call(URI target, SandboxUser person, String tool, JsonObject arguments) throws Exception {
        String token = replicas.token(person);
        String session = initialize(target, token, new JsonObject());
        return message(post(target, token, session, new JsonObject().put("jsonrpc", "2.0").put("id", 2).put(
                "method", "tools/call").put("params",
                        new JsonObject().put("name", tool).put("arguments",
                                arguments))).body());
    }

    /** Opens a session with these client capabilities; its id. */
    public String initialize(URI target, String token, JsonObject capabilities) throws Exception {
        HttpResponse<String> init = post(target, token, null, new JsonObject().put("jsonrpc", "2.0").put("id", 1)
                .put("method", "initialize").put("params", new JsonObject().put("protocolVersion", "2025-11-25")
                        .put("capabilities", capabilities).put("clientInfo", new JsonObject().put("name", "it").put(
                                "version", "1"))));
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(target, token, session, new JsonObject().put("jsonrpc", "2.0").put("method",
                "notifications/initialized"));
        return session;
    }

    public HttpResponse<String> post(URI target, String token, String session, JsonObject body) throws Exception {
        secrets.add(token);
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve("/mcp")).header("Authorization",
                "Bearer " + token).header("Content-Type", "application/json").header("Accept",
                        "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of a plain JSON or an event-stream answer. */
    public static JsonObject message(String body) {
        String json = body.trim().startsWith("{") ? body : body.lines().filter(l -> l.startsWith("data:")).map(
                l -> l.substring(5).trim()).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(body));
        return new JsonObject(json);
    }

    /** A bearer token for {@code person} with every scope and the server's admin scope ({@code <product>:admin}). */
    public String adminToken(SandboxUser person) {
        String token = replicas.site().issuer().accessToken(person, DevTokenIssuer.DEFAULT_SCOPES + " " + server
                .replace("-mcp", "") + ":admin", java.time.Duration.ofMinutes(10));
        secrets.add(token);
        return token;
    }

    /** One request to an administration endpoint through the balancer, with this bearer token (none if null). */
    public HttpResponse<String> admin(String method, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replicas.publicUrl() + pathAndQuery)).method(
                method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            secrets.add(token);
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Also look for this secret in the logs at the end. */
    public void rememberSecret(String secret) {
        secrets.add(secret);
    }

    /** A new random AES-256 key, base64. */
    public static String newKey() {
        return randomKey();
    }

    /**
     * One call of a tool in {@link #callEveryTool}: its arguments, possibly made from the answers so far (by tool
     * name), and whether the answer is a tool error by design.
     */
    public record ToolCall(String tool, java.util.function.Function<Map<String, String>, JsonObject> arguments,
            boolean errorByDesign) {

        public static ToolCall of(String tool, JsonObject arguments) {
            return new ToolCall(tool, seen -> arguments, false);
        }

        public static ToolCall after(String tool, java.util.function.Function<Map<String, String>, JsonObject> made) {
            return new ToolCall(tool, made, false);
        }

        public static ToolCall refused(String tool, JsonObject arguments) {
            return new ToolCall(tool, seen -> arguments, true);
        }
    }

    /**
     * Calls every tool once, in one session as {@code person}, in order: the server must offer exactly these tools,
     * each call must answer as a connected person (never with a connect link) and as a tool error only where
     * {@link ToolCall#errorByDesign}, and every request that reached Atlassian must have acted as the person. The
     * answers, by tool name (the last one of a tool called twice).
     */
    public Map<String, String> callEveryTool(SandboxUser person, List<ToolCall> calls) throws Exception {
        URI target = URI.create(replicas.publicUrl());
        String token = replicas.token(person);
        String session = initialize(target, token, new JsonObject());
        JsonObject listed = message(post(target, token, session, new JsonObject().put("jsonrpc", "2.0").put("id", 2)
                .put("method", "tools/list")).body());
        java.util.SortedSet<String> offered = new java.util.TreeSet<>();
        listed.getJsonObject("result").getJsonArray("tools").forEach(t -> offered.add(((JsonObject) t).getString(
                "name")));
        java.util.SortedSet<String> expected = new java.util.TreeSet<>();
        calls.forEach(c -> expected.add(c.tool()));
        assertEquals(expected, offered, "every tool the server offers is called");
        Map<String, String> seen = new HashMap<>();
        int id = 3;
        for (ToolCall call : calls) {
            JsonObject result = message(post(target, token, session, new JsonObject().put("jsonrpc", "2.0").put("id",
                    id++).put("method", "tools/call").put("params", new JsonObject().put("name", call.tool()).put(
                            "arguments", call.arguments().apply(seen)))).body()).getJsonObject("result");
            assertTrue(result != null, call.tool() + ": a tool result");
            String text = result.getJsonArray("content").getJsonObject(0).getString("text", "");
            seen.put(call.tool(), text);
            assertTrue(!text.contains("have not connected") && !text.contains("connection for"), call.tool()
                    + " as a connected person: " + text);
            assertEquals(call.errorByDesign(), result.getBoolean("isError", false), call.tool() + ": " + text);
        }
        List<dev.atlmcp.sandbox.Sandbox.LoggedRequest> reached = dataCenter != null ? dataCenterRequests()
                : replicas.site().requests().stream().filter(r -> r.path().startsWith("/ex/") || r.path()
                        .startsWith("/graphql")).toList();
        assertTrue(reached.size() > calls.size() / 2, "the tools reached Atlassian: " + reached);
        assertTrue(reached.stream().allMatch(r -> r.user().equals(person.accountId())), "only as "
                + person.displayName() + ": " + reached);
        return seen;
    }

    /** Tool arguments with one string value, to add more to. */
    public static JsonObject args(String name, String value) {
        return new JsonObject().put(name, value);
    }

    /** The first group of {@code pattern}'s first match in an earlier answer (lines are anchors). */
    public static String first(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern, Pattern.MULTILINE).matcher(text);
        assertTrue(matcher.find(), pattern + " in " + text);
        return matcher.group(1).trim();
    }

    /** Asserts that neither replica's log holds any secret handled so far, nor a connect link's value. */
    public void assertNoSecretInLogs(String expectedInLog) throws Exception {
        List<String> all = secrets();
        for (int i = 0; i < 2; i++) {
            String text = Files.readString(log(i));
            assertTrue(text.contains(expectedInLog), "the log has the calls");
            for (String secret : all) {
                assertTrue(!text.contains(secret), log(i) + " shows a secret (" + secret.substring(0, 6) + "...)");
            }
            assertTrue(!Pattern.compile("link=[A-Za-z0-9_-]{20,}").matcher(text).find(), log(i) + " shows a link");
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        replicas.close();
        database.close();
    }
}

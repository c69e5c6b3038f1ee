package dev.atlmcp.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.auth.inbound.SessionOwners;

/**
 * Attacks on the path every MCP message takes, the same on every server: JSON-RPC batches and bodies that are not one
 * message, messages of every kind without their scope, on Streamable HTTP and the legacy SSE transport; another
 * subject's session used for POST, GET, DELETE and to answer an elicitation; tokens without a subject. Each test checks
 * what a user relies on: the exact refusal, and that nothing reached Atlassian. A server's test extends this class with
 * {@code @QuarkusTest} and a profile in which {@link #writeTool()} asks the user for confirmation.
 */
public abstract class MessageAttacks extends SandboxReset {

    private static final String AUDIENCE = "https://server.example.com";

    /** The product whose scopes the server uses, e.g. {@code jira}. */
    protected abstract String product();

    /** A read-only tool and arguments that make it succeed on the sandbox. */
    protected abstract String readTool();

    protected abstract Map<String, Object> readToolArguments();

    /** A write tool the server's test profile asks the user to confirm, and arguments that make it succeed. */
    protected abstract String writeTool();

    protected abstract Map<String, Object> writeToolArguments();

    /** Whether what {@link #writeTool()} writes can be read back: a read tool's call and the text it then shows. */
    protected abstract Map.Entry<Map.Entry<String, Map<String, Object>>, String> writtenShowsIn();

    private boolean written() {
        var check = writtenShowsIn();
        return Mcp.text(Mcp.call(Mcp.Transport.STREAMABLE, check.getKey().getKey(), check.getKey().getValue()))
                .contains(check.getValue());
    }

    /** A resource the server serves, e.g. {@code jira://issue/OPS-1}. */
    protected abstract String resourceUri();

    /** A prompt the server offers and its arguments. */
    protected abstract String prompt();

    protected abstract Map<String, String> promptArguments();

    // --- batches and bodies that are not one message ---

    private List<String> batches() {
        String write = call(7, writeTool(), writeToolArguments()).encode();
        String read = call(8, readTool(), readToolArguments()).encode();
        String resource = Mcp.request(9, "resources/read", new JsonObject().put("uri", resourceUri())).encode();
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}";
        return List.of("[" + write + "]", "[" + read + "," + write + "]", "[" + initialize().encode() + "]",
                "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]", "[" + answer + "]", "[]",
                "[[" + write + "]]", " \t\r\n[" + write + "]", "[" + read + "," + resource + "]", "[" + write + ","
                        + answer + "]");
    }

    private static final List<String> NOT_ONE_MESSAGE = List.of("\"tools/call\"", "42", "null", "true", "{}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"tools/list\"}", "{\"jsonrpc\":\"2.0\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}", "not json", "", "[{\"jsonrpc\":",
            "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}x");

    @Test
    void batchesOfEveryShapeAreRefusedOnStreamableHttpAndReachNothing() {
        for (String token : List.of(Mcp.token(), token("openid"))) {
            String session = sessionOf(token);
            for (String batch : batches()) {
                for (String owned : new String[] { null, session }) {
                    Response response = post(token, owned, batch);
                    assertRefusedBatch(batch, response.statusCode(), response.asString());
                }
            }
        }
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    @Test
    void batchesOfEveryShapeAreRefusedOnTheLegacySseTransportAndReachNothing() throws Exception {
        for (String token : List.of(Mcp.token(), token("openid"))) {
            try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, token)) {
                for (String batch : batches()) {
                    HttpResponse<String> response = client.postRaw(batch);
                    assertRefusedBatch(batch, response.statusCode(), response.body());
                }
            }
        }
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    @Test
    void bodiesThatAreNotOneJsonRpcMessageAreRefusedOnBothTransports() throws Exception {
        String session = sessionOf(Mcp.token());
        try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, Mcp.token())) {
            for (String body : NOT_ONE_MESSAGE) {
                Response streamable = post(Mcp.token(), session, body);
                assertRefused(body, streamable.statusCode(), streamable.asString());
                HttpResponse<String> sse = client.postRaw(body);
                assertRefused(body, sse.statusCode(), sse.body());
            }
        }
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    /** Requests whose envelope is sound but whose params are not what the method takes. */
    private List<String> malformedParams() {
        String tool = Json.encode(readTool());
        return List.of("{\"jsonrpc\":\"2.0\",\"id\":21,\"method\":\"tools/call\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":22,\"method\":\"tools/call\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":23,\"method\":\"tools/call\",\"params\":[" + tool + "]}",
                "{\"jsonrpc\":\"2.0\",\"id\":24,\"method\":\"tools/call\",\"params\":{\"name\":5}}",
                "{\"jsonrpc\":\"2.0\",\"id\":25,\"method\":\"tools/call\",\"params\":{\"name\":" + tool
                        + ",\"arguments\":[1]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":26,\"method\":\"tools/call\",\"params\":\"" + readTool() + "\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":27,\"method\":\"tools/list\",\"params\":[]}",
                "{\"jsonrpc\":\"2.0\",\"id\":28,\"method\":\"tools/list\",\"params\":{\"cursor\":7}}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"r-29\",\"method\":\"resources/read\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":30,\"method\":\"resources/read\",\"params\":{\"uri\":[\""
                        + resourceUri() + "\"]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":31,\"method\":\"prompts/get\",\"params\":{\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":32,\"method\":\"prompts/get\",\"params\":{\"name\":\"" + prompt()
                        + "\",\"arguments\":{\"x\":{\"y\":1}}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":33,\"method\":\"completion/complete\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":34,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":35,\"method\":\"ping\",\"params\":[]}");
    }

    @Test
    void requestsWithMalformedParamsGetInvalidParamsAndTheConnectionStaysUsable() throws Exception {
        String session = sessionOf(Mcp.token());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String body : malformedParams()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(McpAssured.baseUri.resolve("/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("Authorization", "Bearer " + Mcp.token()).header("Mcp-Session-Id", session).timeout(
                            Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), body + " -> " + response.body());
            assertInvalidParams(body, response.body());
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(McpAssured.baseUri.resolve("/mcp")).header(
                    "Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("Authorization", "Bearer " + Mcp.token()).header("Mcp-Session-Id", session).timeout(
                            Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(next.body().contains("\"id\":99") && next.body().contains("\"result\""), body + " then ping -> "
                    + next.body());
        }
        try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, Mcp.token())) {
            for (String body : malformedParams()) {
                HttpResponse<String> sse = client.postRaw(body);
                assertEquals(400, sse.statusCode(), body + " -> " + sse.body());
                assertInvalidParams(body, sse.body());
            }
            assertTrue(client.request("ping", new JsonObject()).containsKey("result"), "the SSE session still answers");
        }
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    private static void assertInvalidParams(String sent, String answer) {
        JsonObject json = new JsonObject(answer);
        assertEquals(new JsonObject(sent).getValue("id"), json.getValue("id"), sent + " -> " + answer);
        JsonObject error = json.getJsonObject("error");
        assertNotNull(error, sent + " -> " + answer);
        assertEquals(-32602, error.getInteger("code"), sent + " -> " + answer);
        assertTrue(error.getString("message").startsWith("Invalid params for " + new JsonObject(sent).getString(
                "method") + ": "), sent + " -> " + answer);
    }

    // --- scopes on every kind of message ---

    @Test
    void everyKindOfMessageNeedsItsScopeOnBothTransports() throws Exception {
        String read = product() + ":read";
        String write = product() + ":write";
        String readOnly = token(read);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(call(2, readTool(), readToolArguments()).encode(), read);
        refused.put(Mcp.request(2, "resources/read", new JsonObject().put("uri", resourceUri())).encode(), read);
        refused.put(
                Mcp.request(2, "prompts/get", new JsonObject().put("name", prompt()).put("arguments", new JsonObject(
                        new LinkedHashMap<>(promptArguments())))).encode(),
                read);
        assertScopesRefused(token("openid"), refused);
        // the challenge keeps the scopes the token holds, so a client that asks for exactly what it names loses nothing
        Map<String, String> refusedHoldingWrite = new LinkedHashMap<>();
        String readAndWrite = read + " " + write;
        refused.keySet().forEach(message -> refusedHoldingWrite.put(message, readAndWrite));
        assertScopesRefused(token(write), refusedHoldingWrite);
        Map<String, String> needsWrite = new LinkedHashMap<>();
        needsWrite.put(call(2, writeTool(), writeToolArguments()).encode(), readAndWrite);
        // the same key twice: the check reads the message as the MCP library does (the last one counts)
        needsWrite.put("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + readTool()
                + "\",\"arguments\":" + new JsonObject(writeToolArguments()).encode() + ",\"name\":\"" + writeTool()
                + "\"}}", readAndWrite);
        needsWrite.put("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools\\u002fcall\",\"params\":{\"name\":\""
                + writeTool() + "\",\"arguments\":" + new JsonObject(writeToolArguments()).encode() + "}}",
                readAndWrite);
        // a call that names no tool, or not as text, needs the strongest scope
        needsWrite.put("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":7}}",
                readAndWrite);
        needsWrite.put("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":[\"" + writeTool()
                + "\"]}", readAndWrite);
        needsWrite.put("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\"}", readAndWrite);
        assertScopesRefused(readOnly, needsWrite);
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");

        String allowed = call(2, readTool(), readToolArguments()).encode();
        assertEquals(200, post(readOnly, sessionOf(readOnly), allowed).statusCode(), "the read scope reads");
    }

    private void assertScopesRefused(String token, Map<String, String> messages) throws Exception {
        String session = sessionOf(token);
        try (SseMcpClient client = new SseMcpClient(McpAssured.baseUri, token)) {
            for (Map.Entry<String, String> refused : messages.entrySet()) {
                Response streamable = post(token, session, refused.getKey());
                assertEquals(403, streamable.statusCode(), refused.getKey() + " -> " + streamable.asString());
                assertTrue(streamable.header("WWW-Authenticate").startsWith("Bearer error=\"insufficient_scope\", "
                        + "scope=\"" + refused.getValue() + "\""), streamable.header("WWW-Authenticate"));
                HttpResponse<String> sse = client.postRaw(refused.getKey());
                assertEquals(403, sse.statusCode(), refused.getKey() + " over SSE -> " + sse.body());
            }
        }
    }

    // --- sessions belong to the subject that created them ---

    @Test
    void anotherSubjectsStreamableSessionIsServedAsAnUnknownOne() throws Exception {
        String alice = Mcp.token();
        String bob = Mcp.tokenFor("bob-subject", "bob@example.com");
        String session = sessionOf(alice);

        try (AuditEvents audit = AuditEvents.capture()) {
            Response borrowed = post(bob, session, call(2, readTool(), readToolArguments()).encode());
            assertEquals(200, borrowed.statusCode(), "served, as for a session held elsewhere: " + borrowed
                    .asString());
            assertEquals(405, openStream(bob, session), "no stream of another subject's session");
            assertEquals(404, delete(bob, session), "another subject cannot end the session");
            assertEquals(3, audit.all().stream().filter(e -> "denied".equals(e.getString("outcome"))
                    && "request names another subject's session".equals(e.getString("message"))).count(), () -> audit
                            .all().toString());
        }

        assertEquals(200, post(alice, session, Mcp.request(3, "tools/list", new JsonObject()).encode()).statusCode());
        assertEquals(200, delete(alice, session), "the owner's session was still there");
        assertEquals(404, delete(alice, session), "and is gone once the owner ends it");
    }

    @Test
    void anotherSubjectsLegacySseSessionIsUnknownToThem() throws Exception {
        try (SseMcpClient alice = new SseMcpClient(McpAssured.baseUri, Mcp.token())) {
            HttpResponse<String> borrowed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(alice.messages())
                    .header("Authorization", "Bearer " + Mcp.tokenFor("bob-subject", "bob@example.com")).header(
                            "Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call(5,
                            readTool(), readToolArguments()).encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, borrowed.statusCode(), borrowed.body());
            assertEquals(2, alice.postRaw(Mcp.request(6, "tools/list", new JsonObject()).encode()).statusCode() / 100,
                    "the owner's own request is accepted");
        }
        assertEquals(List.of(), Mcp.sandbox().requests(), "nothing reached Atlassian");
    }

    @Test
    void anElicitationIsAnsweredOnlyFromTheSessionAndSubjectItWasSentTo() throws Exception {
        String alice = Mcp.token();
        String bob = Mcp.tokenFor("bob-subject", "bob@example.com");
        String bobsSession = sessionOf(bob);
        String alicesOtherSession = sessionOf(alice);
        List<Integer> forgeries = new ArrayList<>();
        SseMcpClient[] client = new SseMcpClient[1];
        client[0] = SseMcpClient.answeringElicitationRequests(McpAssured.baseUri, alice, request -> {
            String accept = "{\"jsonrpc\":\"2.0\",\"id\":" + request.getValue("id") + ",\"result\":{\"action\":"
                    + "\"accept\",\"content\":{\"confirm\":true}}}";
            String alicesSseSession = client[0].messages().getPath().replaceFirst(".*/messages/", "");
            try {
                forgeries.add(HttpClient.newHttpClient().send(HttpRequest.newBuilder(client[0].messages()).header(
                        "Authorization", "Bearer " + bob).header("Content-Type", "application/json").POST(
                                HttpRequest.BodyPublishers.ofString(accept))
                        .build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            forgeries.add(post(bob, bobsSession, accept).statusCode());
            forgeries.add(post(bob, alicesSseSession, accept).statusCode());
            forgeries.add(post(bob, null, accept).statusCode());
            forgeries.add(post(alice, alicesOtherSession, accept).statusCode());
            return new JsonObject().put("action", "decline");
        });
        try (SseMcpClient declining = client[0]) {
            JsonObject result = declining.callTool(writeTool(), writeToolArguments()).getJsonObject("result");
            assertTrue(result.getBoolean("isError", false), result::encode);
            assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").startsWith(
                    "Not sent: the user did not confirm"), result::encode);
        }
        assertEquals(List.of(404, 400, 400, 400, 400), forgeries, "every forged answer is refused");
        assertFalse(written(), "nothing was written");

        try (SseMcpClient accepting = SseMcpClient.answeringElicitations(McpAssured.baseUri, alice,
                request -> new JsonObject()
                        .put("action", "accept").put("content", new JsonObject().put("confirm", true)))) {
            JsonObject result = accepting.callTool(writeTool(), writeToolArguments()).getJsonObject("result");
            assertFalse(result.getBoolean("isError", false), result::encode);
        }
        assertTrue(written(), "the owner's own answer is accepted");
    }

    @Test
    void sessionIdsAreHashedInAuditEvents() {
        String session = sessionOf(Mcp.token());
        try (AuditEvents audit = AuditEvents.capture()) {
            assertEquals(200, post(Mcp.token(), session, call(2, readTool(), readToolArguments()).encode())
                    .statusCode());
            assertEquals(SessionOwners.hash(session), audit.single(readTool()).getString("session"));
            assertFalse(audit.all().toString().contains(session), "the session id itself is never written");
        }
    }

    // --- identity ---

    /**
     * The Atlassian account (its id or username, as the server shows it) the server maps the caller with {@code token}
     * to; empty when it maps them to none.
     */
    protected abstract java.util.Optional<String> mappedAccount(String token);

    /** The email of a person the server can map to an account, and that account. */
    protected String victimEmail() {
        return Mcp.EMAIL;
    }

    protected abstract String emailOwnersAccount();

    @Test
    void anEmailTheIdentityProviderDidNotVerifyPicksNoAccount() {
        List<Object> unverified = new ArrayList<>(List.of(false, "false", "FALSE", 0, 1, "", "yes", "1",
                new io.vertx.core.json.JsonArray().add("true").getList()));
        unverified.add(null);
        for (Object verified : unverified) {
            var claims = Jwt.issuer(AUDIENCE).audience(AUDIENCE).subject("mallory-subject").claim("scope",
                    Mcp.ALL_SCOPES).claim("azp", "test-client").claim("email", victimEmail());
            if (verified != null) {
                claims.claim("email_verified", verified);
            }
            String token = claims.expiresIn(600).jws().keyId("1").sign("privateKey.jwk");
            assertEquals(java.util.Optional.empty(), mappedAccount(token), "email_verified=" + verified);
        }
        for (Object verified : List.of(true, "true", "True")) {
            String token = Jwt.issuer(AUDIENCE).audience(AUDIENCE).subject("jane-subject-" + verified).claim("scope",
                    Mcp.ALL_SCOPES).claim("azp", "test-client").claim("email", victimEmail()).claim("email_verified",
                            verified)
                    .expiresIn(600).jws().keyId("1").sign("privateKey.jwk");
            assertEquals(java.util.Optional.of(emailOwnersAccount()), mappedAccount(token), "email_verified="
                    + verified);
        }
    }

    @Test
    void aTokenWithoutASubjectIsRejected() throws Exception {
        String noSubject = Jwt.issuer(AUDIENCE).audience(AUDIENCE).claim("scope", Mcp.ALL_SCOPES).claim("azp",
                "test-client").claim("preferred_username", "alice").claim("email", Mcp.EMAIL).expiresIn(600).jws()
                .keyId("1").sign("privateKey.jwk");
        Response response = post(noSubject, null, initialize().encode());
        assertEquals(401, response.statusCode(), response.asString());
        assertTrue(response.asString().contains("names no subject"), response.asString());
        for (String blank : List.of("", " ", "\t")) {
            String blankSubject = Jwt.issuer(AUDIENCE).audience(AUDIENCE).claim("sub", blank).claim("scope",
                    Mcp.ALL_SCOPES).claim("azp", "test-client").expiresIn(600).jws().keyId("1").sign(
                            "privateKey.jwk");
            assertEquals(401, post(blankSubject, null, initialize().encode()).statusCode(), "sub '" + blank + "'");
        }
        assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(McpAssured.baseUri.resolve(
                "/mcp/sse")).header("Authorization", "Bearer " + noSubject).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(List.of(), Mcp.sandbox().requests());
    }

    // --- helpers ---

    /** The account a {@code *_whoami} tool says the caller with {@code token} is mapped to. */
    protected static java.util.Optional<String> whoamiAccount(String tool, String token) {
        String line = Mcp.text(Mcp.call(Mcp.Transport.STREAMABLE, tool, Map.of(), Mcp.as(token))).lines().filter(
                l -> l.contains(" account: ")).findFirst().orElseThrow();
        java.util.regex.Matcher account = java.util.regex.Pattern.compile(
                " account: (?:[^(,]*\\(([^)]+)\\)|([^(,]+)), found by ").matcher(line);
        return account.find() ? java.util.Optional.of(account.group(1) != null ? account.group(1) : account.group(2))
                : java.util.Optional.empty();
    }

    private static void assertRefusedBatch(String batch, int status, String body) {
        assertRefused(batch, status, body);
        if (!batch.startsWith("\uFEFF")) {
            assertTrue(body.contains("batches are not supported"), batch + " -> " + body);
        }
    }

    private static void assertRefused(String sent, int status, String body) {
        assertEquals(400, status, sent + " -> " + body);
        JsonObject error = new JsonObject(body).getJsonObject("error");
        assertNotNull(error, body);
        assertTrue(Set.of(-32600, -32700).contains(error.getInteger("code")), body);
    }

    private String token(String scopes) {
        return Mcp.token(scopes, "test-client", AUDIENCE);
    }

    private static JsonObject initialize() {
        return Mcp.request(1, "initialize", new JsonObject().put("protocolVersion", "2025-06-18").put("capabilities",
                new JsonObject()).put("clientInfo", new JsonObject().put("name", "attacker").put("version", "1")));
    }

    private static JsonObject call(int id, String tool, Map<String, Object> arguments) {
        return Mcp.request(id, "tools/call", new JsonObject().put("name", tool).put("arguments", new JsonObject(
                new LinkedHashMap<>(arguments))));
    }

    /** A new Streamable HTTP session of {@code token}'s subject, initialized. */
    protected static String sessionOf(String token) {
        Response init = post(token, null, initialize().encode());
        assertEquals(200, init.statusCode(), init.asString());
        String session = init.header("Mcp-Session-Id");
        assertEquals(202, post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode());
        return session;
    }

    protected static Response post(String token, String session, String body) {
        return Mcp.post(token, session, body, Map.of());
    }

    private static int delete(String token, String session) {
        return given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session).delete("/mcp")
                .statusCode();
    }

    private static int openStream(String token, String session) throws Exception {
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                McpAssured.baseUri.resolve("/mcp").toString())).header("Authorization", "Bearer " + token).header(
                        "Mcp-Session-Id", session)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(
                        10))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();
        return stream.statusCode();
    }
}

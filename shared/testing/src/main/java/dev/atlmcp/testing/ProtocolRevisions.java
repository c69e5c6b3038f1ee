package dev.atlmcp.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Each protocol revision a client may ask for is the one it gets and works end to end: {@code 2025-11-25} with the
 * product's icon on the server, every tool, prompt and resource template; {@code 2025-06-18}, {@code 2025-03-26} and
 * {@code 2024-11-05} as before. A server's test extends this class with {@code @QuarkusTest}.
 */
public abstract class ProtocolRevisions extends SandboxReset {

    private static final List<String> REVISIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

    /** The product, whose icon is {@code icons/<product>.svg}. */
    protected abstract String product();

    /** A read tool and arguments that make it succeed, and a text its answer contains. */
    protected abstract Map.Entry<String, Map<String, Object>> readCall();

    protected abstract String readCallShows();

    @Test
    void everyRevisionAClientAsksForIsTheOneItGetsAndToolsWork() {
        for (String revision : REVISIONS) {
            Response init = post(null, revision, initialize(revision));
            assertEquals(200, init.statusCode(), revision + ": " + init.asString());
            assertEquals(revision, result(init).getString("protocolVersion"), init.asString());
            String session = init.header("Mcp-Session-Id");
            assertEquals(202, post(session, revision, new JsonObject().put("jsonrpc", "2.0").put("method",
                    "notifications/initialized")).statusCode());
            JsonObject called = result(post(session, revision, Mcp.request(2, "tools/call", new JsonObject().put("name",
                    readCall().getKey()).put("arguments",
                            new JsonObject(new LinkedHashMap<>(readCall()
                                    .getValue()))))));
            assertFalse(called.getBoolean("isError", false), revision + ": " + called);
            assertTrue(called.getJsonArray("content").getJsonObject(0).getString("text").contains(readCallShows()),
                    revision + ": " + called);
        }
    }

    @Test
    void atRevision20251125TheServerAndEachToolPromptAndResourceCarryTheProductsIcon() {
        String revision = REVISIONS.get(0);
        Response init = post(null, revision, initialize(revision));
        String session = init.header("Mcp-Session-Id");
        post(session, revision, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        JsonArray serverIcons = result(init).getJsonObject("serverInfo").getJsonArray("icons");
        assertProductIcon("the server", serverIcons);
        int features = 0;
        for (String[] list : new String[][] { { "tools/list", "tools" }, { "prompts/list", "prompts" },
                { "resources/templates/list", "resourceTemplates" } }) {
            JsonArray items = result(post(session, revision, Mcp.request(3, list[0], new JsonObject()))).getJsonArray(
                    list[1]);
            assertFalse(items.isEmpty(), list[0]);
            for (Object item : items) {
                JsonObject feature = (JsonObject) item;
                assertProductIcon(list[0] + " " + feature.getString("name"), feature.getJsonArray("icons"));
                assertEquals(serverIcons, feature.getJsonArray("icons"), feature.getString("name"));
                features++;
            }
        }
        assertTrue(features > 5, features + " features");
    }

    @Test
    void aSessionTheClientEndedIsAnsweredAsGoneOnEveryMethod() {
        String revision = REVISIONS.get(0);
        String session = post(null, revision, initialize(revision)).header("Mcp-Session-Id");
        post(session, revision, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        assertEquals(200, given().header("Authorization", "Bearer " + Mcp.token()).header("Mcp-Session-Id", session)
                .delete("/mcp").statusCode());
        assertEquals(404, post(session, revision, Mcp.request(4, "tools/list", new JsonObject())).statusCode(),
                "POST on the ended session");
        assertEquals(404, given().header("Authorization", "Bearer " + Mcp.token()).header("Mcp-Session-Id", session)
                .accept("text/event-stream").get("/mcp").statusCode(), "GET on the ended session");
        assertEquals(404, given().header("Authorization", "Bearer " + Mcp.token()).header("Mcp-Session-Id", session)
                .delete("/mcp").statusCode(), "DELETE again");
        Response again = post(null, revision, initialize(revision));
        assertEquals(200, again.statusCode(), "a new session can start");
        assertFalse(session.equals(again.header("Mcp-Session-Id")));
    }

    private void assertProductIcon(String what, JsonArray icons) {
        assertTrue(icons != null && icons.size() == 1, what + ": " + icons);
        JsonObject icon = icons.getJsonObject(0);
        assertEquals("image/svg+xml", icon.getString("mimeType"), what);
        assertEquals(new JsonArray().add("any"), icon.getJsonArray("sizes"), what);
        String src = icon.getString("src");
        assertTrue(src.startsWith("data:image/svg+xml;base64,"), what + ": " + src);
        String svg = new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        try (var in = getClass().getResourceAsStream("/icons/" + product() + ".svg")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), svg, what);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(src.length() < 400, what + ": an icon costs " + src.length() + " characters");
    }

    private static JsonObject initialize(String revision) {
        return Mcp.request(1, "initialize", new JsonObject().put("protocolVersion", revision).put("capabilities",
                new JsonObject()).put("clientInfo", new JsonObject().put("name", "revision-test").put("version", "1")));
    }

    private static JsonObject result(Response response) {
        String body = response.asString();
        String json = body.startsWith("{") ? body : body.lines().filter(line -> line.startsWith("data:")).map(
                line -> line.substring(5).trim()).filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElse(body);
        JsonObject result = new JsonObject(json).getJsonObject("result");
        assertTrue(result != null, body);
        return result;
    }

    private static Response post(String session, String revision, JsonObject message) {
        return Mcp.post(Mcp.token(), session, message.encode(), session == null ? Map.of() : Map.of(
                "MCP-Protocol-Version", revision));
    }
}

package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A local single-user set-up: inbound authentication switched off on a loopback address. Tools work without a token;
 * the Host check still applies. (Refusing to start on a non-loopback address is covered by InboundAuthCheckTest.)
 */
@QuarkusTest
@TestProfile(LocalWithoutAuthTest.Local.class)
class LocalWithoutAuthTest {

    public static class Local implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.auth.enabled", "false", "quarkus.http.host", "127.0.0.1");
        }
    }

    @Test
    void toolsWorkWithoutATokenOnLoopback() {
        var client = McpAssured.newStreamableClient().build().connect();
        try {
            client.when().toolsCall("jira_get_issue").withArguments(Map.of("issue_key", "OPS-1")).withAssert(r -> {
                assertFalse(r.isError(), r.content().get(0).asText().text());
                assertTrue(r.content().get(0).asText().text().startsWith("# OPS-1: "));
            }).send().thenAssertResults();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void foreignHostsAreStillRefused() {
        io.restassured.RestAssured.given().header("Host", "attacker.example.com").contentType("application/json")
                .body("{}").post("/mcp").then().statusCode(403);
    }
}

package dev.atlmcp.compass;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.CapturedLogs;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.MessageAttacks;

/**
 * The attacks on the message path (see MessageAttacks), with compass_add_labels asking for confirmation, and with every
 * log an operator can switch on captured, to show that no session id reaches one.
 */
@QuarkusTest
@TestProfile(MessageAttacksTest.Confirmed.class)
class MessageAttacksTest extends MessageAttacks {

    public static class Confirmed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(CapturedLogs.config("compass-attacks"));
            config.putAll(Map.of("mcp.confirm.tools", "compass_add_labels", "mcp.confirm.secret",
                    "confirmation-secret-for-tests-0123456789", "mcp.identity.accounts", Mcp.EMAIL + "=compass-jane"));
            return config;
        }
    }

    @Override
    protected String product() {
        return "compass";
    }

    @Override
    protected String readTool() {
        return "compass_get_component";
    }

    @Override
    protected Map<String, Object> readToolArguments() {
        return Map.of("component", "checkout-api");
    }

    @Override
    protected String writeTool() {
        return "compass_add_labels";
    }

    @Override
    protected Map<String, Object> writeToolArguments() {
        return Map.of("component", "checkout-api", "labels", java.util.List.of("attack-test"));
    }

    @Override
    protected String resourceUri() {
        return "compass://component/checkout-api";
    }

    @Override
    protected String prompt() {
        return "who_owns";
    }

    @Override
    protected Map<String, String> promptArguments() {
        return Map.of("component", "checkout-api");
    }

    /** Compass has no account directory: the mapping table, here keyed by email, is all; a write's audit names it. */
    @Override
    protected java.util.Optional<String> mappedAccount(String token) {
        try (AuditEvents audit = AuditEvents.capture()) {
            Mcp.call(Mcp.Transport.STREAMABLE, "compass_add_labels", Map.of("component", "checkout-api", "labels",
                    java.util.List.of("attack-test"), "dry_run", true), Mcp.as(token));
            String account = audit.single("compass_add_labels").getJsonObject("principal").getString(
                    "atlassianAccount");
            return java.util.Optional.ofNullable(account);
        }
    }

    @Override
    protected String emailOwnersAccount() {
        return "compass-jane";
    }

    @Override
    protected Map.Entry<Map.Entry<String, Map<String, Object>>, String> writtenShowsIn() {
        return Map.entry(Map.entry("compass_get_component", Map.of("component", "checkout-api")), "attack-test");
    }

    @org.junit.jupiter.api.Test
    void noLogShowsASessionIdEvenWithEveryLogOn() throws Exception {
        String streamable = sessionOf(Mcp.token());
        post(Mcp.token(), streamable, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        post(Mcp.tokenFor("bob-subject", "bob@example.com"), streamable,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
        String sse;
        try (dev.atlmcp.testing.SseMcpClient client = new dev.atlmcp.testing.SseMcpClient(
                io.quarkiverse.mcp.server.test.McpAssured.baseUri, Mcp.token())) {
            sse = client.messages().getPath().replaceFirst(".*/messages/", "");
            client.callTool("compass_list_component_types", Map.of());
        }
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + Mcp.token()).header("Mcp-Session-Id",
                streamable).delete("/mcp").then().statusCode(200);
        Thread.sleep(500);
        String log = CapturedLogs.read("compass-attacks");
        org.junit.jupiter.api.Assertions.assertTrue(log.contains("/mcp/sse") && log.contains("DELETE /mcp"),
                "the access log was on");
        org.junit.jupiter.api.Assertions.assertFalse(log.contains(streamable), "a Streamable HTTP session id");
        org.junit.jupiter.api.Assertions.assertFalse(log.contains(sse), "a legacy SSE session id");
        org.junit.jupiter.api.Assertions.assertTrue(log.contains("session:" + dev.atlmcp.auth.inbound.SessionOwners
                .hash(streamable)), "lines that named the session name its hash");
    }
}

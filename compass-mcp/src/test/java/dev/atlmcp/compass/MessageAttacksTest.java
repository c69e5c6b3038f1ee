package dev.atlmcp.compass;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.MessageAttacks;

/** The attacks on the message path (see MessageAttacks), with compass_add_labels asking for confirmation. */
@QuarkusTest
@TestProfile(MessageAttacksTest.Confirmed.class)
class MessageAttacksTest extends MessageAttacks {

    public static class Confirmed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.confirm.tools", "compass_add_labels", "mcp.confirm.secret",
                    "confirmation-secret-for-tests-0123456789", "mcp.identity.accounts", Mcp.EMAIL + "=compass-jane");
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
}

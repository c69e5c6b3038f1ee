package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.Mcp.Transport;

/** With each caller's own token, "my components" are those of the caller's teams, and differ per caller. */
@QuarkusTest
@TestProfile(MyComponentsPerUserTest.PerUser.class)
class MyComponentsPerUserTest {

    public static class PerUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlassian.auth.mode", "per-user");
        }
    }

    private static String mine(dev.atlmcp.sandbox.SandboxUser user, Map<String, Object> arguments) {
        return text(call(Transport.STREAMABLE, "compass_my_components", arguments, Map.of(Sandbox.USER_TOKEN_HEADER,
                user.email() + ":" + user.apiToken())));
    }

    @Test
    void eachCallerSeesTheComponentsOfTheirOwnTeams() {
        String priya = mine(Directory.PRIYA, Map.of("limit", 50));
        assertTrue(priya.contains("| payments-api |") && priya.contains("| data-warehouse |") && priya.contains(
                "| catalog-service |"), priya);
        assertFalse(priya.contains("| checkout-api |"), priya);
        String jane = mine(Directory.JANE, Map.of("limit", 50, "type", "APPLICATION"));
        assertTrue(jane.contains("| checkout-web |"), jane);
        assertFalse(jane.contains("| checkout-api |"), "type filter: " + jane);
    }

    @Test
    void withoutTheCallersTokenNothingIsSent() {
        String answer = text(call(Transport.STREAMABLE, "compass_my_components", Map.of()));
        assertTrue(answer.contains("X-Atlassian-User-Token"), answer);
    }
}

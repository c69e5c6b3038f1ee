package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp.Transport;

/** A cloud id of another site is refused by Compass with a QueryError; the tool says so and what to fix. */
@QuarkusTest
@TestProfile(WrongCloudIdTest.OtherSite.class)
class WrongCloudIdTest {

    public static class OtherSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlassian.cloud-id", "11111111-2222-3333-4444-555555555555");
        }
    }

    @Test
    void searchWithAForeignCloudIdIsAClearToolError() {
        assertEquals("Atlassian denied this operation (HTTP 403): You do not have access to cloud id "
                + "11111111-2222-3333-4444-555555555555. The Atlassian account used lacks the permission; ask a site "
                + "admin or use an account that has it.",
                text(call(Transport.STREAMABLE, "compass_search_components",
                        Map.of())));
    }
}

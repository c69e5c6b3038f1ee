package dev.atlmcp.confluence;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.ReadOnlyModeContract;

@QuarkusTest
@TestProfile(ReadOnlyModeTest.ReadOnly.class)
class ReadOnlyModeTest extends ReadOnlyModeContract {

    public static class ReadOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.policy.read-only", "true");
        }
    }
}

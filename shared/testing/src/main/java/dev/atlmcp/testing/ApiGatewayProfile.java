package dev.atlmcp.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.atlmcp.sandbox.Directory;

/**
 * The service account's Cloud scoped API token, which Atlassian accepts only through its API gateway (served by the
 * sandbox on its own host); the cloud id is read from the site.
 */
public class ApiGatewayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("atlassian.gateway.enabled", "true", "atlassian.gateway.url", "${sandbox.url}",
                "atlassian.auth.token", Directory.BOT.scopedToken());
    }
}

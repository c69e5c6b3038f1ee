package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.compass.config.CompassConfig;
import dev.atlmcp.compass.config.CompassConfigCheck;

class CompassConfigCheckTest {

    private static List<String> problems(String deployment, String cloudId) {
        AtlassianConfig atlassian = new AtlassianConfig() {
            @Override
            public Optional<String> url() {
                return Optional.of("https://acme.atlassian.net");
            }

            @Override
            public String deployment() {
                return deployment;
            }

            @Override
            public Auth auth() {
                return null;
            }
        };
        CompassConfig compass = () -> Optional.ofNullable(cloudId);
        return new CompassConfigCheck(atlassian, compass).problems();
    }

    @Test
    void cloudWithOrWithoutACloudIdIsFine() {
        assertEquals(List.of(), problems("cloud", null));
        assertEquals(List.of(), problems("cloud", "a436116f-02ce-4520-8fbb-7301462a1674"));
    }

    @Test
    void dataCenterAndMalformedCloudIdsAreRefusedWithOneLineEach() {
        assertEquals(List.of("Configuration error: atlassian.deployment (ATLASSIAN_DEPLOYMENT) must be 'cloud' for "
                + "compass-mcp: Compass exists only on Atlassian Cloud.",
                "Configuration error: compass.cloud-id (COMPASS_CLOUD_ID) must be the site's cloud id (a UUID), got "
                        + "'acme'; leave it unset to read it from the site."),
                problems("datacenter", "acme"));
    }
}

package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.compass.config.CompassConfigCheck;

class CompassConfigCheckTest {

    private static List<String> problems(String deployment) {
        AtlassianConfig atlassian = new SmallRyeConfigBuilder().withMapping(AtlassianConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("atlassian.deployment", deployment), "test"))
                .build().getConfigMapping(AtlassianConfig.class);
        return new CompassConfigCheck(atlassian).problems();
    }

    @Test
    void cloudIsFineAndDataCenterIsRefused() {
        assertEquals(List.of(), problems("cloud"));
        assertEquals(List.of("Configuration error: atlassian.deployment (ATLASSIAN_DEPLOYMENT) must be 'cloud' for "
                + "compass-mcp: Compass exists only on Atlassian Cloud."), problems("datacenter"));
    }
}

package dev.atlmcp.compass.config;

import java.util.List;

import jakarta.inject.Singleton;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ConfigCheck;

/** Compass exists only on Atlassian Cloud. */
@Singleton
public class CompassConfigCheck implements ConfigCheck {

    private final AtlassianConfig atlassian;

    public CompassConfigCheck(AtlassianConfig atlassian) {
        this.atlassian = atlassian;
    }

    @Override
    public List<String> problems() {
        return atlassian.isDataCenter() ? List.of(ConfigCheck.problem("atlassian.deployment", "must be 'cloud' "
                + "for compass-mcp: Compass exists only on Atlassian Cloud")) : List.of();
    }
}

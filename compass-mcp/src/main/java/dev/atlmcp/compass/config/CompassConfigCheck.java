package dev.atlmcp.compass.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ConfigCheck;
import dev.atlmcp.auth.config.ConfigValidator;

/** Compass exists only on Atlassian Cloud, and a configured cloud id must look like one. */
@Singleton
public class CompassConfigCheck implements ConfigCheck {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    private final AtlassianConfig atlassian;
    private final CompassConfig compass;

    public CompassConfigCheck(AtlassianConfig atlassian, CompassConfig compass) {
        this.atlassian = atlassian;
        this.compass = compass;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (atlassian.isDataCenter()) {
            problems.add(ConfigValidator.problem("atlassian.deployment", "must be 'cloud' for compass-mcp: Compass "
                    + "exists only on Atlassian Cloud"));
        }
        compass.cloudId().filter(id -> !UUID.matcher(id.trim()).matches()).ifPresent(id -> problems.add(
                ConfigValidator.problem("compass.cloud-id", "must be the site's cloud id (a UUID), got '" + id
                        + "'; leave it unset to read it from the site")));
        return problems;
    }
}

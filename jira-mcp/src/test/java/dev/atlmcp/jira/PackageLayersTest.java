package dev.atlmcp.jira;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.PackageLayers;

/** Tools use services and renderers, services use the typed client, never the other way round. */
class PackageLayersTest {

    @Test
    void packagesDependOnlyOnLowerLayers() {
        PackageLayers.check(List.of("dev.atlmcp.jira"), List.of("dev.atlmcp.jira.client", "dev.atlmcp.jira.service",
                "dev.atlmcp.jira.render", "dev.atlmcp.jira.tools"));
    }
}

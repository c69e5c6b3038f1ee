package dev.atlmcp.compass;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.PackageLayers;

/** Tools use services and renderers, services use the typed client, never the other way round. */
class PackageLayersTest {

    @Test
    void packagesDependOnlyOnLowerLayers() {
        PackageLayers.check(List.of("dev.atlmcp.compass"),
                List.of("dev.atlmcp.compass.config", "dev.atlmcp.compass.client", "dev.atlmcp.compass.service",
                        "dev.atlmcp.compass.render", "dev.atlmcp.compass.tools"));
    }
}

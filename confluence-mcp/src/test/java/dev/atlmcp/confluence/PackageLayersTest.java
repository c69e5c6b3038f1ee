package dev.atlmcp.confluence;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.PackageLayers;

/** Tools use services and renderers, services use the typed client, never the other way round. */
class PackageLayersTest {

    @Test
    void packagesDependOnlyOnLowerLayers() {
        PackageLayers.check(List.of("dev.atlmcp.confluence"),
                List.of("dev.atlmcp.confluence.client", "dev.atlmcp.confluence.service",
                        "dev.atlmcp.confluence.render", "dev.atlmcp.confluence.tools"));
    }
}

package dev.atlmcp.compass;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.RegistryEntries;

/** The registry entries in registry/ name exactly this server's tools and version (see RegistryEntries). */
@QuarkusTest
class RegistryEntryTest {

    @Test
    void registryEntriesMatchTheToolsAndVersion() {
        RegistryEntries.assertMatch("compass-mcp", "Compass",
                "Find Compass components, owners, dependencies, scorecards and events; update the catalog.");
    }
}

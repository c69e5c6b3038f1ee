package dev.atlmcp.confluence;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.RegistryEntries;

/** The registry entries in registry/ name exactly this server's tools and version (see RegistryEntries). */
@QuarkusTest
class RegistryEntryTest {

    @Test
    void registryEntriesMatchTheToolsAndVersion() {
        RegistryEntries.assertMatch("confluence-mcp", "Confluence",
                "Search, read and carefully edit Confluence pages, sections, comments and labels.");
    }
}

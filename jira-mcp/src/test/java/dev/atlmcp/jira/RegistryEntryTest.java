package dev.atlmcp.jira;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.RegistryEntries;

/** The registry entries in registry/ name exactly this server's tools and version (see RegistryEntries). */
@QuarkusTest
class RegistryEntryTest {

    @Test
    void registryEntriesMatchTheToolsAndVersion() {
        RegistryEntries.assertMatch("jira-mcp", "Jira",
                "Search, read and carefully change Jira issues, sprints and projects, on Cloud and Data Center.");
    }
}

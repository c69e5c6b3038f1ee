package dev.atlmcp.confluence;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.NativeReadiness;

/**
 * A native build of confluence-mcp would have its DTOs and resources (see NativeReadiness); runs with -Dnative-sources.
 */
class NativeReadinessIT {

    @Test
    void nativeImageConfigurationIsComplete() {
        NativeReadiness.assertReady();
    }
}

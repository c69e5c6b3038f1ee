package dev.atlmcp.compass;

import org.junit.jupiter.api.Test;

import dev.atlmcp.testing.NativeReadiness;

/**
 * A native build of compass-mcp would have its DTOs and resources (see NativeReadiness); runs with -Dnative-sources.
 */
class NativeReadinessIT {

    @Test
    void nativeImageConfigurationIsComplete() {
        NativeReadiness.assertReady();
    }
}

package dev.atlmcp.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tool tests extend this so each test finds the sandbox seeded afresh, with no faults and an empty request log, and
 * leaves it so for whatever test runs next in the same application.
 */
public abstract class SandboxReset {

    @BeforeEach
    @AfterEach
    void resetSandbox() {
        Mcp.sandbox().reset();
    }
}

package dev.atlmcp.testing;

import org.junit.jupiter.api.AfterEach;

/** Tool tests extend this so each test finds the sandbox seeded afresh, with no faults and an empty request log. */
public abstract class SandboxReset {

    @AfterEach
    void resetSandbox() {
        Mcp.sandbox().reset();
    }
}

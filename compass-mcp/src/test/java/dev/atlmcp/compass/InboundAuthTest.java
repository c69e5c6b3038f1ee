package dev.atlmcp.compass;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.InboundAuthContract;

@QuarkusTest
class InboundAuthTest extends InboundAuthContract {

    @Override
    protected String serverName() {
        return "compass-mcp";
    }
}

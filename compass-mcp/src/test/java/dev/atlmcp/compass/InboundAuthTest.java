package dev.atlmcp.compass;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.InboundAuthContract;

@QuarkusTest
class InboundAuthTest extends InboundAuthContract {

    @Override
    protected String serverName() {
        return "compass-mcp";
    }

    @Override
    protected String readTool() {
        return "compass_get_component";
    }

    @Override
    protected Map<String, Object> readToolArguments() {
        return Map.of("component", "checkout-api");
    }
}

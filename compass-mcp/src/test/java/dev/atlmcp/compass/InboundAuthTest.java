package dev.atlmcp.compass;

import java.util.Map;
import java.util.Optional;

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

    @Override
    protected Optional<String> writeTool() {
        return Optional.of("compass_update_component");
    }

    @Override
    protected Map<String, Object> writeToolArguments() {
        return Map.of("component", "checkout-api", "description", "Owns the order flow.");
    }

    @Override
    protected Optional<String> resourceUri() {
        return Optional.of("compass://component/checkout-api");
    }
}

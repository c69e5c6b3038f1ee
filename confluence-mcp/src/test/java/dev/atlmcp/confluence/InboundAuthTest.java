package dev.atlmcp.confluence;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.InboundAuthContract;

@QuarkusTest
class InboundAuthTest extends InboundAuthContract {

    @Override
    protected String serverName() {
        return "confluence-mcp";
    }

    @Override
    protected String readTool() {
        return "confluence_get_page";
    }

    @Override
    protected Map<String, Object> readToolArguments() {
        return Map.of("page_id", "131075");
    }
}

package dev.atlmcp.confluence;

import java.util.Map;
import java.util.Optional;

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

    @Override
    protected Optional<String> writeTool() {
        return Optional.of("confluence_add_comment");
    }

    @Override
    protected Map<String, Object> writeToolArguments() {
        return Map.of("page_id", "131075", "body", "Only with confluence:write.");
    }

    @Override
    protected Optional<String> resourceUri() {
        return Optional.of("confluence://page/131075");
    }
}

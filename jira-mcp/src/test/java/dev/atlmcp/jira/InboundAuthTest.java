package dev.atlmcp.jira;

import java.util.Map;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.InboundAuthContract;

@QuarkusTest
class InboundAuthTest extends InboundAuthContract {

    @Override
    protected String serverName() {
        return "jira-mcp";
    }

    @Override
    protected String readTool() {
        return "jira_get_issue";
    }

    @Override
    protected Map<String, Object> readToolArguments() {
        return Map.of("issue_key", "OPS-1");
    }

    @Override
    protected Optional<String> writeTool() {
        return Optional.of("jira_add_comment");
    }

    @Override
    protected Map<String, Object> writeToolArguments() {
        return Map.of("issue_key", "OPS-1", "body", "Only with jira:write.");
    }

    @Override
    protected Optional<String> resourceUri() {
        return Optional.of("jira://issue/OPS-1");
    }
}

package dev.atlmcp.jira;

import java.util.Map;

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
}

package dev.atlmcp.jira;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.ToolSetsContract;

/** jira-mcp as installed: its default tool sets, narrowed by the client's URL. */
@QuarkusTest
@TestProfile(ToolSetsContract.DefaultSets.class)
class ToolSetsTest extends ToolSetsContract {

    @Override
    protected String server() {
        return "jira-mcp";
    }

    @Override
    protected String toolWithoutArguments() {
        return "jira_whoami";
    }
}

package dev.atlmcp.jira;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.MessageAttacks;

/** The attacks on the message path (see MessageAttacks), with jira_add_comment asking for confirmation. */
@QuarkusTest
@TestProfile(ConfirmedWritesTest.Confirmed.class)
class MessageAttacksTest extends MessageAttacks {

    @Override
    protected String product() {
        return "jira";
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
    protected String writeTool() {
        return "jira_add_comment";
    }

    @Override
    protected Map<String, Object> writeToolArguments() {
        return Map.of("issue_key", "OPS-5", "body", "Restarted the consumer.");
    }

    @Override
    protected String resourceUri() {
        return "jira://issue/OPS-1";
    }

    @Override
    protected String prompt() {
        return "prepare_ticket_context";
    }

    @Override
    protected Map<String, String> promptArguments() {
        return Map.of("issue_key", "OPS-1");
    }

    @Override
    protected java.util.Optional<String> mappedAccount(String token) {
        return whoamiAccount("jira_whoami", token);
    }

    @Override
    protected String emailOwnersAccount() {
        return dev.atlmcp.sandbox.Directory.JANE.accountId();
    }

    @Override
    protected Map.Entry<Map.Entry<String, Map<String, Object>>, String> writtenShowsIn() {
        return Map.entry(Map.entry("jira_get_comments", Map.of("issue_key", "OPS-5")), "Restarted the consumer.");
    }
}

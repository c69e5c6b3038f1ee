package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;

/** Confluence cannot find people by email, so callers are mapped through the mapping table. */
@QuarkusTest
class IdentityTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void whoamiTellsAnUnmappedCallerHowToBeMapped(Transport transport) {
        String md = text(call(transport, "confluence_whoami", Map.of()));
        assertTrue(md.startsWith("# Who you are\nSigned in as alice (subject alice-subject, jane.doe@example.com) "
                + "through client test-client.\nConfluence account: unknown: this product cannot search accounts by "
                + "email; add alice-subject to the mapping table (MCP_IDENTITY_ACCOUNTS). "), md);
        assertTrue(md.contains("Confluence calls use the service account MCP Service Account ("
                + Directory.BOT.accountId() + ")"), md);
    }

    @Test
    void theMappingTableMapsTheCaller() {
        String md = text(call(Transport.STREAMABLE, "confluence_whoami", Map.of(), Mcp.as(Mcp.tokenFor(
                "mapped-subject", null))));
        assertEquals("Confluence account: 5b10a2844c20165700ede21g, found by the mapping table", md.lines().filter(
                l -> l.startsWith("Confluence account:")).findFirst().orElseThrow());
    }
}

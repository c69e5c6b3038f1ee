package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** Identical page creates at the same moment make one page, and every call answers with it. */
@QuarkusTest
class CreateOnceTest extends SandboxReset {

    private static final Pattern PAGE = Pattern.compile("/pages/(\\d+)/");

    @Test
    void sixIdenticalCallsAtOnceMakeOnePage() throws Exception {
        Mcp.sandbox().clearRequests();
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/wiki/api/v2/pages").put("method", "POST").put(
                "latencyMs", 400).put("count", 1));
        Set<String> pages = new HashSet<>();
        for (Mcp.Result result : Mcp.atOnce(6, "confluence_create_page", Map.of("space", "ENG", "title",
                "Runbook: key rotation", "body", "## Steps\n1. Rotate the key"))) {
            assertFalse(result.isError(), result::text);
            Matcher page = PAGE.matcher(result.text());
            assertTrue(page.find(), result.text());
            pages.add(page.group(1));
        }
        assertEquals(1, pages.size(), () -> "every answer names the one page: " + pages);
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /wiki/api/v2/pages "))
                .count(), () -> "one create sent: " + Mcp.sandbox().requests());
    }
}

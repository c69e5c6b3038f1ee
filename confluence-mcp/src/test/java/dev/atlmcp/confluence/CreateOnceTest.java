package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
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
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<String> pages = new HashSet<>();
        try {
            List<Future<Mcp.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Transport transport = i % 2 == 0 ? Transport.STREAMABLE : Transport.SSE;
                calls.add(pool.submit(() -> call(transport, "confluence_create_page", Map.of("space", "ENG", "title",
                        "Runbook: key rotation", "body", "## Steps\n1. Rotate the key"))));
            }
            for (Future<Mcp.Result> call : calls) {
                Mcp.Result result = call.get();
                assertFalse(result.isError(), result::text);
                Matcher page = PAGE.matcher(result.text());
                assertTrue(page.find(), result.text());
                pages.add(page.group(1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, pages.size(), () -> "every answer names the one page: " + pages);
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /wiki/api/v2/pages "))
                .count(), () -> "one create sent: " + Mcp.sandbox().requests());
    }
}

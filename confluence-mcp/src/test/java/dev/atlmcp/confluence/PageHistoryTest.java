package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
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
import dev.atlmcp.testing.SandboxReset;

/** confluence_get_page_versions and confluence_get_page_diff on Cloud. */
@QuarkusTest
class PageHistoryTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void versionsAreListedNewestFirstAndPaged(Transport transport) {
        String first = call(transport, "confluence_get_page_versions", Map.of("page_id", "131077", "limit", 2))
                .text();
        assertTrue(first.startsWith("# Versions of page 131077 (Postmortem: 2026-11-18 checkout latency), newest "
                + "first\n2 versions. More: call again with cursor=\"2\"."), first);
        assertTrue(first.contains("| 3 | account " + Directory.BOB.accountId() + " | "), first);
        assertTrue(first.contains(" | Actions |"), first);
        String last = call(transport, "confluence_get_page_versions", Map.of("page_id", "131077", "limit", 2,
                "cursor", "2")).text();
        assertTrue(last.contains("1 version. Last page.") && last.contains("| 1 | "), last);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aDiffShowsTheLinesAnEditAdded(Transport transport) {
        String diff = call(transport, "confluence_get_page_diff", Map.of("page_id", "131075", "from_version", 1))
                .text();
        assertTrue(diff.startsWith("# Changes to page 131075 (Runbook: checkout-api latency) from version 1 to 2\n"
                + "2 lines added, 0 removed."), diff);
        assertTrue(diff.contains("```diff\n--- version 1\n+++ version 2\n"), diff);
        assertTrue(diff.contains("\n+- Settlement job running\n"), diff);
        assertTrue(diff.contains("\n+| Payments | @[Priya"), diff);
    }

    @Test
    void anAppendShowsUpInTheDiffAgainstThePreviousVersion() {
        Mcp.call(Transport.STREAMABLE, "confluence_append_to_page", Map.of("page_id", "131076", "body",
                "Escalate to **payments** after an hour."));
        String diff = call(Transport.STREAMABLE, "confluence_get_page_diff", Map.of("page_id", "131076",
                "from_version", 1)).text();
        assertTrue(diff.contains("1 lines added, 0 removed.") || diff.contains("2 lines added, 0 removed."), diff);
        assertTrue(diff.contains("\n+Escalate to **payments** after an hour."), diff);
    }

    @Test
    void versionRangesAndPagesAreChecked() {
        assertEquals("Invalid argument: from_version and to_version must satisfy 1 <= from_version < to_version <= 2 "
                + "(the current version of page 131075), got 2 and 1",
                call(Transport.STREAMABLE,
                        "confluence_get_page_diff", Map.of("page_id", "131075", "from_version", 2, "to_version", 1))
                                .text());
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page_diff", Map.of("page_id", "131075", "from_version",
                1, "to_version", 9)).text().startsWith("Invalid argument: from_version and to_version must"));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page_versions", Map.of("page_id", "262146")).text()
                .startsWith("Not found"));
        assertTrue(call(Transport.STREAMABLE, "confluence_get_page_versions", Map.of("page_id", "131075", "limit",
                99)).text().startsWith("Invalid argument: limit must be between 1 and 50"));
    }
}

package dev.atlmcp.confluence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.platform.toolsets.ToolSetCatalog;
import dev.atlmcp.testing.Fidelity;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.Tokens;

/**
 * Tokens cost the model on every turn: the whole tools/list stays small, and the realistic seeded item keeps every fact
 * within its recorded bound.
 */
@QuarkusTest
class TokenBudgetTest extends SandboxReset {

    @Inject
    ToolSetCatalog catalog;

    static final int BUDGET = 6_000;

    /** Every fact in {@code fidelity/confluence_get_page-131075.facts}, within its bound. */
    @Test
    void theRealisticItemKeepsEveryFactWithinItsBound() {
        Fidelity.of("confluence_get_page-131075")
                .check(Mcp.call(Mcp.Transport.STREAMABLE, "confluence_get_page", Map.of("page_id", "131075"))
                        .text());
    }

    @Test
    void theWholeToolListStaysUnderTheTokenBudget() {
        Tokens.printToolSets("confluence-mcp", catalog.sets());
        int tokens = Tokens.toolsList("confluence-mcp every tool set");
        assertTrue(tokens < BUDGET, "tools/list costs " + tokens + " tokens; the budget is " + BUDGET);
    }
}

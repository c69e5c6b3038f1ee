package dev.atlmcp.compass;

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

    /** Every fact in {@code fidelity/compass_get_component-checkout-api.facts}, within its bound. */
    @Test
    void theRealisticItemKeepsEveryFactWithinItsBound() {
        Fidelity.of("compass_get_component-checkout-api")
                .check(Mcp.call(Mcp.Transport.STREAMABLE, "compass_get_component", Map.of("component", "checkout-api"))
                        .text());
    }

    @Test
    void theWholeToolListStaysUnderTheTokenBudget() {
        Tokens.printToolSets("compass-mcp", catalog.sets());
        int tokens = Tokens.toolsList("compass-mcp every tool set");
        assertTrue(tokens < BUDGET, "tools/list costs " + tokens + " tokens; the budget is " + BUDGET);
    }
}

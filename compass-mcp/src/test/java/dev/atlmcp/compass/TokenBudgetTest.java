package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.platform.toolsets.ToolSetCatalog;
import dev.atlmcp.testing.Tokens;

/** Tokens cost the model on every turn: the whole tools/list stays small. */
@QuarkusTest
class TokenBudgetTest {

    @Inject
    ToolSetCatalog catalog;

    static final int BUDGET = 6_000;

    @Test
    void theWholeToolListStaysUnderTheTokenBudget() {
        Tokens.printToolSets("compass-mcp", catalog.sets());
        int tokens = Tokens.toolsList("compass-mcp every tool set");
        assertTrue(tokens < BUDGET, "tools/list costs " + tokens + " tokens; the budget is " + BUDGET);
    }
}

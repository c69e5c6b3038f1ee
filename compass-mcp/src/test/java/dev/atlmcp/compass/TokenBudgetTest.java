package dev.atlmcp.compass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Tokens;

/** Tokens cost the model on every turn: the whole tools/list stays small. */
@QuarkusTest
class TokenBudgetTest {

    static final int BUDGET = 6_000;

    @Test
    void theWholeToolListStaysUnderTheTokenBudget() {
        int tokens = Tokens.toolsList("compass-mcp");
        assertTrue(tokens < BUDGET, "tools/list costs " + tokens + " tokens; the budget is " + BUDGET);
    }
}

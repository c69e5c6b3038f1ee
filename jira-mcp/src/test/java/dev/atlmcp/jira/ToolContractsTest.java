package dev.atlmcp.jira;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.ToolContracts;

/** Each tool's contract is the reviewed file in tool-contracts/, and its annotations say what it does. */
@QuarkusTest
class ToolContractsTest {

    @Test
    void eachToolIsItsReviewedContract() {
        ToolContracts.assertMatch("jira-mcp");
    }

    @Test
    void annotationsSayWhatEachToolDoes() {
        ToolContracts.assertAnnotationsConsistent();
    }
}

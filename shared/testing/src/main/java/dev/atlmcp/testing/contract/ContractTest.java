package dev.atlmcp.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * A server's contract test: runs after every other test of the module (its own failsafe execution) and holds all the
 * traffic they sent to the sandbox against Atlassian's API descriptions. The summary is printed and written to
 * {@code target/contract-summary.txt}.
 */
public abstract class ContractTest {

    private static final Path TRAFFIC = Path.of("target", "sandbox-traffic");

    @Test
    void everyRequestAndAnswerFollowsAtlassiansApiDescriptions() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "no sandbox traffic recorded in " + TRAFFIC + ": no test ran");
        ContractCheck.Result result = ContractCheck.check(TRAFFIC);
        String summary = result.summary();
        Files.writeString(Path.of("target", "contract-summary.txt"), summary);
        System.out.println(summary);
        assertEquals(0, result.mismatches().size(), summary);
    }
}

package dev.atlmcp.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * A server's contract test: runs after every other test of the module (its own failsafe execution) and holds all the
 * traffic they sent to the sandbox against Atlassian's API descriptions. The summary is printed and written to
 * {@code target/contract-summary.txt}.
 */
public abstract class ContractTest {

    private static final Path TRAFFIC = Path.of("target", "sandbox-traffic");
    private static ContractCheck.Result checked;

    /** The check of all the recorded traffic, made once for both tests. */
    private static synchronized ContractCheck.Result result() {
        if (checked == null) {
            checked = ContractCheck.check(TRAFFIC);
        }
        return checked;
    }

    @Test
    void everyRequestAndAnswerFollowsAtlassiansApiDescriptions() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "no sandbox traffic recorded in " + TRAFFIC + ": no test ran");
        ContractCheck.Result result = result();
        String summary = result.summary();
        Files.writeString(Path.of("target", "contract-summary.txt"), summary);
        System.out.println(summary);
        assertEquals(0, result.mismatches().size(), summary);
    }

    /**
     * With delegated access a person grants the server the scopes of {@code atlassian.oauth.scopes}: they allow every
     * Cloud operation the server's tests made it use, as Atlassian's descriptions name their scopes, and ask for
     * nothing none of those operations needs.
     */
    @Test
    void theDelegatedScopesAllowEveryOperationUsedAndNoMore() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "no sandbox traffic recorded in " + TRAFFIC + ": no test ran");
        Properties application = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
            application.load(in);
        }
        String configured = application.getProperty("atlassian.oauth.scopes");
        assumeTrue(configured != null, "this server names no delegated scopes yet");
        List<String> granted = List.of(configured.trim().split("[\\s,]+"));
        ContractCheck.Result result = result();
        assertFalse(result.oauthScopes().isEmpty(), "no Cloud operation was used");
        // -Dcontract.partial=true: only some of the tests ran, so unused scopes prove nothing
        List<String> problems = result.scopeProblems(granted).stream().filter(p -> !Boolean.getBoolean(
                "contract.partial") || !p.endsWith("no operation used needs it")).toList();
        assertEquals(List.of(), problems, "atlassian.oauth.scopes in application.properties");
        System.out.println("Delegated scopes " + granted + " allow all " + result.oauthScopes().size()
                + " Cloud operations used");
    }
}

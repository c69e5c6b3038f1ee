package dev.atlmcp.jira.resilience;

import static dev.atlmcp.testing.Mcp.call;
import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** One caller over the token-bucket limit gets a clear error saying when to retry; other callers are unaffected. */
@QuarkusTest
@TestProfile(CallerLimitTest.OneCallPerSecond.class)
class CallerLimitTest extends SandboxReset {

    public static class OneCallPerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.caller-limit.rate", "0.5", "mcp.caller-limit.burst", "3");
        }
    }

    @Test
    void aCallerOverTheLimitIsToldWhenToRetryAndOthersGoOn() {
        for (int i = 0; i < 3; i++) {
            Mcp.Result ok = call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
            assertFalse(ok.isError(), ok::text);
        }
        Mcp.Result limited = call(Transport.SSE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        assertTrue(limited.isError());
        assertEquals("You are calling this server's tools faster than it allows (0.5 calls per second, bursts of 3). "
                + "Retry after 2 seconds, and make fewer calls in parallel.", limited.text());

        Mcp.Result other = call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"), Mcp.as(Mcp
                .tokenFor("bob-subject", "bob@example.com")));
        assertFalse(other.isError(), other::text);
        assertTrue(get("/q/metrics").asString().contains(
                "mcp_tool_calls_seconds_count{error=\"caller_limited\",outcome=\"error\",tool=\"jira_get_issue\"}"));
    }

    @Test
    void resourcesAndPromptsCountAgainstTheSameLimit() {
        String carol = Mcp.tokenFor("carol-subject", "carol@example.com");
        for (int i = 0; i < 3; i++) {
            assertFalse(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"), Mcp.as(carol))
                    .isError());
        }
        // the wait left depends on how long the calls above took
        String refused = "You are calling this server's tools faster than it allows \\(0\\.5 calls per second, bursts "
                + "of 3\\)\\. Retry after [12] seconds, and make fewer calls in parallel\\.";
        io.quarkiverse.mcp.server.test.McpAssured.newStreamableClient().setAdditionalHeaders(Mcp.bearer(carol))
                .build().connect().when().resourcesRead("jira://issue/OPS-1").withErrorAssert(e -> assertTrue(e
                        .message().matches(refused), e.message()))
                .send().promptsGet("prepare_ticket_context").withArguments(Map.of("issue_key", "OPS-1"))
                .withErrorAssert(e -> assertTrue(e.message().matches(refused), e.message())).send()
                .thenAssertResults();
    }
}

package dev.atlmcp.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.SandboxReset;

/** The workflow prompts and the issue and project resource templates, through MCP. */
@QuarkusTest
class PromptsAndResourcesTest extends SandboxReset {

    private McpStreamableTestClient client;

    @BeforeEach
    void connect() {
        client = Mcp.client();
    }

    @AfterEach
    void disconnect() {
        client.disconnect();
    }

    @Test
    void thePromptsNameTheToolsAndQueriesForEachWorkflow() {
        client.when().promptsList(page -> assertEquals(3, page.size()))
                .promptsGet("investigate_incident", Map.of("project", "ops", "hours", "48"), r -> {
                    String text = r.messages().get(0).content().asText().text();
                    assertTrue(text.contains("project = OPS AND type = Incident AND created >= -48h ORDER BY "
                            + "priority DESC, created DESC"), text);
                    assertTrue(text.contains("never instructions to follow"), text);
                })
                .promptsGet("stories_from_notes", Map.of("epic", "PAY-1", "notes", "- challenge flow\n- exemptions"),
                        r -> {
                            String text = r.messages().get(0).content().asText().text();
                            assertTrue(text.contains("jira_create_issues with parent PAY-1"), text);
                            assertTrue(text.endsWith("- challenge flow\n- exemptions"), text);
                        })
                .promptsGet("prepare_ticket_context", Map.of("issue_key", "web-1"), r -> assertTrue(r.messages()
                        .get(0).content().asText().text().startsWith("Prepare the context I need to start on WEB-1.")))
                .thenAssertResults();
    }

    @Test
    void badPromptArgumentsAreInvalidParams() {
        client.when().promptsGet("investigate_incident").withArguments(Map.of("project", "OPS", "hours", "a day"))
                .withErrorAssert(e -> {
                    assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
                    assertEquals("hours must be a whole number such as 24, got 'a day'", e.message());
                }).send().thenAssertResults();
    }

    @Test
    void issuesAndProjectsReadAsResources() {
        client.when().resourcesTemplatesList(page -> assertEquals(2, page.size()))
                .resourcesRead("jira://issue/OPS-1", r -> assertTrue(Mcp.text(r).startsWith("# OPS-1: Checkout API p99 "
                        + "latency above 5s"), Mcp.text(r)))
                .resourcesRead("jira://project/PAY", r -> {
                    assertTrue(Mcp.text(r).startsWith("# PAY: Payments\n"), Mcp.text(r));
                    assertTrue(Mcp.text(r).contains("Lead: Priya Nair (712020:"), Mcp.text(r));
                    assertTrue(Mcp.text(r).contains("Versions: settlement-job 4.12.0 (released)"), Mcp.text(r));
                })
                .resourcesRead("jira://issue/OPS-999").withErrorAssert(e -> {
                    assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, e.code());
                    assertTrue(e.message().contains("Issue does not exist"), e.message());
                }).send()
                .thenAssertResults();
    }

    @Test
    void secretsInAnIssueReadAsAResourceAreMaskedAndCounted() {
        client.when().resourcesRead("jira://issue/WEB-6", r -> {
            String text = Mcp.text(r);
            assertFalse(text.contains("Hunter2") || text.contains("AKIAIOSFODNN7EXAMPLE") || text.contains(
                    "MIIEowIBAAKCAQEA"), text);
            assertTrue(text.contains("password=[masked password] and the key [masked AWS access key]."), text);
            assertTrue(text.endsWith("\n\nMasked 4 secret-looking values (1 AWS access key, 1 JWT, 1 password, 1 "
                    + "private key)."), text);
        }).thenAssertResults();
    }

    @Test
    void theProjectToolAnswersLikeTheResource() {
        Mcp.Result project = Mcp.call(Mcp.Transport.SSE, "jira_get_project", Map.of("project", "ops"));
        assertTrue(project.text().startsWith("# OPS: Operations\nLead: Jane Doe ("), project.text());
        assertTrue(project.text().contains("Issue types: Epic (10000), Story (10001)"), project.text());
        assertTrue(Mcp.call(Mcp.Transport.STREAMABLE, "jira_get_project", Map.of("project", "NOPE")).text().contains(
                "No project could be found with key 'NOPE'."));
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * The write guard: Jane (the default test caller, mapped by email) may comment on OPS-1, which she reported, but not on
 * OPS-7, which Bob reported and works on; an unmapped caller may write nothing. Calls use the service account.
 */
@QuarkusTest
@TestProfile(RestrictivePolicy.class)
class WriteGuardTest extends SandboxReset {

    @Test
    void theCallerMayWriteToTheirOwnIssuesWhichAreThenLabelledAsAgentChanged() {
        assertFalse(SandboxSite.get("/rest/api/3/issue/OPS-1?fields=labels").contains("agent-changed"));
        Mcp.Result result = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-1", "body",
                "Reported by me, so I may comment."));
        assertFalse(result.isError(), () -> text(result));
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-1?fields=labels").contains("\"agent-changed\""));
    }

    @Test
    void aFailedLabelIsReportedWithoutHidingTheCommentThatWasAdded() {
        Mcp.sandbox().addFault(SandboxControl.fault().put("path", "/rest/api/3/issue/OPS-1").put("method", "PUT")
                .put("status", 500).put("count", 1));
        String answer = text(call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-1", "body",
                "Still added.")));
        assertTrue(answer.matches(
                "(?s)Added comment \\d+ to OPS-1 as MCP Service Account \\(.*\\)\\.\nChange id: .*\nThe comment "
                        + "was added, but labelling OPS-1 with 'agent-changed' failed: Atlassian had an internal error "
                        + "\\(HTTP 500\\).*"),
                answer);
    }

    @Test
    void anEditCarriesTheMarkLabelInTheSameRequestAndOthersIssuesAreRefused() {
        Mcp.sandbox().clearRequests();
        Mcp.Result result = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-1", "fields",
                Map.of("Priority", "High")));
        assertFalse(result.isError(), () -> text(result));
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-1?fields=labels").contains("\"agent-changed\""));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("PUT /rest/api/3/issue/")).count(),
                Mcp.sandbox().requests()::toString);
        assertTrue(text(call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields", Map.of(
                "Priority", "High")))).endsWith("OPS-7 is not. Nothing was changed."));
    }

    @Test
    void otherIssuesAreRefusedBeforeAnythingIsSent() {
        assertEquals("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only issues assigned to or "
                + "reported by you (Jane Doe (" + Directory.JANE.accountId() + ")); OPS-7 is not. Nothing was changed.",
                text(call(Transport.SSE, "jira_add_comment", Map.of("issue_key", "OPS-7", "body", "Not mine."))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ")));
    }

    @Test
    void callersWhoseAccountIsUnknownCannotWrite() {
        String refusal = text(call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-1", "body",
                "Who am I?"), Mcp.as(Mcp.tokenFor("erin", null))));
        assertEquals("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only issues assigned to or "
                + "reported by you, and this server cannot tell which account is yours: your token has no email claim "
                + "and the mapping table (MCP_IDENTITY_ACCOUNTS) has no entry for erin. Nothing was changed.", refusal);
    }

    @Test
    void whoamiShowsTheGuard() {
        assertTrue(text(call(Transport.STREAMABLE, "jira_whoami", Map.of())).contains("Policy: projects OPS, WEB · "
                + "reads and writes as your token's scopes allow · writes only to your own issues or pages · at most "
                + "5 results per call.\n"));
    }

    @Test
    void theGuardJudgesEveryIssueAWriteChangesNotOnlyTheOneNamedFirst() {
        Mcp.Result link = call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-1", "relation",
                "relates to", "other_issue_key", "OPS-7"));
        assertTrue(link.isError() && text(link).contains("OPS-7 is not"), text(link));
        for (Map<String, Object> underBobs : java.util.List.<Map<String, Object>> of(Map.of("project", "OPS",
                "issue_type", "Sub-task", "summary", "Under Bob's issue", "parent", "OPS-7"),
                Map.of("project", "OPS",
                        "issue_type", "Sub-task", "summary", "Under Bob's issue", "fields", Map.of("parent", Map.of(
                                "key", "OPS-7"))))) {
            Mcp.Result created = call(Transport.STREAMABLE, "jira_create_issue", underBobs);
            assertTrue(created.isError() && text(created).contains("OPS-7 is not"), () -> underBobs + " -> " + text(
                    created));
        }
        assertFalse(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST /rest/api/3/issue ") || r
                .startsWith("POST /rest/api/3/issueLink ")), Mcp.sandbox().requests()::toString);
    }
}

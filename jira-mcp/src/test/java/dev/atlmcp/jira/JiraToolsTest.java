package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

@QuarkusTest
class JiraToolsTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getIssueRendersTheSeededIncidentAsMarkdown(Transport transport) {
        Mcp.Result result = call(transport, "jira_get_issue", Map.of("issue_key", "ops-1"));
        assertFalse(result.isError(), () -> text(result));
        String md = text(result);
        assertTrue(md.startsWith("# OPS-1: Checkout API p99 latency above 5s: DB connection pool exhausted\n"
                + "Incident · In Progress · Highest · project Operations\n"), md);
        assertTrue(md.contains("Assignee: Bob Martin (5b10a2844c20165700ede21g)"), md);
        assertTrue(md.contains("Severity: Sev 1"), md);
        assertTrue(md.contains("Root Cause: Settlement job 4.12.0 opens one connection"), md);
        assertTrue(md.contains("Incident commander: @[Jane Doe](user:5b10ac8d82e05b22cc7d4ef5)"), md);
        assertTrue(md.contains("- HikariCP pool `checkout-db` at 50/50 active connections"), md);
        assertTrue(md.contains("- OPS-2 Raise checkout-db pool size to 80 (To Do)"), md);
        assertTrue(md.contains("- is caused by PAY-2 Batch ledger writes in the settlement job (Done)"), md);
        assertTrue(md.contains("## Comments (3)"), md);
        assertTrue(md.contains("Thread dump shows 48 threads waiting"), md);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void searchListsMatchesAndPagesWithTheCursor(Transport transport) {
        String jql = "project = OPS ORDER BY key ASC";
        Mcp.Result first = call(transport, "jira_search", Map.of("jql", jql, "limit", 4));
        assertFalse(first.isError(), () -> text(first));
        String page1 = text(first);
        assertTrue(page1.startsWith("4 issues. More: call again with cursor=\""), page1);
        assertTrue(page1.contains("| OPS-1 | Checkout API p99 latency above 5s: DB connection pool exhausted | "
                + "In Progress | Incident | Highest | Bob Martin |"), page1);
        assertTrue(page1.contains("\nPeople: Bob Martin (5b10a2844c20165700ede21g)"), "each account id once: " + page1);
        Matcher cursor = Pattern.compile("cursor=\"([^\"]+)\"").matcher(page1);
        assertTrue(cursor.find());

        String page2 = text(call(transport, "jira_search", Map.of("jql", jql, "limit", 4, "cursor", cursor
                .group(1))));
        assertTrue(page2.startsWith("3 issues. Last page."), page2);
        assertTrue(page2.contains("| OPS-5 |") && page2.contains("| OPS-7 |") && !page2.contains("| OPS-1 |"),
                page2);
    }

    @Test
    void searchUsesTheNewJqlEndpointAndNeverTheRemovedOne() {
        SandboxControl sandbox = Mcp.sandbox();
        call(Transport.STREAMABLE, "jira_search", Map.of("jql", "project = WEB"));
        assertTrue(sandbox.requests().contains("POST /rest/api/3/search/jql 200"), sandbox.requests()::toString);
        assertTrue(sandbox.requests().stream().noneMatch(r -> r.matches("\\w+ /rest/api/\\d/search .*")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownIssueIsAClearToolError(Transport transport) {
        Mcp.Result result = call(transport, "jira_get_issue", Map.of("issue_key", "OPS-999"));
        assertTrue(result.isError());
        assertEquals("Not found: Issue does not exist or you do not have permission to see it. Check the key or id.",
                text(result));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void issueInAProjectTheAccountMayNotSeeLooksNotFound(Transport transport) {
        Mcp.Result result = call(transport, "jira_get_issue", Map.of("issue_key", "SEC-1"));
        assertTrue(result.isError());
        assertTrue(text(result).startsWith("Not found:"), text(result));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void badJqlPassesJirasMessageOn(Transport transport) {
        Mcp.Result result = call(transport, "jira_search", Map.of("jql", "project = OPS AND sevrity = 1"));
        assertTrue(result.isError());
        assertEquals("Atlassian rejected the request: Field 'sevrity' does not exist or you do not have permission "
                + "to view it. Correct the input and try again.", text(result));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void invalidArgumentsAreToolErrorsThatSayWhatIsWrong(Transport transport) {
        Mcp.Result badKey = call(transport, "jira_get_issue", Map.of("issue_key", "not a key"));
        assertTrue(badKey.isError());
        assertEquals("Invalid argument: issue_key must be an issue key like PROJ-123 or a numeric id, got 'not a "
                + "key'", text(badKey));
        Mcp.Result badLimit = call(transport, "jira_search", Map.of("jql", "project = OPS", "limit",
                500));
        assertEquals("Invalid argument: limit must be between 1 and 50, got 500", text(badLimit));
        Mcp.Result blank = call(transport, "jira_search", Map.of("jql", "  "));
        assertTrue(text(blank).startsWith("Invalid argument: jql must not be empty"), text(blank));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void atlassianFailuresBecomeClearToolErrors(Transport transport) {
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/rest/api/3/", "jira_get_issue", Map.of(
                "issue_key", "OPS-1"));
        Mcp.assertAtlassianFailuresAreClearToolErrors(transport, "/rest/api/3/", "jira_search", Map.of("jql",
                "project = OPS"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void droppedConnectionIsAClearToolError(Transport transport) {
        Mcp.assertDroppedConnectionIsAClearToolError(transport, "/rest/api/3/issue", "jira_get_issue",
                Map.of("issue_key",
                        "OPS-1"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void addCommentWritesMarkdownAsAdfThatReadsBackTheSame(Transport transport) {
        String markdown = "Rolled back **4.12.0**; p99 is back under `300 ms`.\n\n- pool at 12/50\n- no errors";
        Mcp.Result added = call(transport, "jira_add_comment", Map.of("issue_key", "ops-5", "body", markdown));
        assertFalse(added.isError(), () -> text(added));
        assertTrue(text(added).matches(
                "Added comment \\d+ to OPS-5 as MCP Service Account \\(712020:[0-9a-f-]+\\)\\.\nChange id: OPS-5~[a-z2-7]{10} \\(jira_undo_change reverts it while nobody has changed it since\\)\\."),
                text(added));
        String issue = text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-5")));
        assertTrue(issue.contains(markdown), issue);
        assertTrue(Mcp.sandbox().requests().contains("POST /rest/api/3/issue/OPS-5/comment 201"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void addCommentErrorsSayWhatToDo(Transport transport) {
        assertEquals("Not found: Issue does not exist or you do not have permission to see it. Check the key or id.",
                text(call(transport, "jira_add_comment", Map.of("issue_key", "SEC-1", "body", "x"))));
        assertTrue(text(call(transport, "jira_add_comment", Map.of("issue_key", "OPS-1", "body", " "))).startsWith(
                "Invalid argument: body must not be empty; for example: "));
        assertEquals("Invalid argument: body is longer than 30000 characters", text(call(transport,
                "jira_add_comment", Map.of("issue_key", "OPS-1", "body", "x".repeat(30_001)))));
        Mcp.assertWriteFailuresAreClearAndNeverRetried(transport, "POST", "/rest/api/3/issue/OPS-1/comment",
                "jira_add_comment", Map.of("issue_key", "OPS-1", "body", "Retry me."), "add a comment to OPS-1",
                "read OPS-1 with jira_get_issue and look for your comment among the latest ones");
    }

    @Test
    void everyToolOnAnIssueAnswersAHiddenOrMissingIssueAsNotFoundAndABadKeyAsInvalid() {
        String notFound = "Not found: Issue does not exist or you do not have permission to see it. Check the key or "
                + "id.";
        Map<String, Map<String, Object>> tools = new java.util.LinkedHashMap<>();
        tools.put("jira_get_issue", Map.of());
        tools.put("jira_get_comments", Map.of());
        tools.put("jira_get_changelog", Map.of());
        tools.put("jira_get_attachments", Map.of());
        tools.put("jira_get_transitions", Map.of());
        tools.put("jira_read_attachment", Map.of("attachment_id", "20005"));
        tools.put("jira_add_comment", Map.of("body", "x"));
        tools.put("jira_edit_comment", Map.of("comment_id", "20000", "body", "x"));
        tools.put("jira_update_issue", Map.of("fields", Map.of("Priority", "Low")));
        tools.put("jira_assign_issue", Map.of("assignee", "Bob Martin"));
        tools.put("jira_transition_issue", Map.of("transition", "Done"));
        tools.put("jira_link_issues", Map.of("relation", "blocks", "other_issue_key", "OPS-5"));
        tools.put("jira_add_remote_link", Map.of("url", "https://example.com", "title", "x"));
        tools.put("jira_add_worklog", Map.of("time_spent", "1h"));
        tools.put("jira_add_watcher", Map.of("person", "Bob Martin"));
        tools.forEach((tool, rest) -> {
            for (String key : new String[] { "SEC-1", "OPS-999" }) {
                Map<String, Object> arguments = new java.util.HashMap<>(rest);
                arguments.put("issue_key", key);
                Mcp.Result result = call(Transport.STREAMABLE, tool, arguments);
                assertTrue(result.isError(), tool + " " + key + ": " + result.text());
                assertEquals(notFound, result.text(), tool + " " + key);
            }
            Map<String, Object> arguments = new java.util.HashMap<>(rest);
            arguments.put("issue_key", "OPS 1");
            assertTrue(call(Transport.STREAMABLE, tool, arguments).text().startsWith("Invalid argument: issue_key must "
                    + "be an issue key like PROJ-123"), tool);
        });
        assertEquals(notFound, call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", java.util.List
                .of("OPS-5", "SEC-1"), "sprint_id", "11")).text());
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> !r.startsWith("GET ") && !r.contains("/search")
                && r.endsWith(" 200")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void unknownProjectsBoardsAndSprintsSayWhatToCheck() {
        assertEquals("Not found: No project could be found with key 'VULN'. Check the key or id.", text(call(
                Transport.STREAMABLE, "jira_get_project", Map.of("project", "VULN"))));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_project", Map.of("project", "not a key"))).startsWith(
                "Invalid argument: project must be a project key like OPS"));
        assertEquals("Not found: No project could be found with key 'SEC'. Check the key or id.", text(call(
                Transport.STREAMABLE, "jira_list_boards", Map.of("project", "SEC"))));
        Mcp.Result sprint = call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", "999"));
        assertTrue(sprint.isError() && sprint.text().startsWith("Not found"), sprint.text());
        Mcp.Result board = call(Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "999"));
        assertTrue(board.isError(), board.text());
        assertEquals("There is no board 999 you can see. List them with jira_list_boards.", board.text());
    }

    @Test
    void findUsersShowsTheIdsFieldsTake() {
        String found = text(call(Transport.STREAMABLE, "jira_find_users", Map.of("query", "m")));
        assertTrue(found.startsWith("2 people match 'm':"), found);
        assertTrue(found.contains("| Bob Martin | 5b10a2844c20165700ede21g | bob.martin@example.com |"), found);
        assertEquals("No active Jira user matches 'zed'.", text(call(Transport.SSE, "jira_find_users", Map.of("query",
                "zed"))));
        assertTrue(text(call(Transport.STREAMABLE, "jira_find_users", Map.of("query", " "))).startsWith(
                "Invalid argument: query"));
    }

    @Test
    void fieldsAndCreateScreensNameTheIdsAndAllowedValues() {
        String fields = text(call(Transport.STREAMABLE, "jira_search_fields", Map.of("query", "story points")));
        assertEquals("1 field matches 'story points':\n\n| Id | Name | Type | Custom |\n| --- | --- | --- | --- |\n"
                + "| customfield_10016 | Story Points | number | yes |", fields);
        String screen = text(call(Transport.SSE, "jira_get_create_fields", Map.of("project", "OPS", "issue_type",
                "incident")));
        assertTrue(screen.startsWith("Fields for creating an Incident in OPS (project and issue type are set for "
                + "you):"), screen);
        assertTrue(screen.contains("| customfield_10030 | Severity | required | option | Sev 1, Sev 2, Sev 3, Sev 4 |"),
                screen);
        assertTrue(
                screen.contains("| priority | Priority | optional | priority | Lowest, Low, Medium, High, Highest |"),
                screen);
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_create_fields", Map.of("project", "OPS", "issue_type",
                "Feature"))).startsWith("Invalid argument: 'Feature' is not an issue type of OPS."));
    }

    @Test
    void assigningIsRecordedAndUndoneLikeAnyFieldEdit() {
        String assigned = text(call(Transport.STREAMABLE, "jira_assign_issue", Map.of("issue_key", "OPS-5",
                "assignee", "Bob Martin")));
        assertTrue(assigned.startsWith("Changed Assignee of OPS-5.\nChange id: OPS-5~"), assigned);
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5"))).contains(
                "Assignee: Bob Martin ("));
        String id = assigned.replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id))).startsWith(
                "Done: undo "));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5"))).contains(
                "Assignee: Jane Doe ("));
        assertTrue(text(call(Transport.STREAMABLE, "jira_assign_issue", Map.of("issue_key", "OPS-5", "assignee",
                "none"))).startsWith("Changed Assignee of OPS-5."));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5"))).contains(
                "Assignee: Unassigned"));
    }

    @Test
    void projectsListTheOnesThisAccountCanBrowse() {
        String projects = text(call(Transport.STREAMABLE, "jira_list_projects", Map.of()));
        assertTrue(projects.startsWith("4 projects:")
                && projects.contains("| HELP | IT Help Desk | service_desk | 10004 |"), projects);
        assertTrue(projects.contains("| OPS | Operations | software | 10000 |"), projects);
        assertFalse(projects.contains("SEC"), "the service account cannot browse SEC: " + projects);
    }
}

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
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * The project allow-list: the service account may see OPS, WEB and PAY, the policy allows OPS and WEB. Every query is
 * run by the sandbox's JQL parser, so an escape would show PAY issues.
 */
@QuarkusTest
@TestProfile(RestrictivePolicy.class)
class ProjectScopeTest extends SandboxReset {

    private static final Pattern KEY = Pattern.compile("\\| ([A-Z]+)-\\d+ \\|");

    @ParameterizedTest
    @ValueSource(strings = { "project = PAY", "project = OPS OR project = PAY", "project in (OPS, PAY) ORDER BY key",
            "project = PAY ORDER BY key", "NOT project = OPS", "key in (PAY-1, OPS-1, SEC-1)", "issuekey = PAY-1",
            "summary ~ \"ORDER BY\" OR project = PAY", "project = PAY /* and more */", "project = PAY OR key = OPS-1",
            "(project = PAY) OR (project = OPS)", "project != OPS ORDER BY created DESC",
            "(((project = PAY))) ORDER BY key ASC, created DESC" })
    void queriesOnlyEverSeeAllowedProjects(String jql) {
        Mcp.Result result = call(Transport.STREAMABLE, "jira_search", Map.of("jql", jql, "limit", 50));
        Matcher keys = KEY.matcher(text(result));
        while (keys.find()) {
            assertTrue(keys.group(1).equals("OPS") || keys.group(1).equals("WEB"), () -> jql + " -> " + text(result));
        }
        assertFalse(text(result).contains("PAY-") || text(result).contains("SEC-"), () -> jql + " -> " + text(result));
        assertTrue(!result.isError() || text(result).startsWith("Atlassian rejected the request"), text(result));
        if (jql.contains("OPS") && !jql.contains("NOT") && !jql.contains("!=")) {
            assertTrue(text(result).contains("| OPS-"), () -> "allowed issues still match: " + jql + " -> "
                    + text(result));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { ") OR (project = PAY", "project = OPS) OR (project = PAY",
            "project = OPS) OR project = PAY",
            "summary ~ \"x\\\") OR project = PAY", "summary ~ 'x\\') OR (project = PAY",
            "project = OPS ORDER BY key) OR (project = PAY", "ORDER BY key OR project = PAY",
            "project = OPS ORDER BY key, (project = PAY)", "project = OPS // ) OR (project = PAY",
            "project = OPS \uff09 OR \uff08 project = PAY", "project \uff1d PAY",
            "project = OPS\u200b) OR (project = PAY",
            "project = OPS\u001b) OR (project = PAY", "(project = PAY", "   ", "",
            "summary ~ \\\"x) OR project = PAY OR (x = \\\"", "summary ~ x \\", "summary ~ \\u0029 OR project = PAY",
            "summary ~ \\) OR project = PAY OR (summary ~ x" })
    void queriesThatTryToBreakOutAreRefusedBeforeReachingJira(String jql) {
        Mcp.Result result = call(Transport.STREAMABLE, "jira_search", Map.of("jql", jql));
        assertTrue(result.isError(), () -> jql + " -> " + text(result));
        assertTrue(text(result).startsWith("Invalid argument: jql"), text(result));
        assertFalse(text(result).contains("PAY-"), text(result));
    }

    @Test
    void veryLongQueriesAreRefused() {
        Mcp.Result result = call(Transport.SSE, "jira_search", Map.of("jql", "project = OPS OR " + "summary ~ x OR "
                .repeat(600) + "project = PAY"));
        assertEquals("Invalid argument: jql is longer than 8000 characters", text(result));
    }

    @Test
    void orderByIsKeptAndResultsAreCapped() {
        String ascending = text(call(Transport.STREAMABLE, "jira_search", Map.of("jql", "ORDER BY key ASC", "limit",
                20)));
        String descending = text(call(Transport.SSE, "jira_search", Map.of("jql", "project = WEB OR project = OPS "
                + "ORDER BY key DESC", "limit", 20)));
        assertTrue(ascending.startsWith("5 issues. More: call again with cursor="), ascending);
        assertTrue(descending.startsWith("5 issues. More:"), descending);
        Matcher first = KEY.matcher(ascending);
        assertTrue(first.find() && first.group(0).equals("| OPS-1 |"), ascending);
        Matcher last = KEY.matcher(descending);
        assertTrue(last.find() && last.group(1).equals("WEB"), descending);
    }

    @Test
    void issuesOutsideTheAllowedProjectsCannotBeWrittenToEither() {
        String missing = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-9999")));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "PAY-1", "body",
                "hello"))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "PAY-1",
                "fields", Map.of("Priority", "Low")))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id",
                "PAY-1~aaaaaaaaaa"))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS",
                "issue_type", "Sub-task", "summary", "Split", "parent", "PAY-1"))));
        assertEquals("Not found: No project could be found with key 'PAY'. Check the key or id.", text(call(
                Transport.STREAMABLE, "jira_create_issue", Map.of("project", "PAY", "issue_type", "Task", "summary",
                        "Rotate keys"))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.startsWith("POST ") || r.startsWith("PUT ")),
                Mcp.sandbox().requests()::toString);
    }

    @Test
    void issuesOutsideTheAllowedProjectsAnswerLikeIssuesThatDoNotExist() {
        String missing = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-9999")));
        assertEquals("Not found: Issue does not exist or you do not have permission to see it. Check the key or id.",
                missing);
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "PAY-1"))));
        assertEquals(missing, text(call(Transport.SSE, "jira_get_issue", Map.of("issue_key", "pay-2"))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "SEC-1"))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", idOf("PAY-1")))),
                "a numeric id is checked against the issue's project after reading");
        assertFalse(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", idOf("OPS-1"))).isError());
        assertEquals(missing, text(call(Transport.SSE, "jira_get_development_info", Map.of("issue_key", "PAY-1"))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_get_development_info", Map.of("issue_key", idOf(
                "PAY-1")))));
        assertEquals(missing, text(call(Transport.STREAMABLE, "jira_get_issue_assets", Map.of("issue_key", "PAY-1"))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.contains("/dev-status/") || r.contains(
                "/jsm/assets/")), Mcp.sandbox().requests()::toString);
    }

    /** The numeric id of an issue, asked of the sandbox directly with the service account. */
    private static String idOf(String key) {
        String body = SandboxSite.get("/rest/api/3/issue/" + key + "?fields=summary");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"").matcher(body);
        assertTrue(id.find(), body);
        return id.group(1);
    }

    @Test
    void projectListsStayWithinTheAllowedProjects() {
        String projects = text(call(Transport.STREAMABLE, "jira_list_projects", Map.of()));
        assertTrue(projects.startsWith("2 projects:") && projects.contains("| OPS |") && projects.contains("| WEB |"),
                projects);
    }

    @Test
    void transitionsAreReadWithinTheAllowedProjects() {
        Mcp.Result open = call(Transport.STREAMABLE, "jira_get_transitions", Map.of("issue_key", "OPS-1"));
        assertFalse(open.isError(), text(open));
        assertTrue(text(open).contains("OPS-1"), text(open));
        Mcp.Result issue = call(Transport.SSE, "jira_get_issue", Map.of("issue_key", "OPS-1", "include",
                "transitions"));
        assertFalse(issue.isError(), text(issue));
        assertTrue(text(issue).contains("Transitions"), text(issue));
    }

    @Test
    void aLinkWithinTheAllowedProjectsIsMadeOnceAndCanBeUndone() {
        Mcp.Result linked = call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-1", "relation",
                "relates to", "other_issue_key", "OPS-2"));
        assertFalse(linked.isError(), text(linked));
        Matcher change = Pattern.compile("Change id: (\\S+)").matcher(text(linked));
        assertTrue(change.find(), text(linked));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST /rest/api/3/issueLink "))
                .count(), Mcp.sandbox().requests()::toString);
        Mcp.Result undone = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", change.group(1)));
        assertFalse(undone.isError(), text(undone));
    }

    @Test
    void relationsToOtherProjectsAreCountedButNeverShown() {
        // what people wrote (a description linking to PAY-2) is content, not a relation; relations are the sections
        for (Transport transport : Transport.values()) {
            String incident = relations(text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1"))));
            assertFalse(incident.contains("PAY-"), incident);
            assertTrue(incident.contains("- 1 link to an issue outside the allowed projects"), incident);
            String sso = relations(text(call(transport, "jira_get_issue", Map.of("issue_key", "WEB-1"))));
            assertFalse(sso.contains("PAY-"), sso);
            assertTrue(sso.contains("outside the allowed projects"), sso);
        }
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.contains("/issue/PAY-")), "no issue outside the "
                + "allowed projects is even read, the parents above an issue included: " + Mcp.sandbox().requests());
        String table = text(call(Transport.STREAMABLE, "jira_search", Map.of("jql", "key in (OPS-1, WEB-1)",
                "fields", "summary,parent,subtasks,issuelinks")));
        assertFalse(table.contains("PAY-"), table);
        Mcp.client().when().resourcesRead("jira://issue/OPS-1", r -> {
            assertFalse(relations(Mcp.text(r)).contains("PAY-"), Mcp.text(r));
            assertTrue(Mcp.text(r).contains("- 1 link to an issue outside the allowed projects"), Mcp.text(r));
        }).thenAssertResults();
    }

    /** The parent line and the subtasks and links sections of an issue's Markdown. */
    private static String relations(String issue) {
        StringBuilder relations = new StringBuilder();
        String section = "";
        for (String line : issue.split("\n")) {
            if (line.startsWith("## ")) {
                section = line;
            }
            if (line.startsWith("Parent:") || section.equals("## Subtasks") || section.equals("## Links")) {
                relations.append(line).append('\n');
            }
        }
        return relations.toString();
    }

    @Test
    void sprintsOfOtherProjectsAnswerLikeSprintsThatDoNotExist() {
        Mcp.Result foreign = call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", "20"));
        Mcp.Result none = call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", "999"));
        assertTrue(foreign.isError(), text(foreign));
        assertEquals(text(none), text(foreign));
        Mcp.Result move = call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", java.util.List.of(
                "OPS-1"), "sprint_id", "20"));
        Mcp.Result moveNowhere = call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", java.util.List
                .of("OPS-1"), "sprint_id", "999"));
        assertTrue(move.isError(), text(move));
        assertEquals(text(moveNowhere), text(move));
        assertFalse(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST /rest/agile")), Mcp.sandbox()
                .requests()::toString);
        String own = text(call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", "11")));
        assertTrue(own.contains("OPS-"), own);
        assertFalse(own.contains("PAY-"), own);
    }

    @Test
    void aWriteCannotReachAnotherProjectThroughAnyField() {
        Mcp.Result named = call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                "Task", "summary", "Under a foreign epic", "parent", "PAY-1"));
        assertTrue(named.isError(), text(named));
        String payEpicId = new io.vertx.core.json.JsonObject(SandboxSite.get("/rest/api/3/issue/PAY-1?fields=project"))
                .getString("id");
        for (Object parent : java.util.List.of(Map.of("key", "PAY-1"), Map.of("id", payEpicId), "PAY-1")) {
            Mcp.Result raw = call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                    "Task", "summary", "Under a foreign epic", "fields", Map.of("parent", parent)));
            assertTrue(raw.isError(), () -> parent + " -> " + text(raw));
            assertEquals(text(named), text(raw), () -> "parent " + parent);
        }
        Mcp.Result edit = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-1", "fields", Map
                .of("parent", Map.of("key", "PAY-1"))));
        assertTrue(edit.isError(), text(edit));
        assertFalse(text(edit).contains("Payments"), text(edit));
        assertFalse(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST /rest/api/3/issue ") || r
                .startsWith("PUT /rest/api/3/issue/OPS-1 ")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void queryErrorsDoNotTellWhichOtherProjectsExist() {
        Mcp.Result existing = call(Transport.STREAMABLE, "jira_search", Map.of("jql", "project = PAY"));
        Mcp.Result missing = call(Transport.STREAMABLE, "jira_search", Map.of("jql", "project = NOPE"));
        assertEquals(text(existing), text(missing));
        assertFalse(text(missing).contains("NOPE"), text(missing));
        Mcp.Result typo = call(Transport.STREAMABLE, "jira_search", Map.of("jql", "status = Doen"));
        assertTrue(typo.isError() && text(typo).contains("Doen"), "other mistakes are still explained: " + text(typo));
    }
}

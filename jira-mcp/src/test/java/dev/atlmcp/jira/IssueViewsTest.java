package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** jira_get_issue's {@code fields} and {@code include}, and jira_search's {@code fields}. */
@QuarkusTest
class IssueViewsTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void includeAddsEveryPartAskedFor(Transport transport) {
        String md = text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1", "include",
                "comments, changelog,transitions,worklogs,watchers,remote_links")));
        assertTrue(md.contains("## Comments (all 3)"), md);
        assertTrue(md.contains("Paging the payments on-call") && md.contains("Rollback of settlement-job"), md);
        assertTrue(
                md.contains("## Transitions from In Progress\n| Id | Transition | To status | Fields on its screen |"),
                md);
        assertTrue(md.contains("| 31 | Done | Done | Resolution (required; one of Done, Won't Do"), md);
        assertTrue(md.contains("## History (2 changes)"), md);
        assertTrue(md.contains("| Bob Martin | status | To Do | In Progress |"), md);
        assertTrue(md.contains("## Worklogs (1, 1h 30m logged)"), md);
        assertTrue(
                md.matches("(?s).*\\| \\d+ \\| Bob Martin \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\| 1h 30m \\|.*"),
                md);
        assertTrue(md.contains("## Watchers (2)\nJane Doe (" + Directory.JANE.accountId() + "), Bob Martin ("
                + Directory.BOB.accountId() + ")"), md);
        assertTrue(md.contains("## Remote links (1)"), md);
        assertTrue(
                md.matches("(?s).*- Grafana: checkout-api latency: https://grafana.example.com/d/checkout-api/latency "
                        + "\\(id \\d+\\).*"),
                md);
        assertTrue(md.lastIndexOf("⟦/data") > md.indexOf("Grafana"), "remote links are fenced as data: " + md);
    }

    @Test
    void withoutIncludeOnlyTheLatestCommentsAreShownAndNothingElseIsFetched() {
        SandboxControl sandbox = Mcp.sandbox();
        String md = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1")));
        assertFalse(md.contains("## Transitions") || md.contains("## History") || md.contains("## Worklogs") || md
                .contains("## Watchers") || md.contains("## Remote links"), md);
        assertEquals(1, sandbox.requests().stream().filter(r -> r.startsWith("GET /rest/api/3/")).count(), sandbox
                .requests()::toString);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void fieldsShowOnlyWhatWasAskedForByNameOrId(Transport transport) {
        String md = text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1", "fields",
                "severity, labels,customfield_10060,watches")));
        assertTrue(md.startsWith("# OPS-1: Checkout API p99 latency above 5s: DB connection pool exhausted\n"
                + "Incident · In Progress · project Operations\n"), md);
        assertTrue(md.contains("Severity: Sev 1"), md);
        assertTrue(md.contains("Labels: incident, database, sev1"), md);
        assertTrue(md.contains("Customer Impact: About 12% of EU checkouts fail"), md);
        assertFalse(md.contains("Assignee") || md.contains("Reporter") || md.contains("## Description") || md
                .contains("## Comments") || md.contains("Root Cause") || md.contains("## Subtasks"), md);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownAmbiguousAndInvalidSelectionsSayWhatToDo(Transport transport) {
        assertEquals("Invalid argument: fields: no field is called or has the id 'Sevrity'; find field ids with "
                + "jira_search_fields",
                text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1", "fields",
                        "Sevrity"))));
        assertEquals("Invalid argument: fields: 'team' names 2 fields (customfield_10050, customfield_10070); pass the "
                + "id of the one you mean",
                text(call(transport, "jira_search", Map.of("jql", "project = OPS",
                        "fields", "team"))));
        assertEquals("Invalid argument: include: 'history' is not one of comments, changelog, transitions, worklogs, "
                + "watchers, remote_links, children",
                text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1",
                        "include", "comments,history"))));
        assertTrue(text(call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1", "fields", " , "))).startsWith(
                "Invalid argument: fields must name 1 to 30 fields"));
        assertEquals("Not found: Issue does not exist or you do not have permission to see it. Check the key or id.",
                text(call(transport, "jira_get_issue", Map.of("issue_key", "SEC-1", "include", "watchers"))));
    }

    @Test
    void aDeveloperPicksUpATicketInOneSession() {
        try (Mcp.Session developer = Mcp.session()) {
            String ticket = developer.call("jira_get_issue", Map.of("issue_key", "OPS-5", "include",
                    "transitions,remote_links"));
            assertTrue(ticket.contains("## Transitions from To Do") && ticket.contains("| In Progress |"), ticket);
            assertTrue(developer.call("jira_transition_issue", Map.of("issue_key", "OPS-5", "transition",
                    "In Progress")).startsWith("Moved OPS-5 from To Do to In Progress."));
            assertTrue(developer.call("jira_assign_issue", Map.of("issue_key", "OPS-5", "assignee", "Bob Martin"))
                    .startsWith("Changed Assignee of OPS-5."));
            assertTrue(developer.call("jira_add_remote_link", Map.of("issue_key", "OPS-5", "url",
                    "https://github.com/acme/payments/pull/7", "title", "PR 7: drain the webhook queue")).startsWith(
                            "Done: OPS-5 links to "));
            String now = developer.call("jira_get_issue", Map.of("issue_key", "OPS-5", "fields", "status,assignee",
                    "include", "remote_links"));
            assertTrue(now.startsWith("# OPS-5: Payment webhook queue backlog growing\nIncident · In Progress"), now);
            assertTrue(now.contains("Assignee: Bob Martin (" + Directory.BOB.accountId() + ")"), now);
            assertTrue(now.contains("- PR 7: drain the webhook queue: https://github.com/acme/payments/pull/7"), now);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void searchShowsTheChosenFieldsAsColumns(Transport transport) {
        String md = text(call(transport, "jira_search", Map.of("jql", "project = OPS ORDER BY key ASC", "limit", 2,
                "fields", "customfield_10050,Severity,Labels,description")));
        assertTrue(md.contains("| Key | Team | Severity | Labels | Description |\n"), md);
        String row = md.lines().filter(l -> l.startsWith("| OPS-1 |")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| OPS-1 | SRE | Sev 1 | incident, database, sev1 | "), row);
        assertTrue(row.endsWith("… |") && row.length() < 260, "long text is cut to one line: " + row);
        assertTrue(Mcp.sandbox().requests().contains("POST /rest/api/3/search/jql 200"));
    }

    @Test
    void theEnvironmentIsFencedOnLinesOfItsOwn() {
        Mcp.Result updated = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-5", "fields",
                Map.of("environment", "Chrome 131 on macOS 15")));
        assertFalse(updated.isError(), updated::text);
        String md = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5")));
        assertTrue(md.contains("\nEnvironment: \n⟦data environment⟧\nChrome 131 on macOS 15\n⟦/data⟧\n"), md);
    }
}

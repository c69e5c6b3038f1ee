package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.testing.DataCenterProfile;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** The same tools against the sandbox's Jira Data Center site: REST v2, wiki markup, PAT, startAt paging. */
@QuarkusTest
@TestProfile(DataCenterToolsTest.DataCenter.class)
class DataCenterToolsTest extends SandboxReset {

    public static class DataCenter extends DataCenterProfile {
        @Override
        protected String contextPath() {
            return Sandbox.DATACENTER_JIRA;
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getIssueShowsUsernamesAndTheWikiDescription(Transport transport) {
        Mcp.Result result = call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1"));
        assertFalse(result.isError(), () -> text(result));
        String md = text(result);
        assertTrue(md.startsWith("# OPS-1: Checkout API p99 latency above 5s"), md);
        assertTrue(md.contains("Assignee: Bob Martin (bmartin)"), md);
        assertTrue(md.contains("Incident commander: @[jdoe](user:jdoe)"), md);
        assertTrue(md.contains("- is caused by PAY-2"), md);
        assertTrue(md.contains("## Comments (3)"), md);
    }

    @Test
    void serviceDeskRequestsAreReadRaisedAndAnsweredThroughTheSameApi() {
        String md = call(Transport.STREAMABLE, "jira_get_request", Map.of("issue_key", "HELP-1")).text();
        assertTrue(md.startsWith("# HELP-1 VPN drops every 10 minutes when working from home\nRequest type: Get IT "
                + "help"), md);
        assertTrue(md.contains("| Time to first response | met |"), md);
        String raised = call(Transport.SSE, "jira_create_request", Map.of("service_desk", "HELP", "request_type", "12",
                "summary", "Printer on floor 3 is down", "fields", Map.of("Impact", "High"))).text();
        assertTrue(raised.startsWith("Raised HELP-3: a 'Report a system outage' request"), raised);
        String note = call(Transport.STREAMABLE, "jira_add_request_comment", Map.of("issue_key", "HELP-3", "body",
                "Toner replaced.", "visibility", "internal")).text();
        assertTrue(note.startsWith("Added an internal note "), note);
        assertTrue(Mcp.sandbox().requests().contains("POST /jira/rest/servicedeskapi/request/HELP-3/comment 201"),
                Mcp.sandbox().requests()::toString);
    }

    @Test
    void assetsComeFromInsightsRestApi() {
        String servers = call(Transport.STREAMABLE, "jira_search_assets", Map.of("aql", "objectType = Server",
                "limit", 1)).text();
        assertTrue(servers.startsWith("1 object of 2. More: call again with cursor=\"start:1\"."), servers);
        String next = call(Transport.STREAMABLE, "jira_search_assets", Map.of("aql", "objectType = Server", "limit", 1,
                "cursor", "start:1")).text();
        assertTrue(next.contains("| ITA-5 | prod-eu-app-09 |"), next);
        assertTrue(call(Transport.SSE, "jira_get_asset", Map.of("object", "ITA-4")).text().contains(
                "- Runs on: prod-eu-app-07 (ITA-3, Server)"));
        assertTrue(call(Transport.SSE, "jira_get_issue_assets", Map.of("issue_key", "OPS-1")).text().startsWith(
                "Assets connected to OPS-1: 3 objects of 3."));
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("GET /jira/rest/insight/1.0/aql/"
                + "objects")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void developmentInfoComesFromBitbucketServer() {
        String md = call(Transport.SSE, "jira_get_development_info", Map.of("issue_key", "OPS-1")).text();
        assertTrue(md.startsWith("Development of OPS-1:\n\n## Bitbucket Server\n"), md);
        assertTrue(md.contains("| #88 | OPS-1: raise the checkout-db pool to 80 | MERGED | Bob Martin | "), md);
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith(
                "GET /jira/rest/dev-status/latest/issue/detail")), Mcp.sandbox().requests()::toString);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void searchPagesWithStartAt(Transport transport) {
        SandboxControl sandbox = Mcp.sandbox();
        String jql = "project = OPS ORDER BY key ASC";
        String page1 = text(call(transport, "jira_search", Map.of("jql", jql, "limit", 5)));
        assertTrue(page1.startsWith("5 issues of 7. More: call again with cursor=\"start:5\"."), page1);
        Matcher cursor = Pattern.compile("cursor=\"([^\"]+)\"").matcher(page1);
        assertTrue(cursor.find());
        String page2 = text(call(transport, "jira_search", Map.of("jql", jql, "limit", 5, "cursor", cursor.group(
                1))));
        assertTrue(page2.startsWith("2 issues of 7. Last page."), page2);
        assertTrue(sandbox.requests().contains("POST /jira/rest/api/2/search 200"), sandbox.requests()::toString);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void badJqlAndUnknownIssuesAreClearErrors(Transport transport) {
        Mcp.Result jql = call(transport, "jira_search", Map.of("jql", "status = Bogus"));
        assertEquals("Atlassian rejected the request: The value 'Bogus' does not exist for the field 'status'. "
                + "Correct the input and try again.", text(jql));
        Mcp.Result missing = call(transport, "jira_get_issue", Map.of("issue_key", "WEB-404"));
        assertTrue(missing.isError());
        assertTrue(text(missing).startsWith("Not found:"), text(missing));
        Mcp.Result cursor = call(transport, "jira_search", Map.of("jql", "project = OPS", "cursor",
                "garbage"));
        assertTrue(text(cursor).startsWith("Invalid argument: cursor 'garbage' is not one this server returned"),
                text(cursor));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRateLimitOnDataCenterIsWaitedOutAndRetried(Transport transport) {
        Mcp.sandbox().clearRequests();
        Mcp.sandbox().addFault(SandboxControl.fault().put("pathPrefix", "/jira/rest/api/2/").put("status", 429)
                .put("retryAfter", 1).put("count", 1));
        try {
            Mcp.Result result = call(transport, "jira_get_issue", Map.of("issue_key", "OPS-1"));
            assertFalse(result.isError(), result::text);
            assertEquals(List.of("GET /jira/rest/api/2/issue/OPS-1 429", "GET /jira/rest/api/2/issue/OPS-1 200"),
                    Mcp.sandbox().requests().stream().filter(r -> r.contains("/issue/OPS-1 ")).toList());
        } finally {
            Mcp.forgetFaults();
        }
    }

    @Test
    void whoamiMapsTheCallerToTheirUsername() {
        String md = text(call(Transport.STREAMABLE, "jira_whoami", Map.of()));
        assertTrue(md.contains("Jira account: Jane Doe (jdoe), found by your email\nJira calls use the service account "
                + "MCP Service Account (mcp-bot)"), md);
    }

    @Test
    void addCommentWritesWikiMarkup() {
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Failover drill **passed**; see `runbook-12`."));
        assertTrue(text(added).matches(
                "Added comment \\d+ to OPS-5 as MCP Service Account \\(mcp-bot\\)\\.\nChange id: OPS-5~[a-z2-7]{10} \\(jira_undo_change reverts it while nobody has changed it since\\)\\."),
                text(added));
        String issue = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5")));
        assertTrue(issue.contains("Failover drill **passed**; see `runbook-12`."), issue);
        assertTrue(Mcp.sandbox().requests().contains("POST /jira/rest/api/2/issue/OPS-5/comment 201"));
    }

    @Test
    void fieldEditsTakeWikiMarkupAndUsernamesAndAreUndone() {
        String before = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-7")));
        Mcp.Result updated = call(Transport.STREAMABLE, "jira_update_issue", Map.of("issue_key", "OPS-7", "fields",
                Map.of("Assignee", "jdoe", "Priority", "High"), "description", "The panel divides by **1000** twice."));
        assertTrue(text(updated).startsWith("Changed "), text(updated));
        String changed = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-7")));
        assertTrue(changed.contains("Assignee: Jane Doe (jdoe)"), changed);
        assertTrue(changed.contains("The panel divides by **1000** twice."), changed);
        assertTrue(Mcp.sandbox().requests().contains("PUT /jira/rest/api/2/issue/OPS-7 204"));
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(text(updated));
        assertTrue(id.find());

        assertTrue(text(call(Transport.SSE, "jira_list_my_agent_changes", Map.of())).contains(id.group(1)));
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id.group(1)))).startsWith(
                "Done: undo "));
        assertEquals(withoutUpdated(before), withoutUpdated(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of(
                "issue_key", "OPS-7")))));
    }

    @Test
    void createReadsTheCreateScreenFromValuesAndWritesWikiMarkup() {
        String created = text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type",
                "Task", "summary", "Rotate the pager rota", "description", "Rota lives in **PagerDuty**.", "fields",
                Map.of("Assignee", "bmartin"))));
        assertTrue(created.startsWith("Created OPS-8, a Task in OPS: Rotate the pager rota\n"), created);
        String issue = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-8")));
        assertTrue(issue.contains("Assignee: Bob Martin (bmartin)"), issue);
        assertTrue(issue.contains("Rota lives in **PagerDuty**."), issue);
        assertTrue(Mcp.sandbox().requests().contains("POST /jira/rest/api/2/issue 201"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "OPS", "issue_type", "Task",
                "summary", "Rotate the pager rota", "description", "Rota lives in **PagerDuty**.", "fields", Map.of(
                        "Assignee", "bmartin")))).startsWith("OPS-8 already exists: "));
    }

    @Test
    void transitionsTakeTheirScreenFieldsAndAWikiComment() {
        assertTrue(text(call(Transport.SSE, "jira_get_transitions", Map.of("issue_key", "OPS-1"))).contains(
                "| 31 | Done | Done | Resolution (required; "));
        assertTrue(text(call(Transport.STREAMABLE, "jira_transition_issue", Map.of("issue_key", "OPS-1",
                "transition", "Done", "fields", Map.of("Resolution", "Done"), "comment", "Pool back to **normal**.")))
                        .startsWith("Moved OPS-1 from In Progress to Done."));
        String issue = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1")));
        assertTrue(issue.contains(" · Done · ") && issue.contains("Resolution: Done"), issue);
        assertTrue(issue.contains("Pool back to **normal**."), issue);
        assertTrue(Mcp.sandbox().requests().contains("POST /jira/rest/api/2/issue/OPS-1/transitions 204"));
    }

    @Test
    void boardsAndSprintsUseTheSameAgileApi() {
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_sprints", Map.of("board_id", "1"))).contains(
                "| 11 | OPS Sprint 42 | active |"));
        assertTrue(Mcp.sandbox().requests().contains("GET /jira/rest/agile/1.0/board/1/sprint 200"), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void linksCommentsWatchersWorklogsRemoteLinksAndAttachmentsOnDataCenter() {
        assertTrue(text(call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-5", "relation",
                "blocks", "other_issue_key", "OPS-6"))).startsWith("Linked: OPS-5 blocks OPS-6."));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-6"))).contains(
                "- is blocked by OPS-5"));
        assertTrue(text(call(Transport.SSE, "jira_get_comments", Map.of("issue_key", "OPS-1", "limit", 2)))
                .startsWith("# Comments on OPS-1\n2 comments of 3."));
        String watcher = text(call(Transport.STREAMABLE, "jira_add_watcher", Map.of("issue_key", "OPS-5", "person",
                "bmartin")));
        assertTrue(watcher.startsWith("Done: bmartin watches OPS-5."), watcher);
        assertTrue(text(call(Transport.STREAMABLE, "jira_add_worklog", Map.of("issue_key", "OPS-5", "time_spent",
                "2h", "comment", "Drained the **queue**."))).startsWith("Done: 2h logged on OPS-5."));
        assertTrue(text(call(Transport.STREAMABLE, "jira_add_remote_link", Map.of("issue_key", "OPS-5", "url",
                "https://example.com/runbook", "title", "Runbook"))).startsWith("Done: OPS-5 links to "));
        String attached = text(call(Transport.SSE, "jira_add_attachment", Map.of("issue_key", "OPS-5", "filename",
                "dc-notes.txt", "text", "drained")));
        assertTrue(attached.startsWith("Done: dc-notes.txt attached to OPS-5."), attached);
        assertTrue(Mcp.sandbox().requests().contains("POST /jira/rest/api/2/issue/OPS-5/attachments 200"), Mcp
                .sandbox().requests()::toString);
        Matcher attachment = Pattern.compile("Change id: (\\S+) ").matcher(attached);
        assertTrue(attachment.find());
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", attachment.group(1))))
                .startsWith("Done: undo "));
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.matches(
                "DELETE /jira/rest/api/2/attachment/\\d+ 204")), Mcp.sandbox().requests()::toString);
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(watcher);
        assertTrue(id.find());
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id.group(1)))).startsWith(
                "Done: undo "));
        assertTrue(Mcp.sandbox().requests().contains("DELETE /jira/rest/api/2/issue/OPS-5/watchers 204"), Mcp
                .sandbox().requests()::toString);
    }

    @Test
    void theChangelogComesFromTheIssueExpansion() {
        String changes = text(call(Transport.STREAMABLE, "jira_get_changelog", Map.of("issue_key", "OPS-1")));
        assertTrue(changes.startsWith("# Changes to OPS-1 (oldest first)\n2 changes of 2."), changes);
        assertTrue(changes.contains("| Bob Martin | status | To Do | In Progress |"), changes);
    }

    @Test
    void issueViewsAndLookupsAnswerWithUsernames() {
        String md = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1", "fields",
                "labels,Severity", "include", "comments,watchers,worklogs,changelog")));
        assertTrue(md.contains("Severity: Sev 1") && !md.contains("Reporter:"), md);
        assertTrue(md.contains("## Comments (all 3)") && md.contains("## History (2 changes)"), md);
        assertTrue(md.contains("## Watchers (2)\nJane Doe (jdoe), Bob Martin (bmartin)"), md);
        assertTrue(md.contains("## Worklogs (1, 1h 30m logged)"), md);
        String search = text(call(Transport.SSE, "jira_search", Map.of("jql", "project = OPS ORDER BY key ASC", "limit",
                1, "fields", "Severity,assignee")));
        assertTrue(search.contains("| OPS-1 | Sev 1 | Bob Martin |\nPeople: Bob Martin (bmartin)"), search);
        assertTrue(text(call(Transport.STREAMABLE, "jira_find_users", Map.of("query", "bmar"))).contains(
                "| Bob Martin | bmartin | bob.martin@example.com |"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_projects", Map.of())).contains(
                "| OPS | Operations | software | 10000 |"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_project", Map.of("project", "OPS"))).contains(
                "Issue types: "));
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_link_types", Map.of())).contains(
                "| Blocks | blocks | is blocked by |"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_search_fields", Map.of("query", "severity"))).contains(
                "| customfield_10030 | Severity | option | yes |"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_create_fields", Map.of("project", "OPS", "issue_type",
                "Incident")))
                        .contains("| customfield_10030 | Severity | required | option | Sev 1, Sev 2, Sev 3, Sev 4 |"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_list_boards", Map.of("project", "OPS"))).contains("| 1 | "));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_sprint_issues", Map.of("sprint_id", "11"))).contains(
                "| OPS-1 | "));
        for (String used : new String[] { "GET /jira/rest/api/2/issue/OPS-1/watchers 200",
                "GET /jira/rest/api/2/issue/OPS-1/worklog 200", "GET /jira/rest/api/2/user/search 200",
                "GET /jira/rest/api/2/project 200", "GET /jira/rest/api/2/issueLinkType 200" }) {
            assertTrue(Mcp.sandbox().requests().contains(used), used + " in " + Mcp.sandbox().requests());
        }
    }

    @Test
    void versionsAndReleaseNotesComeThroughVersionTwo() {
        String versions = text(call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "WEB")));
        assertTrue(versions.contains("| storefront 3.5 | 10101 | unreleased | "), versions);
        String notes = text(call(Transport.SSE, "jira_get_release_notes", Map.of("project", "PAY", "version",
                "settlement-job 4.12.0")));
        assertTrue(notes.startsWith("# Release notes: settlement-job 4.12.0 (PAY)\nReleased, released "), notes);
        assertTrue(notes.contains("## Story (1)\n- PAY-2 Batch ledger writes in the settlement job (Done)"), notes);
        assertTrue(Mcp.sandbox().requests().contains("GET /jira/rest/api/2/project/WEB/version 200"), Mcp.sandbox()
                .requests()::toString);
    }

    @Test
    void parentsAndAnEpicsChildrenComeFromTheParentAndTheEpicLink() {
        String created = text(call(Transport.STREAMABLE, "jira_create_issue", Map.of("project", "PAY", "issue_type",
                "Sub-task", "summary", "Wallet token storage", "parent", "PAY-3")));
        String key = created.replaceFirst("(?s)^Created (PAY-\\d+).*", "$1");
        assertEquals("Parent: PAY-3 Support Apple Pay in checkout (To Do) › PAY-1 PSD3 strong customer authentication "
                + "(In Progress)",
                HierarchyTest.parentLine(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of(
                        "issue_key", key)))));
        String epic = text(call(Transport.SSE, "jira_get_issue", Map.of("issue_key", "PAY-1", "include",
                "children")));
        assertTrue(epic.contains("\n## Child issues (1)\n") && epic.contains("| PAY-3 | Support Apple Pay in "
                + "checkout |"), epic);
        String story = text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "PAY-3", "include",
                "children")));
        // Data Center's parent finds only sub-tasks: the epic's story above was found through its Epic Link
        assertTrue(story.contains("\n## Child issues (1)\n") && story.contains("| " + key + " | Wallet token "
                + "storage |"), story);
    }

    @Test
    void attachmentsAreListedThroughVersionTwoAndReadWhereDataCenterServesFiles() {
        String list = text(call(Transport.STREAMABLE, "jira_get_attachments", Map.of("issue_key", "OPS-1")));
        assertTrue(list.startsWith("3 attachments on OPS-1"), list);
        String id = list.lines().filter(l -> l.contains("checkout-errors.csv")).findFirst().orElseThrow()
                .split("\\|")[1]
                        .trim();
        String csv = text(call(Transport.SSE, "jira_read_attachment", Map.of("issue_key", "OPS-1", "attachment_id",
                id)));
        assertTrue(csv.contains("00:12,44,7300"), csv);
        // Data Center has no rest/api/2/attachment/content/{id} (the sandbox answers 404 there, as Jira does)
        assertTrue(Mcp.sandbox().requests().contains("GET /jira/secure/attachment/" + id + "/checkout-errors.csv 200"),
                Mcp.sandbox().requests()::toString);
    }

    @Test
    void commentEditsBatchesAssignmentAndSprintMovesWriteVersionTwo() {
        String added = text(call(Transport.STREAMABLE, "jira_add_comment", Map.of("issue_key", "OPS-5", "body",
                "Queue at 41k.")));
        String commentId = added.replaceFirst("(?s)Added comment (\\d+) .*", "$1");
        assertTrue(text(call(Transport.STREAMABLE, "jira_edit_comment", Map.of("issue_key", "OPS-5", "comment_id",
                commentId, "body", "Queue at **42k**."))).startsWith("Edited comment " + commentId + " on OPS-5."));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_comments", Map.of("issue_key", "OPS-5"))).contains(
                "Queue at **42k**."));

        String batch = text(call(Transport.STREAMABLE, "jira_create_issues", Map.of("project", "OPS", "issues", List
                .of(Map.of("summary", "Alert on queue depth", "issue_type", "Task"), Map.of("summary",
                        "Document the drain procedure", "issue_type", "Task")))));
        assertTrue(batch.startsWith("Created 2, already existed 0, failed 0."), batch);
        assertTrue(text(call(Transport.STREAMABLE, "jira_assign_issue", Map.of("issue_key", "OPS-8", "assignee",
                "Bob Martin"))).startsWith("Changed Assignee of OPS-8."));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-8"))).contains(
                "Assignee: Bob Martin (bmartin)"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_move_to_sprint", Map.of("issue_keys", List.of("OPS-8",
                "OPS-9"), "sprint_id", "11"))).startsWith("Moved OPS-8, OPS-9 to "));
        for (String used : new String[] { "PUT /jira/rest/api/2/issue/OPS-5/comment/" + commentId + " 200",
                "POST /jira/rest/api/2/issue 201", "PUT /jira/rest/api/2/issue/OPS-8 204" }) {
            assertTrue(Mcp.sandbox().requests().contains(used), used + " in " + Mcp.sandbox().requests());
        }
    }

    private static String withoutUpdated(String issue) {
        return Mcp.withoutNonce(issue).replaceAll("Updated: [^|\\n]*", "");
    }
}

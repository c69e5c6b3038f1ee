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

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/** Watchers, worklogs and remote links: added with a change record, taken back by undo while still as added. */
@QuarkusTest
class IssueAdditionsTest extends SandboxReset {

    private static String undo(Mcp.Result added) {
        assertFalse(added.isError(), added::text);
        Matcher id = Pattern.compile("Change id: (\\S+) ").matcher(added.text());
        assertTrue(id.find(), added.text());
        return text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id.group(1))));
    }

    @Test
    void aWatcherIsAddedByNameAndTakenBack() {
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_watcher", Map.of("issue_key", "OPS-5", "person",
                "bob.martin@example.com"));
        assertTrue(added.text().startsWith("Done: " + Directory.BOB.accountId() + " watches OPS-5.\nChange id: "),
                added.text());
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-5/watchers").contains(Directory.BOB.accountId()));
        assertTrue(undo(added).startsWith("Done: undo OPS-5~"));
        assertFalse(SandboxSite.get("/rest/api/3/issue/OPS-5/watchers").contains(Directory.BOB.accountId()));
    }

    @Test
    void aWorklogIsLoggedWithItsCommentAndTakenBack() {
        Mcp.Result logged = call(Transport.SSE, "jira_add_worklog", Map.of("issue_key", "OPS-5", "time_spent",
                "1h 30m", "started", "2026-11-22T09:30:00Z", "comment", "Drained the **queue**."));
        assertTrue(logged.text().startsWith("Done: 1h 30m logged on OPS-5."), logged.text());
        assertTrue(undo(logged).startsWith("Done: undo OPS-5~"));
        assertEquals("Invalid argument: time_spent must be a duration like 1h 30m, 45m or 2d, got 'an hour'", text(call(
                Transport.STREAMABLE, "jira_add_worklog", Map.of("issue_key", "OPS-5", "time_spent", "an hour"))));
        assertEquals("Invalid argument: started must be a date and time like 2026-11-22T09:30:00Z, got 'today'", text(
                call(Transport.STREAMABLE, "jira_add_worklog", Map.of("issue_key", "OPS-5", "time_spent", "1h",
                        "started", "today"))));
    }

    @Test
    void aRemoteLinkIsAddedAndTakenBackOnce() {
        Mcp.Result linked = call(Transport.STREAMABLE, "jira_add_remote_link", Map.of("issue_key", "OPS-1", "url",
                "https://github.com/acme/checkout/pull/42", "title", "PR 42: bound the pool"));
        assertTrue(linked.text().startsWith("Done: OPS-1 links to https://github.com/acme/checkout/pull/42."),
                linked.text());
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-1/remotelink").contains("PR 42: bound the pool"));
        assertTrue(undo(linked).startsWith("Done: undo OPS-1~"));
        assertFalse(SandboxSite.get("/rest/api/3/issue/OPS-1/remotelink").contains("PR 42"));
        assertEquals("Invalid argument: url must be an http or https address, got 'github.com/acme'", text(call(
                Transport.STREAMABLE, "jira_add_remote_link", Map.of("issue_key", "OPS-1", "url", "github.com/acme",
                        "title", "x"))));
    }

    @Test
    void anUndoOfSomethingAlreadyRemovedSaysSo() {
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_watcher", Map.of("issue_key", "OPS-5", "person",
                "Priya Nair"));
        assertTrue(added.isError(), "Priya cannot see OPS: " + added.text());
        assertTrue(added.text().contains("does not have permission to view this issue"), added.text());
        Mcp.Result bob = call(Transport.STREAMABLE, "jira_add_watcher", Map.of("issue_key", "OPS-5", "person",
                "Bob Martin"));
        SandboxSite.send(Directory.BOT, "DELETE", "/rest/api/3/issue/OPS-5/watchers?accountId=" + Directory.BOB
                .accountId(), null);
        assertTrue(undo(bob).startsWith("Nothing to undo for OPS-5~"), bob.text());
    }
}

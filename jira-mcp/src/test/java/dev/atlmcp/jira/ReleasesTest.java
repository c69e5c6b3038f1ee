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
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/** A project's versions, a version's release notes (its issues grouped by type), and versions agents create. */
@QuarkusTest
class ReleasesTest extends SandboxReset {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void versionsComeLatestReleaseFirstWithTheirState(Transport transport) {
        String versions = text(call(transport, "jira_list_versions", Map.of("project", "WEB")));
        assertTrue(versions.startsWith("# Versions of WEB, latest release date first\n2 versions of 2. Last page.\n"),
                versions);
        int unreleased = versions.indexOf("| storefront 3.5 | 10101 | unreleased | ");
        int released = versions.indexOf("| storefront 3.4 | 10100 | released | ");
        assertTrue(unreleased > 0 && released > unreleased, versions);
        assertTrue(versions.contains("Accessibility, search filters and the EMEA sign-in fix"), versions);
        assertTrue(Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith(
                "GET /rest/api/3/project/WEB/version ")), Mcp.sandbox().requests()::toString);
    }

    @Test
    void statusNarrowsAndPagesGoOnWithACursor() {
        String released = text(call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "WEB", "status",
                "released")));
        assertTrue(released.contains("storefront 3.4") && !released.contains("storefront 3.5"), released);
        String first = text(call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "WEB", "limit", 1)));
        String cursor = first.replaceFirst("(?s).*cursor=\"([^\"]+)\".*", "$1");
        String second = text(call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "WEB", "limit", 1,
                "cursor", cursor)));
        assertTrue(first.contains("storefront 3.5") && second.contains("storefront 3.4"), first + "\n" + second);
        assertEquals("Invalid argument: status must be released, unreleased, archived or all, comma-separated, got "
                + "'shipped'",
                text(call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "WEB",
                        "status", "shipped"))));
    }

    @Test
    void releaseNotesGroupTheVersionsIssuesByType() {
        String notes = text(call(Transport.SSE, "jira_get_release_notes", Map.of("project", "WEB", "version",
                "Storefront 3.5")));
        assertTrue(notes.startsWith("# Release notes: storefront 3.5 (WEB)\nUnreleased, due "), notes);
        assertTrue(notes.contains("3 issues."), notes);
        int bugs = notes.indexOf("## Bug (1)\n- WEB-1 Login via SSO fails for users in the EMEA region (In Progress)");
        int stories = notes.indexOf("## Story (2)\n- WEB-2 Accessible colour contrast on product pages (To Do)\n"
                + "- WEB-3 Search filters agreed in the catalogue workshop (To Do)");
        assertTrue(bugs > 0 && stories > bugs, notes);
        assertTrue(notes.contains("⟦data "), "summaries are data people wrote: " + notes);
        String byId = text(call(Transport.STREAMABLE, "jira_get_release_notes", Map.of("project", "WEB", "version",
                "10100")));
        assertTrue(byId.startsWith("# Release notes: storefront 3.4 (WEB)\nReleased, released "), byId);
    }

    @Test
    void unknownVersionsAndProjectsAreClear() {
        assertEquals("Project WEB has no version storefront 9. List them with jira_list_versions.", text(call(
                Transport.STREAMABLE, "jira_get_release_notes", Map.of("project", "WEB", "version",
                        "storefront 9"))));
        Mcp.Result missing = call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "NOPE"));
        assertTrue(missing.isError() && missing.text().contains("No project could be found with key 'NOPE'"), missing
                .text());
    }

    private static String changeId(String answer) {
        return answer.replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
    }

    @Test
    void aVersionIsCreatedListedAndDeletedByUndo() {
        Mcp.Result created = call(Transport.STREAMABLE, "jira_create_version", Map.of("project", "ops", "name",
                "platform 2027.1", "description", "Saved searches", "start_date", "2027-01-04", "release_date",
                "2027-01-15"));
        assertFalse(created.isError(), created::text);
        assertTrue(created.text().startsWith("Created version platform 2027.1 (id ") && created.text().contains(
                ") in OPS, due 2027-01-15.\nChange id: OPS~"), created.text());
        assertTrue(call(Transport.SSE, "jira_list_versions", Map.of("project", "OPS")).text().contains(
                "| platform 2027.1 |"));
        String undone = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(created.text())))
                .text();
        assertTrue(undone.startsWith("Done: undo OPS~") && undone.contains("delete version platform 2027.1 of OPS"),
                undone);
        assertFalse(call(Transport.STREAMABLE, "jira_list_versions", Map.of("project", "OPS")).text().contains(
                "platform 2027.1"));
        assertTrue(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(created.text())))
                .text().startsWith("Change " + changeId(created.text()) + " was already undone at "));

        String other = call(Transport.SSE, "jira_create_version", Map.of("project", "OPS", "name", "platform 2027.3"))
                .text();
        SandboxSite.send(Directory.JANE, "DELETE",
                "/rest/api/3/version/" + other.replaceFirst("(?s).*\\(id (\\d+)\\).*",
                        "$1"),
                null);
        assertEquals("Version platform 2027.3 of change " + changeId(other) + " is gone already: someone deleted it. "
                + "Nothing was changed.",
                call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(
                        other))).text());
    }

    @Test
    void aVersionAnIssueNamesIsNotDeletedAndBadArgumentsAreClear() {
        String created = call(Transport.STREAMABLE, "jira_create_version", Map.of("project", "OPS", "name",
                "platform 2027.2")).text();
        SandboxSite.send(Directory.BOB, "PUT", "/rest/api/3/issue/OPS-2", "{\"fields\": {\"fixVersions\": "
                + "[{\"name\": \"platform 2027.2\"}]}}");
        assertEquals(
                "Not undone: 1 issue names version platform 2027.2 of OPS, and deleting it would take it off them. "
                        + "Nothing was changed. Search them with jira_search (fixVersion = \"platform 2027.2\").",
                call(
                        Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId(created))).text());
        assertEquals("Project PAY already has a version settlement-job 4.12.0 (id 10102). Nothing was changed.", call(
                Transport.SSE, "jira_create_version", Map.of("project", "PAY", "name", "Settlement-job 4.12.0"))
                        .text());
        assertEquals("Invalid argument: release_date 2027-01-01 is before start_date 2027-02-01", call(
                Transport.STREAMABLE, "jira_create_version", Map.of("project", "OPS", "name", "x", "start_date",
                        "2027-02-01", "release_date", "2027-01-01")).text());
        assertEquals("Invalid argument: release_date must be a date like 2027-01-15, got '15/01/2027'", call(
                Transport.STREAMABLE, "jira_create_version", Map.of("project", "OPS", "name", "x", "release_date",
                        "15/01/2027")).text());
        String preview = call(Transport.STREAMABLE, "jira_create_version", Map.of("project", "OPS", "name", "y",
                "dry_run", true)).text();
        assertTrue(preview.startsWith("Dry run: nothing was sent. This call would create version y in project OPS "
                + "with:\nPOST /rest/api/3/version"), preview);
    }
}

package dev.atlmcp.jira.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.adf.OneLine;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.service.Releases;
import dev.atlmcp.jira.service.VersionChanges;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;

/** A project's versions as a table, and a version's release notes: its issues grouped by type. */
public final class ReleaseMarkdown {

    private ReleaseMarkdown() {
    }

    /** Names and descriptions are text people wrote, so the table is fenced as data. */
    public static String versions(Releases.Versions versions, ContentPolicy policy) {
        String head = "# Versions of " + versions.project() + ", latest release date first\n";
        if (versions.versions().isEmpty()) {
            return head + "None of those.";
        }
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = versions.versions().stream().map(v -> Arrays.asList(v.path("name")
                .asText(), v.path("id").asText(), status(v), v.path("startDate").asText(null),
                v.path("releaseDate")
                        .asText(null),
                v.path("description").asText(null))).toList();
        return content.finish(head + Listing.summary(rows.size(), versions.total(), "version", "versions", versions
                .nextCursor()) + "\n\n" + content.block(versions.project() + " versions",
                        Listing.table(List.of("Name",
                                "Id", "Status", "Start", "Release", "Description"), rows)));
    }

    /** The version, when and whether it was released, then its issues by type, each with its status. */
    public static String notes(Releases.Notes notes, ContentPolicy policy) {
        JsonNode v = notes.version();
        StringBuilder about = new StringBuilder();
        String release = v.path("releaseDate").asText(null);
        String status = status(v);
        about.append(status.substring(0, 1).toUpperCase(Locale.ROOT)).append(status.substring(1));
        if (release != null) {
            about.append(v.path("released").asBoolean() ? ", released " : ", due ").append(release);
        }
        about.append('.');
        String name = OneLine.of(v.path("name").asText());
        String head = "# Release notes: " + name + " (" + notes.project() + ")\n" + about + "\n";
        if (notes.issues().isEmpty()) {
            return head + "No issues are fixed in this version.";
        }
        Map<String, List<IssueDto>> byType = new LinkedHashMap<>();
        for (IssueDto issue : notes.issues()) {
            String type = issue.fields() == null || issue.fields().issuetype == null ? "Other"
                    : issue.fields().issuetype
                            .name();
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(issue);
        }
        StringBuilder md = new StringBuilder();
        String description = v.path("description").asText("");
        if (!description.isBlank()) {
            md.append(description).append("\n\n");
        }
        byType.forEach((type, issues) -> {
            md.append("## ").append(type).append(" (").append(issues.size()).append(")\n");
            issues.forEach(i -> md.append("- ").append(i.key()).append(' ').append(i.fields().summary).append(
                    i.fields().status == null ? "" : " (" + i.fields().status.name() + ")").append('\n'));
        });
        UntrustedText content = policy.newAnswer();
        int shown = notes.issues().size();
        String count = notes.total() != null && notes.total() == shown ? shown + (shown == 1 ? " issue." : " issues.")
                : "The first " + shown + " issues" + (notes.total() == null ? "" : " of " + notes.total())
                        + "; the rest: jira_search with jql '" + notes.jql() + "'.";
        return content.finish(head + count + "\n\n" + content.block(name + " release notes", md
                .toString().stripTrailing()));
    }

    private static String status(JsonNode v) {
        if (v.path("archived").asBoolean()) {
            return "archived";
        }
        if (v.path("released").asBoolean()) {
            return "released";
        }
        return v.path("overdue").asBoolean() ? "unreleased, overdue" : "unreleased";
    }

    public static String created(VersionChanges.Created created) {
        JsonNode v = created.version();
        return "Created version " + OneLine.of(v.path("name").asText()) + " (id " + v.path("id").asText() + ") in "
                + created
                        .project()
                + (v.has("releaseDate") ? ", due " + v.path("releaseDate").asText() : "") + ".\nChange id: "
                + created.changeId() + " (jira_undo_change deletes it while no issue names it)." + (created.notes()
                        .isEmpty() ? "" : "\n" + String.join("\n", created.notes()));
    }
}

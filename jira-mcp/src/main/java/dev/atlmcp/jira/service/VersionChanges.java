package dev.atlmcp.jira.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.jira.client.JiraSite;
import dev.atlmcp.jira.client.ProjectDto;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;

/**
 * Versions agents create, and their undo. A version has no properties of its own, so the change record is kept in a
 * property of the account the calls use (signed, like every record); undo deletes the version only while it is as the
 * change made it and no issue names it.
 */
@ApplicationScoped
public class VersionChanges {

    static final String CREATED = "version-created";

    public record Created(String project, JsonNode version, String changeId, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final WritePipeline pipeline;
    private final JiraAccounts accounts;

    VersionChanges(JiraService jira, JiraSite site, WritePipeline pipeline, JiraAccounts accounts) {
        this.jira = jira;
        this.site = site;
        this.pipeline = pipeline;
        this.accounts = accounts;
    }

    public Created create(String project, String name, String description, String startDate, String releaseDate,
            boolean dryRun, String confirmationToken) {
        ProjectDto p = jira.project(project);
        String title = Arguments.text("name", name, 255, "storefront 3.6").trim();
        LocalDate start = date("start_date", startDate);
        LocalDate release = date("release_date", releaseDate);
        if (start != null && release != null && release.isBefore(start)) {
            throw new IllegalArgumentException("release_date " + release + " is before start_date " + start);
        }
        for (JsonNode v : site.versions(p.key(), null, 0, 200).path("values")) {
            if (v.path("name").asText().equalsIgnoreCase(title)) {
                throw new ToolRefusal("Project " + p.key() + " already has a version " + v.path("name").asText()
                        + " (id " + v.path("id").asText() + "). Nothing was changed.");
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", title).put("projectId", Long.parseLong(p
                .id())).put("released", false);
        if (description != null && !description.isBlank()) {
            body.put("description", Arguments.text("description", description, 1000, "Saved searches and sharing"));
        }
        if (start != null) {
            body.put("startDate", start.toString());
        }
        if (release != null) {
            body.put("releaseDate", release.toString());
        }
        String what = "create version " + title + " in project " + p.key() + (release == null ? ""
                : ", to be released on " + release);
        pipeline.approve(new WriteGate.Write("jira_create_version", what, "POST", site.api() + "/version", body,
                () -> ""), dryRun, confirmationToken);
        JsonNode created = pipeline.sendApproved(what, "list the project's versions with jira_list_versions",
                () -> site.createVersion(body));
        AgentChange change = pipeline.start("jira_create_version", CREATED, p.key(), what, null,
                JsonNodeFactory.instance
                        .objectNode().put("versionId", created.path("id").asText()).put("name", title));
        List<String> notes = new ArrayList<>();
        pipeline.record(change, record -> store(change, record), "The version was created").ifPresent(notes::add);
        return new Created(p.key(), created, change.id(), notes);
    }

    /** Undoes a change recorded for a project (its id names the project key, e.g. WEB~k3j4h5g6f7). */
    JiraUndo.Undone undo(String wanted, String projectKey, boolean dryRun, String confirmationToken) {
        jira.project(projectKey);
        JsonNode stored = AtlassianException.unlessNotFound(() -> site.personProperty(accounts.current().id(),
                IssueWrites.propertyKey(wanted))).orElseThrow(() -> new ToolRefusal(
                        "No agent change " + wanted
                                + " is recorded for you. List yours with " + JiraUndo.LIST_TOOL + "."))
                .path("value");
        AgentChange change = pipeline.undoable(wanted, stored, JiraUndo.LIST_TOOL);
        if (!change.action().equals(CREATED)) {
            throw new ToolRefusal("Changes of kind '" + change.action() + "' cannot be undone by this server. "
                    + "Nothing was changed.");
        }
        String id = change.after().path("versionId").asText();
        String name = change.after().path("name").asText();
        JsonNode version = AtlassianException.unlessNotFound(() -> site.version(id)).orElseThrow(
                () -> new ToolRefusal("Version " + name + " of change " + wanted + " is gone already: someone deleted "
                        + "it. Nothing was changed."));
        if (!version.path("name").asText().equals(name) || version.path("released").asBoolean()) {
            throw new ToolRefusal("Not undone: version " + name + " was " + (version.path("released").asBoolean()
                    ? "released" : "renamed to " + version.path("name").asText()) + " after your change " + wanted
                    + ", so it is in use. Nothing was changed.");
        }
        JsonNode counts = site.versionIssueCounts(id);
        long issues = counts.path("issuesFixedCount").asLong() + counts.path("issuesAffectedCount").asLong() + counts
                .path("issueCountWithCustomFieldsShowingVersion").asLong();
        if (issues > 0) {
            throw new ToolRefusal("Not undone: " + issues + (issues == 1 ? " issue names" : " issues name")
                    + " version " + name + " of " + projectKey
                    + ", and deleting it would take it off them. Nothing was "
                    + "changed. Search them with jira_search (fixVersion = \"" + name + "\").");
        }
        String what = "undo " + wanted + " (delete version " + name + " of " + projectKey + ")";
        String[] deletion = site.versionDeletion(id).split(" ", 2);
        pipeline.approve(new WriteGate.Write("jira_undo_change", what, deletion[0], deletion[1], null, () -> name),
                dryRun, confirmationToken);
        pipeline.sendApproved(what, "list the project's versions with jira_list_versions", () -> {
            site.deleteVersion(id);
            return null;
        });
        AgentChange undone = pipeline.undone(change);
        return new JiraUndo.Undone(wanted, what, pipeline.undoRecorded(undone, record -> store(undone, record),
                "The version was deleted"));
    }

    private void store(AgentChange change, ObjectNode record) {
        site.putPersonProperty(accounts.current().id(), IssueWrites.propertyKey(change.id()), record);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date like 2027-01-15, got '" + value + "'");
        }
    }
}

package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * A project's releases: its versions (released or not, with their dates), and a version's release notes, its issues
 * grouped by type. Both within the allowed projects.
 */
@ApplicationScoped
public class Releases {

    /** The most issues release notes list; more are counted and left to a search. */
    static final int MAX_NOTES = 200;
    private static final int VERSION_PAGES = 10;
    private static final int VERSION_PAGE = 50;
    private static final List<String> STATUSES = List.of("released", "unreleased", "archived");

    /** One page of versions and the cursor of the next. */
    public record Versions(String project, List<JsonNode> versions, int total, String nextCursor) {
    }

    /** A version and the issues it fixes, in type then key order; {@code total} counts them all. */
    public record Notes(String project, JsonNode version, List<IssueDto> issues, Integer total, String jql) {
    }

    private final JiraService jira;
    private final JiraSite site;

    Releases(JiraService jira, JiraSite site) {
        this.jira = jira;
        this.site = site;
    }

    /**
     * @param status
     *            released, unreleased, archived, all, or a comma-separated mix; blank for released and unreleased
     */
    public Versions versions(String project, String status, int limit, String cursor) {
        String key = jira.project(project).key();
        Arguments.limit(limit, JiraService.MAX_LIMIT);
        int start = Arguments.offset(cursor, "jira_list_versions");
        JsonNode page = site.versions(key, statuses(status), start, limit);
        List<JsonNode> versions = new ArrayList<>();
        page.path("values").forEach(versions::add);
        int total = page.path("total").asInt(versions.size());
        return new Versions(key, versions, total, Arguments.nextOffsetCursor(start, versions.size(), !page.path(
                "isLast").asBoolean(start + versions.size() >= total)));
    }

    /** A version by name (any case) or id, and its issues. */
    public Notes notes(String project, String version) {
        String key = jira.project(project).key();
        String wanted = Arguments.text("version", version, 255, "storefront 3.5");
        JsonNode found = null;
        for (int page = 0; page < VERSION_PAGES && found == null; page++) {
            JsonNode versions = site.versions(key, null, page * VERSION_PAGE, VERSION_PAGE);
            for (JsonNode v : versions.path("values")) {
                if (v.path("id").asText().equals(wanted) || v.path("name").asText().equalsIgnoreCase(wanted)) {
                    found = v;
                }
            }
            if (versions.path("isLast").asBoolean(true)) {
                break;
            }
        }
        if (found == null) {
            throw new ToolRefusal("Project " + key + " has no version " + wanted + ". List them with "
                    + "jira_list_versions.");
        }
        String jql = "project = " + key + " AND fixVersion = " + found.path("id").asText()
                + " ORDER BY issuetype ASC, key ASC";
        List<IssueDto> issues = new ArrayList<>();
        Integer total;
        String cursor = null;
        do {
            JiraService.SearchPage page = jira.search(jql, JiraService.MAX_LIMIT, cursor);
            issues.addAll(page.issues());
            total = page.total();
            cursor = page.nextCursor();
        } while (cursor != null && issues.size() < MAX_NOTES);
        return new Notes(key, found, issues, cursor == null ? Integer.valueOf(issues.size()) : total, jql);
    }

    private static String statuses(String status) {
        if (status == null || status.isBlank()) {
            return "released,unreleased";
        }
        List<String> chosen = new ArrayList<>();
        for (String raw : status.split(",")) {
            String one = raw.trim().toLowerCase(Locale.ROOT);
            if (one.equals("all")) {
                return null;
            }
            if (!STATUSES.contains(one)) {
                throw new IllegalArgumentException("status must be released, unreleased, archived or all, "
                        + "comma-separated, got '" + raw.trim() + "'");
            }
            chosen.add(one);
        }
        return String.join(",", chosen);
    }
}

package dev.atlmcp.jira.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraClient;
import dev.atlmcp.jira.client.SearchDtos;

/** Jira reads for the tools: argument rules, Cloud versus Data Center differences, paging. */
@ApplicationScoped
public class JiraService {

    /** What a search result row shows. */
    public static final List<String> SEARCH_FIELDS = List.of("summary", "status", "issuetype", "priority",
            "assignee", "updated");
    public static final int MAX_LIMIT = 50;
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+|\\d+");
    private static final int MAX_JQL = 8000;
    private static final String OFFSET_CURSOR = "startAt:";

    /** One page of search results and the cursor for the next page (null on the last page). */
    public record SearchPage(List<IssueDto> issues, String nextCursor, Integer total) {
    }

    private final JiraClient client;
    private final AtlassianConfig config;

    JiraService(@RestClient JiraClient client, AtlassianConfig config) {
        this.client = client;
        this.config = config;
    }

    public IssueDto issue(String key) {
        if (key == null || !ISSUE_KEY.matcher(key.trim()).matches()) {
            throw new IllegalArgumentException("issue_key must be an issue key like PROJ-123 or a numeric id, got '"
                    + key + "'");
        }
        return client.getIssue(apiVersion(), key.trim().toUpperCase(Locale.ROOT), "*all", "names");
    }

    public SearchPage search(String jql, int limit, String cursor) {
        if (jql == null || jql.isBlank()) {
            throw new IllegalArgumentException("jql must not be empty; for example: project = OPS ORDER BY created "
                    + "DESC");
        }
        if (jql.length() > MAX_JQL) {
            throw new IllegalArgumentException("jql is longer than " + MAX_JQL + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        String page = cursor == null || cursor.isBlank() ? null : cursor.trim();
        if (config.isDataCenter()) {
            int startAt = page == null ? 0 : offset(page);
            SearchDtos.OffsetPage result = client.search(new SearchDtos.OffsetQuery(jql, startAt, limit,
                    SEARCH_FIELDS));
            List<IssueDto> issues = result.issues() == null ? List.of() : result.issues();
            int next = startAt + issues.size();
            boolean more = result.total() != null && next < result.total() && !issues.isEmpty();
            return new SearchPage(issues, more ? OFFSET_CURSOR + next : null, result.total());
        }
        SearchDtos.TokenPage result = client.searchJql(new SearchDtos.TokenQuery(jql, limit, SEARCH_FIELDS, page));
        List<IssueDto> issues = result.issues() == null ? List.of() : result.issues();
        String next = Boolean.TRUE.equals(result.isLast()) ? null : result.nextPageToken();
        return new SearchPage(issues, next, null);
    }

    private String apiVersion() {
        return config.isDataCenter() ? "2" : "3";
    }

    private static int offset(String cursor) {
        try {
            if (cursor.startsWith(OFFSET_CURSOR)) {
                int value = Integer.parseInt(cursor.substring(OFFSET_CURSOR.length()));
                if (value >= 0) {
                    return value;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server returned; pass the "
                + "cursor from the previous jira_search result, or omit it for the first page");
    }
}

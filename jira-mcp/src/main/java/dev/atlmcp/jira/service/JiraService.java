package dev.atlmcp.jira.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.args.Arguments;
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
        String query = Arguments.text("jql", jql, MAX_JQL, "project = OPS ORDER BY created DESC");
        Arguments.limit(limit, MAX_LIMIT);
        String page = Arguments.cursor(cursor);
        if (config.isDataCenter()) {
            int startAt = Arguments.offset(page, "jira_search");
            SearchDtos.OffsetPage result = client.search(new SearchDtos.OffsetQuery(query, startAt, limit,
                    SEARCH_FIELDS));
            List<IssueDto> issues = result.issues() == null ? List.of() : result.issues();
            boolean more = result.total() != null && startAt + issues.size() < result.total();
            return new SearchPage(issues, Arguments.nextOffsetCursor(startAt, issues.size(), more), result.total());
        }
        SearchDtos.TokenPage result = client.searchJql(new SearchDtos.TokenQuery(query, limit, SEARCH_FIELDS, page));
        List<IssueDto> issues = result.issues() == null ? List.of() : result.issues();
        String next = Boolean.TRUE.equals(result.isLast()) ? null : result.nextPageToken();
        return new SearchPage(issues, next, null);
    }

    private String apiVersion() {
        return config.isDataCenter() ? "2" : "3";
    }
}

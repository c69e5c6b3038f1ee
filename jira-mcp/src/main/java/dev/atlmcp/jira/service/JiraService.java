package dev.atlmcp.jira.service;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToWiki;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.auth.args.Arguments;
import dev.atlmcp.auth.audit.AuditTrail;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.errors.AmbiguousWrite;
import dev.atlmcp.auth.errors.ErrorMessages;
import dev.atlmcp.auth.outbound.AtlassianException;
import dev.atlmcp.auth.policy.ScopePolicy;
import dev.atlmcp.auth.policy.WriteGate;
import dev.atlmcp.auth.policy.WriteGuard;
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
    /** Jira refuses comments over 32,767 characters; Markdown grows a little when converted. */
    private static final int MAX_COMMENT = 30_000;

    /** One page of search results and the cursor for the next page (null on the last page). */
    public record SearchPage(List<IssueDto> issues, String nextCursor, Integer total) {
    }

    private final JiraClient client;
    private final AtlassianConfig config;
    private final ScopePolicy scope;
    private final WriteGuard guard;
    private final AuditTrail trail;
    private final WriteGate gate;

    JiraService(@RestClient JiraClient client, AtlassianConfig config, ScopePolicy scope, WriteGuard guard,
            AuditTrail trail, WriteGate gate) {
        this.gate = gate;
        this.trail = trail;
        this.client = client;
        this.config = config;
        this.scope = scope;
        this.guard = guard;
    }

    /** An issue in an allowed project; any other answers like one that does not exist, before and after reading. */
    public IssueDto issue(String key) {
        return readable(issueKey(key), "*all", "names");
    }

    /** A comment just added to an issue, and a note if marking the issue failed. */
    public record CommentAdded(String issueKey, IssueDto.Comment comment, String markingProblem) {
    }

    /**
     * Puts the configured agent label on an issue the caller just wrote to. The write itself has happened, so a failure
     * here is reported, not thrown.
     */
    private String mark(String key) {
        Optional<String> label = scope.markLabel();
        if (label.isEmpty()) {
            return null;
        }
        ObjectNode edit = JsonNodeFactory.instance.objectNode();
        edit.putObject("update").putArray("labels").addObject().put("add", label.get());
        try {
            client.editIssue(apiVersion(), key, edit);
            return null;
        } catch (RuntimeException e) {
            return "The comment was added, but labelling " + key + " with '" + label.get() + "' failed: "
                    + ErrorMessages
                            .describe(e, false).message();
        }
    }

    /**
     * Adds a Markdown comment (ADF on Cloud, wiki markup on Data Center) to an issue the caller may write to, once the
     * write gate lets it through (dry run, confirmation).
     */
    public CommentAdded addComment(String key, String markdown, boolean dryRun, String confirmationToken) {
        String text = Arguments.text("body", markdown, MAX_COMMENT, "Rolled back 4.12.0; p99 is back under 300 ms.");
        IssueDto issue = readable(issueKey(key), "project,assignee,reporter,updated", null);
        IssueDto.Fields fields = issue.fields();
        guard.requireOwner(issue.key(), "issues assigned to or reported by you", Stream.of(fields.assignee,
                fields.reporter).filter(Objects::nonNull).map(IssueDto.User::id).toList());
        ObjectNode adf = MarkdownToAdf.convert(text);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        if (config.isDataCenter()) {
            request.put("body", AdfToWiki.render(adf, UnaryOperator.identity()));
        } else {
            request.set("body", adf);
        }
        gate.approve(new WriteGate.Write("jira_add_comment", "add a comment to " + issue.key(), "POST", "/rest/api/"
                + apiVersion() + "/issue/" + issue.key() + "/comment", request, () -> fields.updated), dryRun,
                confirmationToken);
        IssueDto.Comment created = AmbiguousWrite.send("add a comment to " + issue.key(), "read " + issue.key()
                + " with jira_get_issue and look for your comment among the latest ones",
                () -> client.addComment(
                        apiVersion(), issue.key(), request));
        trail.change("comment-added", issue.key()).put("commentId", created.id());
        return new CommentAdded(issue.key(), created, mark(issue.key()));
    }

    private static String issueKey(String key) {
        if (key == null || !ISSUE_KEY.matcher(key.trim()).matches()) {
            throw new IllegalArgumentException("issue_key must be an issue key like PROJ-123 or a numeric id, got '"
                    + key + "'");
        }
        return key.trim().toUpperCase(Locale.ROOT);
    }

    private IssueDto readable(String key, String fields, String expand) {
        if (key.contains("-")) {
            scope.requireProject(key.substring(0, key.lastIndexOf('-')), notFound());
        }
        IssueDto issue = client.getIssue(apiVersion(), key, fields, expand);
        scope.requireProject(issue.fields() == null || issue.fields().project == null ? null
                : issue.fields().project.key(), notFound());
        return issue;
    }

    /** What Jira itself answers for an issue that does not exist or that the account may not see. */
    private static AtlassianException notFound() {
        return new AtlassianException(404, List.of("Issue does not exist or you do not have permission to see it."),
                Optional.empty());
    }

    public SearchPage search(String jql, int limit, String cursor) {
        String query = scope.scopeJql(Arguments.text("jql", jql, MAX_JQL, "project = OPS ORDER BY created DESC"));
        Arguments.limit(limit, MAX_LIMIT);
        limit = scope.cap(limit);
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

package dev.atlmcp.jira.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;
import dev.atlmcp.jira.client.ProjectDto;

/** Jira reads for the tools: argument rules, project scope, paging; the deployment's differences are the site's. */
@ApplicationScoped
public class JiraService {

    /** What a search result row shows. */
    public static final List<String> SEARCH_FIELDS = List.of("summary", "status", "issuetype", "priority",
            "assignee", "updated");
    public static final int MAX_LIMIT = 50;
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+|\\d+");
    private static final int MAX_JQL = 8000;
    private static final int PROJECT_PAGE = 50;
    static final int MAX_PROJECT_PAGES = 20;
    static final int MAX_SELECTED_FIELDS = 30;

    /** One page of search results and the cursor for the next page (null on the last page). */
    public record SearchPage(List<IssueDto> issues, String nextCursor, Integer total) {
    }

    private final JiraSite site;
    private final ScopePolicy scope;

    JiraService(JiraSite site, ScopePolicy scope) {
        this.site = site;
        this.scope = scope;
    }

    /** An issue in an allowed project; any other answers like one that does not exist, before and after reading. */
    public IssueDto issue(String key) {
        return readable(issueKey(key), "*all", "names");
    }

    /** Only the given fields, and the ones the heading and the project scope need. */
    IssueDto issue(String key, List<SelectedField> fields) {
        List<String> ids = new java.util.ArrayList<>(List.of("summary", "issuetype", "status", "project"));
        fields.forEach(f -> ids.add(f.id()));
        return readable(issueKey(key), String.join(",", new java.util.LinkedHashSet<>(ids)), "names");
    }

    /** A field picked by id or display name. */
    public record SelectedField(String id, String name) {
    }

    /**
     * Comma-separated field ids or display names (any case) resolved against the site's fields; an unknown or ambiguous
     * name is an {@link IllegalArgumentException} that says how to find the id.
     */
    public List<SelectedField> selectFields(String list) {
        List<String> wanted = java.util.Arrays.stream(list.split(",")).map(String::trim).filter(w -> !w.isEmpty())
                .distinct().toList();
        if (wanted.isEmpty() || wanted.size() > MAX_SELECTED_FIELDS) {
            throw new IllegalArgumentException("fields must name 1 to " + MAX_SELECTED_FIELDS
                    + " fields, comma-separated, e.g. summary,status,Story Points");
        }
        JsonNode siteFields = site.fields();
        List<SelectedField> selected = new java.util.ArrayList<>();
        for (String name : wanted) {
            SelectedField byId = null;
            List<SelectedField> matches = new java.util.ArrayList<>();
            for (JsonNode f : siteFields) {
                SelectedField field = new SelectedField(f.path("id").asText(), f.path("name").asText());
                if (field.id().equalsIgnoreCase(name)) {
                    byId = field;
                } else if (field.name().equalsIgnoreCase(name)) {
                    matches.add(field);
                }
            }
            if (byId != null) {
                selected.add(byId);
                continue;
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("fields: no field is called or has the id '" + name
                        + "'; find field ids with jira_search_fields");
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("fields: '" + name + "' names " + matches.size() + " fields ("
                        + String.join(", ", matches.stream().map(SelectedField::id).toList())
                        + "); pass the id of the one you mean");
            }
            selected.add(matches.get(0));
        }
        return selected;
    }

    /** A project key such as OPS, upper-cased; throws {@link IllegalArgumentException} for anything else. */
    public static String projectKey(String key) {
        String projectKey = key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
        if (!projectKey.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("project must be a project key like OPS, got '" + key + "'");
        }
        return projectKey;
    }

    static String issueKey(String key) {
        if (key == null || !ISSUE_KEY.matcher(key.trim()).matches()) {
            throw new IllegalArgumentException("issue_key must be an issue key like PROJ-123 or a numeric id, got '"
                    + key + "'");
        }
        return key.trim().toUpperCase(Locale.ROOT);
    }

    IssueDto readable(String key, String fields, String expand) {
        requireProjectOf(key);
        IssueDto issue = site.issue(key, withProject(fields), expand);
        scope.requireProject(issue.fields() == null || issue.fields().project == null ? null
                : issue.fields().project.key(), notFound());
        return confined(issue);
    }

    /**
     * The issue without its relations to issues outside the allowed projects (parent, subtasks, links), which are only
     * counted: nothing about such an issue, not even its key, reaches the caller.
     */
    public IssueDto confined(IssueDto issue) {
        IssueDto.Fields f = issue.fields();
        if (f == null) {
            return issue;
        }
        if (f.parent != null && !allowsIssue(f.parent.key())) {
            f.parent = null;
            f.hiddenParent = 1;
        }
        if (f.subtasks != null) {
            List<IssueDto.IssueRef> allowed = f.subtasks.stream().filter(s -> allowsIssue(s.key())).toList();
            f.hiddenSubtasks = f.subtasks.size() - allowed.size();
            f.subtasks = allowed;
        }
        if (f.issuelinks != null) {
            List<IssueDto.Link> allowed = f.issuelinks.stream().filter(l -> allowsIssue(l.outwardIssue() != null ? l
                    .outwardIssue().key() : l.inwardIssue() == null ? null : l.inwardIssue().key())).toList();
            f.hiddenLinks = f.issuelinks.size() - allowed.size();
            f.issuelinks = allowed;
        }
        return issue;
    }

    private static final Pattern KEY_ONLY = Pattern.compile("[A-Z][A-Z0-9_]*-\\d+");
    private static final java.util.Set<String> TEXT_FIELDS = java.util.Set.of("summary", "description",
            "environment", "labels", "comment");

    /**
     * Refuses a write whose fields refer to an issue outside the allowed projects, exactly as if that issue did not
     * exist: every field the request sends is checked, not only the tool's named arguments ({@code parent} given as a
     * raw field, by key or id, an epic link, an issue picker). Text fields are not references and are not checked.
     */
    public void requireAllowedReferences(JsonNode body) {
        for (String part : List.of("fields", "update")) {
            body.path(part).fields().forEachRemaining(field -> {
                if (!TEXT_FIELDS.contains(field.getKey())) {
                    requireAllowed(field.getKey(), field.getValue());
                }
            });
        }
    }

    private void requireAllowed(String field, JsonNode value) {
        if (value.isTextual() && KEY_ONLY.matcher(value.asText()).matches()) {
            requireProjectOf(value.asText());
        } else if (value.isObject()) {
            if (value.path("key").isTextual() && KEY_ONLY.matcher(value.path("key").asText()).matches()) {
                requireProjectOf(value.path("key").asText());
            } else if (field.equals("parent") && value.path("id").asText("").matches("\\d+")) {
                readable(value.path("id").asText(), "project", null);
            }
            value.fields().forEachRemaining(inner -> requireAllowed(field, inner.getValue()));
        } else if (value.isArray()) {
            value.forEach(item -> requireAllowed(field, item));
        }
    }

    boolean allowsIssue(String key) {
        return key != null && key.contains("-") && scope.allowsProject(key.substring(0, key.lastIndexOf('-')));
    }

    /** The issue as Jira sends it (for edits), under the same project scope as {@link #readable}. */
    JsonNode readableJson(String key, String fields, String expand) {
        requireProjectOf(key);
        JsonNode issue = site.issueJson(key, withProject(fields), expand);
        scope.requireProject(issue.path("fields").path("project").path("key").asText(null), notFound());
        return issue;
    }

    /**
     * The fields to ask for, with the project the scope check needs: a read of only, say, {@code status} would
     * otherwise come back without it and be refused as outside the allowed projects.
     */
    static String withProject(String fields) {
        if (fields == null || fields.isBlank()) {
            return fields;
        }
        List<String> asked = List.of(fields.split(","));
        return asked.contains("project") || asked.contains("*all") || asked.contains("*navigable") ? fields
                : fields + ",project";
    }

    private void requireProjectOf(String key) {
        if (key.contains("-")) {
            scope.requireProject(key.substring(0, key.lastIndexOf('-')), notFound());
        }
    }

    /** One page of an issue's comments, oldest first, and the cursor for the next page. */
    public record CommentPage(String issueKey, List<IssueDto.Comment> comments, int total, String nextCursor) {
    }

    public CommentPage comments(String key, int limit, String cursor) {
        Arguments.limit(limit, MAX_LIMIT);
        int start = Arguments.offset(Arguments.cursor(cursor), "jira_get_comments");
        IssueDto issue = readable(issueKey(key), "project", null);
        IssueDto.Comments page = site.comments(issue.key(), start, limit);
        List<IssueDto.Comment> comments = page.comments() == null ? List.of() : page.comments();
        int total = page.total() == null ? comments.size() : page.total();
        return new CommentPage(issue.key(), comments, total, Arguments.nextOffsetCursor(start, comments.size(), start
                + comments.size() < total));
    }

    /** One page of an issue's history, oldest first, and the cursor for the next page. */
    public record ChangelogPage(String issueKey, List<JsonNode> entries, int total, String nextCursor) {
    }

    /** Cloud pages the changelog resource; Data Center has it only as an expansion of the issue, paged here. */
    public ChangelogPage changelog(String key, int limit, String cursor) {
        Arguments.limit(limit, MAX_LIMIT);
        int start = Arguments.offset(Arguments.cursor(cursor), "jira_get_changelog");
        return changelogPage(readable(issueKey(key), "project", null).key(), start, limit);
    }

    /** A page of the history of an issue already read within the project scope. */
    ChangelogPage changelogPage(String issueKey, int start, int limit) {
        JiraSite.History history = site.changelog(issueKey, start, limit);
        List<JsonNode> entries = history.entries();
        return new ChangelogPage(issueKey, entries, history.total(), Arguments.nextOffsetCursor(start, entries
                .size(), start + entries.size() < history.total()));
    }

    /** The site's fields whose name or id contains {@code text} (all when blank). */
    public List<JsonNode> fields(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<JsonNode> found = new java.util.ArrayList<>();
        site.fields().forEach(f -> {
            if (f.path("name").asText().toLowerCase(Locale.ROOT).contains(wanted) || f.path("id").asText().toLowerCase(
                    Locale.ROOT).contains(wanted)) {
                found.add(f);
            }
        });
        return found;
    }

    /**
     * The projects the account can browse and the policy allows, at most {@value #MAX_PROJECT_PAGES} pages on Cloud.
     */
    public List<ProjectDto> projects() {
        return site.projects(MAX_PROJECT_PAGES, PROJECT_PAGE).stream().filter(p -> scope.allowsProject(p.key()))
                .toList();
    }

    /** A project in the allowed projects; any other answers like one that does not exist. */
    public ProjectDto project(String key) {
        String projectKey = projectKey(key);
        AtlassianException missing = new AtlassianException(404, List.of("No project could be found with key '"
                + projectKey + "'."), Optional.empty());
        scope.requireProject(projectKey, missing);
        return site.project(projectKey);
    }

    /** What Jira itself answers for an issue that does not exist or that the account may not see. */
    private static AtlassianException notFound() {
        return new AtlassianException(404, List.of("Issue does not exist or you do not have permission to see it."),
                Optional.empty());
    }

    public SearchPage search(String jql, int limit, String cursor) {
        return search(jql, limit, cursor, SEARCH_FIELDS);
    }

    /** A search returning the given field ids. */
    public SearchPage search(String jql, int limit, String cursor, List<String> fields) {
        try {
            return searchScoped(jql, limit, cursor, fields);
        } catch (AtlassianException e) {
            if (e.status() == 400 && !e.messages().isEmpty() && e.messages().stream().allMatch(this::namesOutside)) {
                JiraSite.Found none = site.nothingFound();
                return new SearchPage(none.issues(), none.next(), none.total());
            }
            throw e;
        }
    }

    private static final Pattern NO_SUCH_VALUE = Pattern.compile(
            "The value '(.+)' does not exist for the field '(project|issuekey|key|issue|parent)'\\.?");
    private static final Pattern NO_SUCH_ISSUE = Pattern.compile(
            "An issue with key '(.+)' does not exist for field '\\w+'\\.?");

    /**
     * Jira's answer that a project or issue named in a query does not exist, for one outside the allowed projects:
     * passed on, it would tell a caller which other projects and issues exist (for those the scoped query just finds
     * nothing), so the search answers as if nothing matched.
     */
    private boolean namesOutside(String message) {
        Matcher value = NO_SUCH_VALUE.matcher(message.strip());
        if (value.matches()) {
            String named = value.group(1);
            return value.group(2).equals("project") ? !scope.allowsProject(named) : !allowsIssue(named.toUpperCase(
                    Locale.ROOT));
        }
        Matcher issue = NO_SUCH_ISSUE.matcher(message.strip());
        return issue.matches() && !allowsIssue(issue.group(1).toUpperCase(Locale.ROOT));
    }

    private SearchPage searchScoped(String jql, int limit, String cursor, List<String> fields) {
        String query = scope.scopeJql(Arguments.text("jql", jql, MAX_JQL, "project = OPS ORDER BY created DESC"));
        Arguments.limit(limit, MAX_LIMIT);
        limit = scope.cap(limit);
        JiraSite.Found found = site.search(query, limit, Arguments.cursor(cursor), fields);
        return new SearchPage(found.issues().stream().map(this::confined).toList(), found.next(), found.total());
    }
}

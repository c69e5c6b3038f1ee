package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/** jira_get_issue: the issue, or only some of its fields, and the parts a caller asks to include. */
@ApplicationScoped
public class IssueDetails {

    /** What {@code include} can add to an issue. */
    public enum Part {
        COMMENTS, CHANGELOG, TRANSITIONS, WORKLOGS, WATCHERS, REMOTE_LINKS, CHILDREN;

        String argument() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int MAX_COMMENTS = 200;
    static final int LATEST_CHANGES = 20;
    static final int MAX_WORKLOGS = 100;
    private static final int COMMENT_PAGE = 100;

    /**
     * The issue and what was included (null when not asked for); {@code shownFields} are the ids a caller selected,
     * empty for the default view, which also has the issue's parents up to the top.
     */
    public record View(IssueDto issue, Set<String> shownFields, IssueHierarchy.Parents parents,
            JiraService.CommentPage comments, JiraService.ChangelogPage changelog, IssueTransitions.Open transitions,
            JsonNode worklogs, JsonNode watchers, JsonNode remoteLinks, IssueHierarchy.Children children) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final IssueTransitions transitions;
    private final IssueHierarchy hierarchy;

    IssueDetails(JiraService jira, JiraSite site, IssueTransitions transitions, IssueHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.jira = jira;
        this.site = site;
        this.transitions = transitions;
    }

    public View issue(String key, String fields, String include) {
        Set<Part> parts = parts(include);
        boolean selected = fields != null && !fields.isBlank();
        List<JiraService.SelectedField> chosen = selected ? jira.selectFields(fields) : List.of();
        IssueDto issue = selected ? jira.issue(key, chosen) : jira.issue(key);
        String issueKey = issue.key();
        return new View(issue, chosen.stream().map(JiraService.SelectedField::id).collect(Collectors.toSet()),
                selected ? null : hierarchy.parents(issue),
                parts.contains(Part.COMMENTS) ? allComments(issueKey) : null,
                parts.contains(Part.CHANGELOG) ? latestChanges(issueKey) : null,
                parts.contains(Part.TRANSITIONS) ? transitions.open(issueKey) : null,
                parts.contains(Part.WORKLOGS) ? site.worklogs(issueKey, 0, MAX_WORKLOGS) : null,
                parts.contains(Part.WATCHERS) ? site.watchers(issueKey) : null,
                parts.contains(Part.REMOTE_LINKS) ? site.remoteLinks(issueKey) : null,
                parts.contains(Part.CHILDREN) ? hierarchy.children(issue) : null);
    }

    static Set<Part> parts(String include) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        if (include == null || include.isBlank()) {
            return parts;
        }
        for (String raw : include.split(",")) {
            String wanted = raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            Part part = Arrays.stream(Part.values()).filter(p -> p.argument().equals(wanted)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("include: '" + raw.trim() + "' is not one of " + Arrays.stream(
                            Part.values()).map(Part::argument).collect(Collectors.joining(", "))));
            parts.add(part);
        }
        return parts;
    }

    /** Oldest first, at most {@value #MAX_COMMENTS}; the cursor continues with jira_get_comments. */
    private JiraService.CommentPage allComments(String issueKey) {
        List<IssueDto.Comment> comments = new ArrayList<>();
        int total;
        do {
            IssueDto.Comments page = site.comments(issueKey, comments.size(), COMMENT_PAGE);
            List<IssueDto.Comment> got = page.comments() == null ? List.of() : page.comments();
            total = page.total() == null ? comments.size() + got.size() : page.total();
            comments.addAll(got);
            if (got.isEmpty()) {
                break;
            }
        } while (comments.size() < total && comments.size() < MAX_COMMENTS);
        return new JiraService.CommentPage(issueKey, comments, total, comments.size() < total
                ? dev.atlmcp.platform.args.Arguments.offsetCursor(comments.size()) : null);
    }

    /** The latest {@value #LATEST_CHANGES} history entries, oldest of them first. */
    private JiraService.ChangelogPage latestChanges(String issueKey) {
        JiraService.ChangelogPage first = jira.changelogPage(issueKey, 0, LATEST_CHANGES);
        if (first.total() <= LATEST_CHANGES) {
            return first;
        }
        return jira.changelogPage(issueKey, first.total() - LATEST_CHANGES, LATEST_CHANGES);
    }
}

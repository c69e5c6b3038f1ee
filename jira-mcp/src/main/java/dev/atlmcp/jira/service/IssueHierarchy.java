package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;
import dev.atlmcp.platform.atlassian.AtlassianException;

/**
 * Where an issue sits: its parents up to the top (sub-task, story, epic and above), and its children (sub-tasks, or an
 * epic's issues). Both stay within the allowed projects: a parent outside them ends the chain unnamed, and children are
 * found by a search the project scope confines like any other.
 */
@ApplicationScoped
public class IssueHierarchy {

    /** The most parents looked up above an issue. */
    static final int MAX_DEPTH = 5;
    /** The children an issue view lists; the rest are a search away. */
    static final int CHILDREN = 20;

    /**
     * An issue's parents, nearest first; {@code outside} when the chain goes on into an issue outside the allowed
     * projects, which is not named.
     */
    public record Parents(List<IssueDto.IssueRef> chain, boolean outside) {
    }

    /** The first children of an issue, and the JQL that finds them all. */
    public record Children(JiraService.SearchPage page, String jql) {
    }

    private final JiraService jira;
    private final JiraSite site;

    IssueHierarchy(JiraService jira, JiraSite site) {
        this.jira = jira;
        this.site = site;
    }

    /**
     * The parents of an issue read in full: one request per level above the direct parent, stopping at the top, at an
     * issue the caller cannot see (Jira's 404 is not an error here) or after {@value #MAX_DEPTH}.
     */
    public Parents parents(IssueDto issue) {
        List<IssueDto.IssueRef> chain = new ArrayList<>();
        IssueDto current = issue;
        boolean outside = issue.fields() != null && issue.fields().hiddenParent > 0;
        while (!outside && chain.size() < MAX_DEPTH) {
            Optional<String> above = parentKey(current);
            if (above.isEmpty()) {
                break;
            }
            if (!jira.allowsIssue(above.get())) {
                outside = true;
                break;
            }
            Optional<IssueDto> parent = AtlassianException.unlessNotFound(() -> site.issue(above.get(), site
                    .hierarchyFields(), null));
            if (parent.isEmpty() || parent.get().fields() == null) {
                break;
            }
            IssueDto.Fields f = parent.get().fields();
            chain.add(new IssueDto.IssueRef(parent.get().id(), parent.get().key(), new IssueDto.RefFields(f.summary,
                    f.status, f.issuetype, f.priority)));
            current = parent.get();
        }
        return new Parents(chain, outside);
    }

    /** The first {@value #CHILDREN} children, in key order. */
    public Children children(IssueDto issue) {
        boolean epic = issue.fields() != null && issue.fields().issuetype != null && "Epic".equalsIgnoreCase(issue
                .fields().issuetype.name());
        String jql = site.childrenJql(issue.key(), epic);
        return new Children(jira.search(jql, CHILDREN, null), jql);
    }

    private Optional<String> parentKey(IssueDto issue) {
        IssueDto.Fields f = issue.fields();
        if (f != null && f.parent != null) {
            return Optional.of(f.parent.key());
        }
        return site.epicKey(issue);
    }
}

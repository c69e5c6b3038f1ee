package dev.atlmcp.jira.service;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/** Resolves a person given as display name, email or id to the reference a Jira edit takes. */
@ApplicationScoped
public class JiraUsers {

    private static final int CANDIDATES = 10;

    private final JiraSite site;

    JiraUsers(JiraSite site) {
        this.site = site;
    }

    /** Active people whose display name, email (or, on Data Center, username) starts with {@code text}. */
    public List<IssueDto.User> find(String text, int limit) {
        String query = Arguments.text("query", text, 200, "jane or jane.doe@example.com");
        Arguments.limit(limit, 50);
        return site.findPeople(query.trim(), limit).stream().filter(u -> !Boolean.FALSE.equals(u.active())).toList();
    }

    /**
     * {@code {"accountId": ...}} on Cloud, {@code {"name": ...}} on Data Center.
     *
     * @param field
     *            the field being set, for messages, e.g. {@code Assignee}
     */
    public ObjectNode reference(String field, String person) {
        String text = person.trim();
        if (site.isPersonId(text)) {
            return site.person(text);
        }
        List<IssueDto.User> found = site.findPeople(text, CANDIDATES).stream()
                .filter(u -> !Boolean.FALSE.equals(u.active())).toList();
        List<IssueDto.User> exact = found.stream().filter(u -> text.equalsIgnoreCase(u.emailAddress()) || text
                .equalsIgnoreCase(u.displayName()) || text.equals(u.id())).toList();
        List<IssueDto.User> matches = exact.isEmpty() ? found : exact;
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No active Jira user matches '" + text + "' for " + field + ". Give "
                    + "their display name, email or " + site.personIdName() + ".");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + text + "' matches several Jira users for " + field + ": "
                    + matches.stream().map(u -> u.displayName() + " (" + u.id() + ")").collect(Collectors.joining(
                            ", "))
                    + ". Give the email or " + site.personIdName()
                    + " of the one you mean.");
        }
        return site.person(matches.get(0).id());
    }
}

package dev.atlmcp.jira.service;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraClient;

/** Resolves a person given as display name, email or id to the reference a Jira edit takes. */
@ApplicationScoped
public class JiraUsers {

    /** Cloud account ids: 24 characters, or {@code 557058:} followed by a UUID. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-zA-Z]{24}|\\d+:[0-9a-f-]{36}");
    private static final int CANDIDATES = 10;

    private final JiraClient client;
    private final AtlassianConfig config;

    JiraUsers(@RestClient JiraClient client, AtlassianConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Active people whose display name, email (or, on Data Center, username) starts with {@code text}. */
    public List<IssueDto.User> find(String text, int limit) {
        String query = Arguments.text("query", text, 200, "jane or jane.doe@example.com");
        Arguments.limit(limit, 50);
        return (config.isDataCenter() ? client.searchUsersByUsername(query.trim(), limit) : client.searchUsers(query
                .trim(), limit)).stream().filter(u -> !Boolean.FALSE.equals(u.active())).toList();
    }

    /**
     * {@code {"accountId": ...}} on Cloud, {@code {"name": ...}} on Data Center.
     *
     * @param field
     *            the field being set, for messages, e.g. {@code Assignee}
     */
    public ObjectNode reference(String field, String person) {
        String text = person.trim();
        boolean dataCenter = config.isDataCenter();
        if (!dataCenter && ACCOUNT_ID.matcher(text).matches()) {
            return JsonNodeFactory.instance.objectNode().put("accountId", text);
        }
        List<IssueDto.User> found = (dataCenter ? client.searchUsersByUsername(text, CANDIDATES) : client.searchUsers(
                text, CANDIDATES)).stream().filter(u -> !Boolean.FALSE.equals(u.active())).toList();
        List<IssueDto.User> exact = found.stream().filter(u -> text.equalsIgnoreCase(u.emailAddress()) || text
                .equalsIgnoreCase(u.displayName()) || text.equals(u.id())).toList();
        List<IssueDto.User> matches = exact.isEmpty() ? found : exact;
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No active Jira user matches '" + text + "' for " + field + ". Give "
                    + "their display name, email or " + (dataCenter ? "username" : "account id") + ".");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + text + "' matches several Jira users for " + field + ": "
                    + matches.stream().map(u -> u.displayName() + " (" + u.id() + ")").collect(Collectors.joining(
                            ", "))
                    + ". Give the email or " + (dataCenter ? "username" : "account id")
                    + " of the one you mean.");
        }
        return JsonNodeFactory.instance.objectNode().put(dataCenter ? "name" : "accountId", matches.get(0).id());
    }
}

package dev.atlmcp.jira.service;

import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.changes.ChangeIndex;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.jira.client.JiraSite;

/**
 * Each caller's list of recent agent changes, kept as a user property of the Jira account the calls use (any account
 * may write its own properties): the service account, or the caller's own account with per-user credentials.
 */
@ApplicationScoped
public class JiraChangeIndex implements ChangeIndex {

    private final JiraSite site;
    private final JiraAccounts accounts;

    JiraChangeIndex(JiraSite site, JiraAccounts accounts) {
        this.site = site;
        this.accounts = accounts;
    }

    @Override
    public Optional<JsonNode> read(String key) {
        return read(accounts.current().id(), key);
    }

    @Override
    public void update(String key, UnaryOperator<Optional<JsonNode>> change) {
        String me = accounts.current().id();
        change.apply(read(me, key)).ifPresent(value -> {
            site.putPersonProperty(me, key, value);
        });
    }

    private Optional<JsonNode> read(String me, String key) {
        return AtlassianException.unlessNotFound(() -> site.personProperty(me, key)).map(p -> p.path("value"));
    }
}

package dev.atlmcp.jira.service;

import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.changes.ChangeIndex;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.jira.client.JiraClient;

/**
 * Each caller's list of recent agent changes, kept as a user property of the Jira account the calls use (any account
 * may write its own properties): the service account, or the caller's own account with per-user credentials.
 */
@ApplicationScoped
public class JiraChangeIndex implements ChangeIndex {

    private final JiraClient client;
    private final AtlassianConfig config;
    private final JiraAccounts accounts;

    JiraChangeIndex(@RestClient JiraClient client, AtlassianConfig config, JiraAccounts accounts) {
        this.client = client;
        this.config = config;
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
            if (config.isDataCenter()) {
                client.putUserProperty("2", key, null, me, value);
            } else {
                client.putUserProperty("3", key, me, null, value);
            }
        });
    }

    private Optional<JsonNode> read(String me, String key) {
        return AtlassianException.unlessNotFound(() -> config.isDataCenter() ? client.getUserProperty("2", key, null,
                me) : client.getUserProperty("3", key, me, null)).map(p -> p.path("value"));
    }
}

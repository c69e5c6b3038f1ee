package dev.atlmcp.confluence.service;

import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.atlmcp.platform.changes.ChangeIndex;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * Each caller's list of recent agent changes, kept on Cloud as a user property of the account the calls use (any
 * account may keep its own). Confluence Data Center has no user properties, so there the list is not kept.
 */
@ApplicationScoped
public class ConfluenceChangeIndex implements ChangeIndex {

    private final ConfluenceSite site;
    private final ConfluenceAccounts accounts;

    ConfluenceChangeIndex(ConfluenceSite site, ConfluenceAccounts accounts) {
        this.site = site;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> unavailable() {
        return site.noPersonProperties();
    }

    @Override
    public Optional<JsonNode> read(String key) {
        return read(accounts.current().id(), key);
    }

    /** Updates the property, creating it the first time. */
    @Override
    public void update(String key, UnaryOperator<Optional<JsonNode>> change) {
        String me = accounts.current().id();
        Optional<JsonNode> current = read(me, key);
        change.apply(current).ifPresent(value -> {
            var body = JsonNodeFactory.instance.objectNode();
            body.set("value", value);
            if (current.isPresent()) {
                site.updatePersonProperty(me, key, body);
            } else {
                site.createPersonProperty(me, key, body);
            }
        });
    }

    private Optional<JsonNode> read(String me, String key) {
        return AtlassianException.unlessNotFound(() -> site.personProperty(me, key)).map(p -> p.path("value"));
    }
}

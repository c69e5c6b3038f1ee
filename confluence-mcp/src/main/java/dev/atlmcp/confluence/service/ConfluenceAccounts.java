package dev.atlmcp.confluence.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.identity.AccountDirectory;
import dev.atlmcp.auth.identity.AtlassianAccount;
import dev.atlmcp.confluence.client.ConfluenceClient;
import dev.atlmcp.confluence.client.PageDtos;

/**
 * Confluence's accounts: the current user for the credentials in use. Confluence's APIs cannot look people up by email,
 * so with a service account callers are mapped through the mapping table.
 */
@ApplicationScoped
public class ConfluenceAccounts implements AccountDirectory {

    private final ConfluenceClient client;
    private final AtlassianConfig config;

    ConfluenceAccounts(@RestClient ConfluenceClient client, AtlassianConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public AtlassianAccount current() {
        PageDtos.Person me = config.isDataCenter() ? client.dataCenterCurrentUser() : client.cloudCurrentUser();
        return new AtlassianAccount(me.accountId() != null ? me.accountId() : me.username(), me.displayName());
    }

    @Override
    public Optional<AtlassianAccount> byEmail(String email) {
        return Optional.empty();
    }

    @Override
    public boolean searchesByEmail() {
        return false;
    }
}

package dev.atlmcp.confluence.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.auth.identity.AccountDirectory;
import dev.atlmcp.auth.identity.AtlassianAccount;
import dev.atlmcp.confluence.client.ConfluenceSite;
import dev.atlmcp.confluence.client.PageDtos;

/**
 * Confluence's accounts: the current user for the credentials in use. Confluence's APIs cannot look people up by email,
 * so with a service account callers are mapped through the mapping table.
 */
@ApplicationScoped
public class ConfluenceAccounts implements AccountDirectory {

    private final ConfluenceSite site;

    ConfluenceAccounts(ConfluenceSite site) {
        this.site = site;
    }

    @Override
    public AtlassianAccount current() {
        PageDtos.Person me = site.currentUser();
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

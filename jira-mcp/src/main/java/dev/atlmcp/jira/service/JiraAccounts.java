package dev.atlmcp.jira.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.auth.identity.AccountDirectory;
import dev.atlmcp.auth.identity.AtlassianAccount;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/** Jira's accounts: {@code /myself} for the credentials in use, user search for an email. */
@ApplicationScoped
public class JiraAccounts implements AccountDirectory {

    private static final int CANDIDATES = 10;

    private final JiraSite site;

    JiraAccounts(JiraSite site) {
        this.site = site;
    }

    @Override
    public AtlassianAccount current() {
        IssueDto.User me = site.myself();
        return new AtlassianAccount(me.id(), me.displayName());
    }

    /** Exactly one active match; Cloud may hide emails, so there a unique prefix match on the full email counts. */
    @Override
    public Optional<AtlassianAccount> byEmail(String email) {
        List<IssueDto.User> users = site.findPeople(email, CANDIDATES);
        List<IssueDto.User> matches = users.stream().filter(u -> !Boolean.FALSE.equals(u.active())).filter(
                u -> u.emailAddress() == null ? site.hidesEmails() : u.emailAddress().equalsIgnoreCase(email)).toList();
        return matches.size() == 1 ? Optional.of(new AtlassianAccount(matches.get(0).id(), matches.get(0)
                .displayName())) : Optional.empty();
    }
}

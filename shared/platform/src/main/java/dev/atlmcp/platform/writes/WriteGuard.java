package dev.atlmcp.platform.writes;

import java.util.Collection;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.auth.identity.AtlassianAccount;
import dev.atlmcp.auth.identity.IdentityMapper;

/**
 * The optional write guard ({@code MCP_POLICY_WRITE_GUARD=own}): writes only to items the caller owns (Jira: assigned
 * to or reported by them; Confluence: pages they created), judged by the caller's mapped Atlassian account. It fails
 * closed: a caller who cannot be mapped cannot write.
 */
@ApplicationScoped
public class WriteGuard {

    private final PlatformConfig.Policy policy;
    private final IdentityMapper identity;

    WriteGuard(PlatformConfig server, IdentityMapper identity) {
        this.policy = server.policy();
        this.identity = identity;
    }

    public boolean enabled() {
        return policy.ownItemsOnly();
    }

    /**
     * Refuses unless the guard is off or the caller's account is among {@code ownerIds}.
     *
     * @param item
     *            what is being changed, e.g. {@code OPS-2}
     * @param owners
     *            who may change it, e.g. {@code issues assigned to or reported by you}
     */
    public void requireOwner(String item, String owners, Collection<String> ownerIds) {
        if (!enabled()) {
            return;
        }
        IdentityMapper.Mapping mapping = identity.current();
        if (mapping.account().isEmpty()) {
            throw new ToolRefusal("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only " + owners
                    + ", and this server cannot tell which account is yours: " + mapping.how() + ". Nothing was "
                    + "changed.");
        }
        AtlassianAccount me = mapping.account().get();
        if (ownerIds.stream().filter(Objects::nonNull).noneMatch(me.id()::equals)) {
            throw new ToolRefusal("The write guard (MCP_POLICY_WRITE_GUARD=own) lets you change only " + owners
                    + " (" + me + "); " + item + " is not. Nothing was changed.");
        }
    }
}
